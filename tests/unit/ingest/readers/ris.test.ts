import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../../pipeline/ingest/index.js';
import { risDate } from '../../../../pipeline/ingest/readers/ris.js';
import { makeTempInputs, paper } from '../../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const EXPORT = [
  'Provider: Zotero', '',
  'TY  - JOUR', 'TI  - Multi-line values in RIS', 'AU  - Çelik, Ayşe', 'A1  - Østergård, Søren',
  'PY  - 2023///', 'DA  - 2023/05/12/', 'T2  - Journal of Examples', 'KW  - model merging', 'KW  - editing; unlearning',
  'DO  - 10.1000/ris.1', 'UR  - https://example.org/ris1',
  'AB  - An abstract that', 'continues on a second line', 'and a third.', 'ER  - ', '',
  'TY  - CONF', 'T1  - Year only, N2 for the abstract', 'Y1  - 2021', 'N2  - The second abstract tag.', 'ER  -', '',
  'TY  - JOUR', 'TI  - No abstract', 'PY  - 2020', 'ER  - ', ''
].join('\r\n');

describe('the RIS reader', () => {
  it('reads TY/ER records with continuation lines, TI/T1, AB/N2, the most precise date, AU/A1, KW, DO, UR and T2', async () => {
    const path = temp.write('export.ris', EXPORT);
    const result = await ingestFiles([path], { strict: false });
    expect(result.files[0].format).toBe('ris');
    expect(result.papers).toStrictEqual([
      paper({
        paperId: '10.1000/ris.1', title: 'Multi-line values in RIS', abstract: 'An abstract that continues on a second line and a third.',
        published: '2023-05-12', datePrecision: 'day', authors: ['Ayşe Çelik', 'Søren Østergård'], categories: ['model merging', 'editing', 'unlearning'], keywordsOnly: true,
        url: 'https://example.org/ris1', source: 'export.ris', doi: '10.1000/ris.1', venue: 'Journal of Examples'
      }),
      paper({ paperId: expect.stringMatching(/^t:/) as unknown as string, title: 'Year only, N2 for the abstract', abstract: 'The second abstract tag.', published: '2021-01-01', datePrecision: 'year', source: 'export.ris' })
    ]);
    expect(result.skipped).toStrictEqual([{ file: path, line: 25, field: 'AB', reason: 'expected a non-empty string, got nothing (field missing)' }]);
  });
  it('skips a record cut off by the next TY or by the end of the file', async () => {
    const path = temp.write('cut.ris', 'TY  - JOUR\nTI  - Lost\nTY  - JOUR\nTI  - Kept\nAB  - Kept.\nER  - \nTY  - JOUR\nTI  - Cut\n');
    const result = await ingestFiles([path], { strict: false });
    expect(result.papers.map((p) => p.title)).toStrictEqual(['Kept']);
    expect(result.skipped).toStrictEqual([
      { file: path, line: 1, field: '(record)', reason: 'RIS record not closed: expected "ER  - " before the next "TY  - "' },
      { file: path, line: 7, field: '(record)', reason: 'RIS record not closed: expected "ER  - " before the end of the file' }
    ]);
  });
  it('keeps a global id in ID or AN (an EID, a WoS UT, an arXiv id) as the paper id and records the DOI; a DOI wins over a local ID', async () => {
    const record = (id: string, i: number) => [`TY  - JOUR`, `ID  - ${id}`, `TI  - Paper ${i}`, `AB  - Abstract ${i}.`, `PY  - 2024`, `DO  - 10.1000/id.${i}`, 'ER  - ', ''];
    const path = temp.write('ids.ris', [['2-s2.0-85200000000', 'WOS:001200000000250', '2401.00001', '1234'].flatMap(record), 'TY  - JOUR',
      'AN  - WOS:001200000000251', 'TI  - Paper 4', 'AB  - Abstract 4.', 'DO  - 10.1000/id.4', 'ER  - ', ''].flat().join('\r\n'));
    const { papers } = await ingestFiles([path], { strict: true });
    expect(papers.map((p) => [p.paperId, p.doi])).toStrictEqual([['2-s2.0-85200000000', '10.1000/id.0'], ['WOS:001200000000250', '10.1000/id.1'],
      ['2401.00001', '10.1000/id.2'], ['10.1000/id.3', '10.1000/id.3'], ['WOS:001200000000251', '10.1000/id.4']]);
  });
  it('reads RIS dates with empty parts', () => {
    expect(risDate(['2023/05/12/', '2023'])).toBe('2023-05-12');
    expect(risDate(['', '2023///'])).toBe('2023');
    expect(risDate(['2023/5//'])).toBe('2023-05');
  });
  it('is found by content in a .txt file', async () => {
    const path = temp.write('export.txt', EXPORT);
    expect((await ingestFiles([path], { strict: false })).files[0].format).toBe('ris');
  });
});
