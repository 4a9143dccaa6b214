import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../../pipeline/ingest/index.js';
import { makeTempInputs, paper } from '../../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

// As Web of Science writes "Plain text file" (savedrecs.txt, what CiteSpace reads): a BOM, FN and VR,
// names one per line, a wrapped title and keyword list, CR lines, a blank line between records, EF.
const EXPORT = [
  '\ufeffFN Clarivate Analytics Web of Science', 'VR 1.0',
  'PT J', 'AU Çelik, A', '   Østergård, S', '   van der Berg, J', 'AF Çelik, Ayşe', '   Østergård, Søren', '   van der Berg, Jan',
  'TI Burst detection in citation streams: a study of', '   emerging topics', 'SO SCIENTOMETRICS', 'LA English', 'DT Article',
  'DE burst detection; emerging topics; citation', '   analysis', 'ID KEYWORDS PLUS; SCIENCE',
  'AB Kleinberg bursts find emerging topics in streams of citations.', 'C1 [Celik, Ayse] Univ Example, Dept CS, Ankara, Turkey.',
  'CR Kleinberg J, 2003, DATA MIN KNOWL DISC, V7, P373', '   Chen CM, 2006, J AM SOC INF SCI TEC, V57, P359', 'NR 2',
  'PD MAR 15', 'PY 2023', 'VL 128', 'DI 10.1007/s11192-023-00001-x', 'UT WOS:000912345600001', 'ER', '',
  'PT C', 'AU Roe, R', 'TI A year-only proceedings paper', 'SO PROCEEDINGS OF AN EXAMPLE CONFERENCE',
  'AB The second abstract.', 'PY 2021', 'UT WOS:000712345600002', 'ER', '',
  'PT J', 'TI No abstract', 'PY 2020', 'UT WOS:000612345600003', 'ER', '',
  'PT J', 'TI Early access, no issue yet', 'AB Online ahead of its issue.', 'EA JAN 2025', 'UT WOS:001412345600004', 'ER', '', 'EF', ''
].join('\r\n');

describe("Web of Science's plain-text export", () => {
  it('reads PT/ER records: continued names, wrapped title and keywords, PY refined by PD, DI, UT and SO', async () => {
    const path = temp.write('savedrecs.txt', EXPORT);
    const result = await ingestFiles([path], { strict: false });
    expect(result.files[0].format).toBe('wos');
    expect(result.papers).toStrictEqual([
      paper({
        paperId: 'WOS:000912345600001', title: 'Burst detection in citation streams: a study of emerging topics',
        abstract: 'Kleinberg bursts find emerging topics in streams of citations.', published: '2023-03-15', datePrecision: 'day',
        authors: ['Ayşe Çelik', 'Søren Østergård', 'Jan van der Berg'], categories: ['burst detection', 'emerging topics', 'citation analysis'], keywordsOnly: true,
        source: 'savedrecs.txt', doi: '10.1007/s11192-023-00001-x', venue: 'SCIENTOMETRICS', url: null
      }),
      paper({
        paperId: 'WOS:000712345600002', title: 'A year-only proceedings paper', abstract: 'The second abstract.', published: '2021-01-01',
        datePrecision: 'year', authors: ['R Roe'], source: 'savedrecs.txt', venue: 'PROCEEDINGS OF AN EXAMPLE CONFERENCE', url: null
      }),
      // No PY yet: dated by its early-access month (found by the CLI review of 2026-12-02).
      paper({ paperId: 'WOS:001412345600004', title: 'Early access, no issue yet', abstract: 'Online ahead of its issue.', published: '2025-01-01',
        datePrecision: 'month', source: 'savedrecs.txt', url: null })
    ]);
    // Named by its tag, as the file has it (the README audit of 2026-12-04: it said "abstract"), though the record leaves AB out.
    expect(result.skipped).toStrictEqual([{ file: path, line: 39, field: 'AB', reason: 'expected a non-empty string, got an empty string' }]);
  });

  it('is found by its content in a .txt, by its extension as .ciw, and with --format wos', async () => {
    const ciw = temp.write('savedrecs.ciw', EXPORT.replace('\ufeff', ''));
    const forced = temp.write('export.dat', EXPORT);
    for (const [path, format] of [[ciw, undefined], [forced, 'wos']] as const) {
      const result = await ingestFiles([path], { strict: false, format });
      expect([result.files[0].format, result.papers.length]).toStrictEqual(['wos', 3]);
    }
  });

  it('skips a record cut off by the next PT or by the end of the file', async () => {
    const path = temp.write('cut.txt', 'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI Lost\nPT J\nTI Kept\nAB Kept.\nUT WOS:1\nER\nPT J\nTI Cut\n');
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => p.title)).toStrictEqual(['Kept']);
    expect(result.skipped).toStrictEqual([
      { file: path, line: 3, field: '(record)', reason: 'Web of Science record not closed: expected "ER" before the next "PT"' },
      { file: path, line: 10, field: '(record)', reason: 'Web of Science record not closed: expected "ER" before the end of the file' }
    ]);
  });
});
