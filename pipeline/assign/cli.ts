// The assign command-line entry (`npm run assign -- …`); main.ts does the work and picks the exit code.
import { assignMain } from './main.js';

process.exitCode = await assignMain(process.argv.slice(2));
