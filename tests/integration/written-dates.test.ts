// A date-time with a zone offset, through the CLI: each paper is stored on the calendar day written in
// its record (the author's local day), whatever the machine's zone; an impossible one is skipped with
// the file, line, field and what was expected.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDbPath, THREE_TOPICS } from '../fixtures/cli.js';
import { readDb } from '../fixtures/read-db.js';

/** The first papers' dates rewritten as date-times; the rest keep their days. */
const WRITTEN: Record<number, string> = {
  0: '2026-03-01T01:30:00+09:00', // 28 Feb 16:30 UTC
  1: '2026-02-28T23:00:00-05:00', // 1 Mar 04:00 UTC
  2: '2025-12-31T23:30:00-08:00', // 2026 in UTC
  3: 'Thu, 1 Jan 2026 00:30:00 +0200', // RFC 2822: 2025 in UTC
  4: '2026-02-29T01:30:00+09:00' // no such day: skipped
};
const dir = mkdtempSync(join(tmpdir(), 'themescope-written-dates-'));
const input = join(dir, 'offsets.jsonl');
const db = tempDbPath();
let ids: string[] = [];
let result: ReturnType<typeof runCli>;

beforeAll(() => {
  const records = readFileSync(THREE_TOPICS, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; published: string });
  ids = records.map((r) => r.id);
  for (const [i, date] of Object.entries(WRITTEN)) records[+i].published = date;
  writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  // Not UTC on purpose: the written day must not depend on the machine's zone either.
  result = runCli(['--input', input, '--k', '3', '--min-df', '2', '--quiet', '--db', db], { TZ: 'Pacific/Auckland' });
}, 120_000);

describe('a date-time with a zone offset', () => {
  it('is stored as the calendar day written in the record, not its UTC day', async () => {
    expect(result.code).toBe(0);
    const rows = await readDb<{ paper_id: string; published: string; date_precision: string }>(db,
      'SELECT paper_id, published::VARCHAR AS published, date_precision FROM papers ORDER BY published, paper_id');
    expect(rows.filter((r) => ids.slice(0, 5).includes(r.paper_id))).toStrictEqual([
      { paper_id: ids[2], published: '2025-12-31', date_precision: 'day' },
      { paper_id: ids[3], published: '2026-01-01', date_precision: 'day' },
      { paper_id: ids[1], published: '2026-02-28', date_precision: 'day' },
      { paper_id: ids[0], published: '2026-03-01', date_precision: 'day' }
    ]);
  });

  it('that names no real day is skipped with the file, line, field and what was expected', async () => {
    expect(result.stdout).toContain('59 read into themes, 1 skipped');
    expect(await readDb(db, 'SELECT file, line, field, reason FROM skipped_records')).toStrictEqual([{
      file: input, line: 5, field: 'published',
      reason: 'expected a real date in 1000..2100, got "2026-02-29T01:30:00+09:00" (2026-02 has 28 days)'
    }]);
  });
});
