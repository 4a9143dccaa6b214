// The pipeline's command-line entry (`npm run pipeline -- …`); main.ts does the work and picks the exit code.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
