// Writes schema.sql, the human-readable contract, from the table spec: `npx tsx pipeline/store/write-schema.ts`.
// tests/unit/store/schema.test.ts fails while the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { schemaSql } from './tables.js';

writeFileSync(new URL('./schema.sql', import.meta.url), schemaSql());
