// Papers whose title names a kind of item ("Introduction", "Editorial") or is very short: the title
// alone must not make two of them one paper (found by the ingest review of 2026-12).
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../pipeline/ingest/index.js';
import { contentId, isGenericTitle, isLocalClash, localIdOf, titleYearKey } from '../../../pipeline/ingest/merge.js';
import { titleId } from '../../../pipeline/ingest/text.js';
import { jsonLines, makeTempInputs } from '../../fixtures/ingest/temp-inputs.js';

const temp = makeTempInputs();
afterAll(() => temp.remove());

const FOREWORD = 'This volume gathers the papers of the workshop on graph learning held in Lisbon.';
const OTHER_FOREWORD = 'Welcome to the special issue on robot learning, which brings together eight papers.';

describe('isGenericTitle', () => {
  it('knows the titles journals and books give to many items, in any case, punctuation and numbering', () => {
    for (const title of ['Introduction', 'EDITORIAL', 'Preface.', 'Conclusion', 'Foreword', 'Index', 'Book Review', 'Book reviews', 'Erratum',
      'Letter to the Editor', "Editor's note", 'Guest Editorial', 'Introduction to the special issue', '1. Introduction',
      'Chapter 3: Conclusions', 'Part II. Introduction', 'Corrigendum']) {
      expect([title, isGenericTitle(title)]).toStrictEqual([title, true]);
    }
  });
  it('takes a title of one or two words as too short to name one paper by itself', () => {
    expect(['Deep learning', 'Transformers', 'Volume 12, Issue 3'].map(isGenericTitle)).toStrictEqual([true, true, true]);
  });
  it('leaves specific titles alone, also ones that start like a generic title', () => {
    for (const title of ['An introduction to graph neural networks', 'Attention is all you need', 'Book review of Deep Learning by Goodfellow',
      'Erratum to "Graph networks for molecules"', 'No free lunch theorems', 'Speech at scale']) {
      expect([title, isGenericTitle(title)]).toStrictEqual([title, false]);
    }
  });
});

describe('papers with a generic title and no global id', () => {
  it('stay two papers, each with its own stable t: id, when their abstracts differ; one when they agree', async () => {
    const records = [
      { title: 'Foreword', abstract: FOREWORD, published: '2024' },
      { title: 'Foreword', abstract: OTHER_FOREWORD, published: '2024' },
      { title: 'FOREWORD.', abstract: `${FOREWORD}`, published: '2024' } // the first again, from another list
    ];
    const result = await ingestFiles([temp.write('forewords.jsonl', jsonLines(...records))], { strict: false });
    expect(result.papers.map((p) => [p.paperId, p.abstract])).toStrictEqual([
      [contentId({ title: 'Foreword', abstract: FOREWORD }), FOREWORD], [contentId({ title: 'Foreword', abstract: OTHER_FOREWORD }), OTHER_FOREWORD]
    ]);
    expect(result.duplicates).toBe(1);
    // The same ids from the same records in another run, and none of them the title's alone.
    const again = await ingestFiles([temp.write('forewords-again.jsonl', jsonLines(...records.slice(0, 2).reverse()))], { strict: false });
    expect(again.papers.map((p) => p.paperId).sort()).toStrictEqual(result.papers.map((p) => p.paperId).sort());
    expect(result.papers.map((p) => p.paperId)).not.toContain(titleId('Foreword'));
  });
  it('are not merged by title and year with a paper that has an id (a DOI, a key) and another abstract', async () => {
    const path = temp.write('introductions.csv', 'id,title,abstract,year\n' +
      `10.1000/intro.1,Introduction,${FOREWORD},2023\nkey7,Introduction,"${OTHER_FOREWORD}",2023\n,Introduction,${FOREWORD},2023\n`);
    const result = await ingestFiles([path], { strict: false });
    expect([result.papers.map((p) => p.paperId), result.duplicates]).toStrictEqual([['10.1000/intro.1', 'key7'], 1]);
  });
  it('keeps two libraries\' "smith2023" of one generic title apart when their abstracts differ, under distinct ~ ids', async () => {
    const a = temp.write('libA.jsonl', jsonLines({ id: 'smith2023', title: 'Editorial', abstract: FOREWORD, published: '2023' }));
    const b = temp.write('libB.jsonl', jsonLines({ id: 'smith2023', title: 'Editorial', abstract: OTHER_FOREWORD, published: '2023' }));
    const result = await ingestFiles([a, b], { strict: false });
    const keptAs = localIdOf({ paperId: 'smith2023', title: 'Editorial', abstract: OTHER_FOREWORD });
    expect(result.papers.map((p) => p.paperId)).toStrictEqual(['smith2023', keptAs]);
    expect(keptAs).not.toBe(localIdOf({ paperId: 'smith2023', title: 'Editorial', abstract: FOREWORD }));
  });
});

describe('the keys behind the rule', () => {
  it('add the abstract to a generic title\'s title-and-year key only', () => {
    const key = (title: string, abstract: string) => titleYearKey({ title, abstract, published: '2024-03-01' });
    expect(key('Editorial', FOREWORD)).not.toBe(key('Editorial', OTHER_FOREWORD));
    const long = `${FOREWORD} It also gathers the invited talks, the panel on benchmarks and the posters shown in the afternoon sessions of both days of the meeting.`;
    expect(key('Editorial', `${long} A sentence past the first 200 letters.`)).toBe(key('editorial', `${long} Another one.`));
    expect(key('Graph networks for molecules', FOREWORD)).toBe(key('Graph Networks for Molecules', OTHER_FOREWORD));
  });
  it('make one local id with one generic title a clash only when both abstracts are known and differ', () => {
    const kept = { title: 'Editorial', doi: null, abstract: FOREWORD };
    expect(isLocalClash(kept, { paperId: 'row1', title: 'Editorial', doi: null, abstract: OTHER_FOREWORD })).toBe(true);
    expect(isLocalClash(kept, { paperId: 'row1', title: 'Editorial', doi: null, abstract: FOREWORD })).toBe(false);
    expect(isLocalClash({ title: 'Editorial', doi: null }, { paperId: 'row1', title: 'Editorial', doi: null, abstract: FOREWORD })).toBe(false);
    expect(isLocalClash({ ...kept, doi: '10.1/x' }, { paperId: 'row1', title: 'Editorial', doi: '10.1/X', abstract: OTHER_FOREWORD })).toBe(false);
  });
});
