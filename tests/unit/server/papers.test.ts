import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { listThemeOptions, paperNamedBy, readPaperFilter, searchPapers, type PaperFilter } from '../../../src/lib/server/papers.js';
import { handMadeRun } from '../../fixtures/hand-made-run.js';
import { buildSearchIndex } from '../../../pipeline/search/index.js';
import { loadThemePapers } from '../../../src/lib/server/theme.js';
import { loadPaper } from '../../../src/lib/server/paper.js';
import { httpErrorOf } from './http-error.js';
import { writeTempDb, type TempDb } from './temp-db.js';

// Hand-made run: paper i (id 2501.1000i, zero-padded to 5 digits) is in theme i % 3, published 2025-(floor(i/4)+1)-10.
// Theme 0's titles and abstracts say "merging", theme 1's "long context", except for the three below.
const id = (i: number) => `2501.${10000 + i}`;
type Filter = { theme?: number; q?: string; from?: string; to?: string; author?: string; category?: string; sort?: string };
let db: TempDb;

beforeAll(async () => {
  const run = handMadeRun();
  // Paper 3 (theme 0) says "emerging" only; paper 4 has a hyphenated title; paper 21 (theme 0, the
  // newest) says "merging" in its abstract only, and has a formula in its title.
  Object.assign(run.papers[3], { title: 'Emerging trends in task arithmetic', abstract: 'An abstract about emerging trends (3).' });
  run.papers[4].title = 'Long-context retrieval paper 4';
  run.papers[21].title = 'Task arithmetic paper 21 at $\\mathcal{O}(n^2)$ cost';
  run.papers[5].doi = '10.1234/ABC.def-5';
  run.search = buildSearchIndex(run.papers); // the index of the texts as changed
  db = await writeTempDb([run]);
});
afterAll(() => db.remove());

/** The filter as a request gives it (readPaperFilter resolves the query against the run's index). */
async function filterOf(filter: Filter): Promise<PaperFilter> {
  const params = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
  return readPaperFilter(params, 1);
}

async function ids(filter: Filter, page = 1, pageSize = 50) {
  const result = await searchPapers(1, await filterOf(filter), page, pageSize);
  return { total: result.total, pages: result.pages, ids: result.items.map((p) => p.paperId) };
}

describe('searchPapers', () => {
  it('lists every paper of the run newest first, ties by id', async () => {
    const result = await ids({});
    expect(result.total).toBe(24);
    expect(result.ids.slice(0, 6)).toStrictEqual([id(20), id(21), id(22), id(23), id(16), id(17)]);
  });

  it('filters by theme', async () => {
    expect(await ids({ theme: 1 })).toStrictEqual({ total: 8, pages: 1, ids: [22, 16, 19, 13, 10, 4, 7, 1].map(id) });
  });

  it('matches the search text in titles case-insensitively, numbers not being searchable words', async () => {
    // Theme 2's titles say "gaussian"; "2" is a number, which the index (like the tokeniser) leaves out.
    expect([(await ids({ q: 'GAUSSIAN' })).total, (await ids({ q: 'Gaussian 2' })).total]).toStrictEqual([8, 8]);
  });

  it('matches the search text in abstracts', async () => {
    expect((await ids({ q: 'Position Interpolation' })).total).toBe(8);
  });

  it('matches whole words by stem: "merging" does not find a paper that only says "emerging"', async () => {
    // Theme 0 without paper 3. Titles of one length with the word score alike (ties by id); 21 has it in its abstract only.
    expect(await ids({ q: 'merging' })).toStrictEqual({ total: 7, pages: 1, ids: [0, 6, 9, 12, 15, 18, 21].map(id) });
  });

  it('finds other forms of a word through its stem', async () => {
    expect(await ids({ q: 'merges ' })).toStrictEqual(await ids({ q: 'merging' }));
  });

  it('orders by date on request', async () => {
    expect((await ids({ q: 'merging', sort: 'date' })).ids).toStrictEqual([21, 18, 12, 15, 9, 6, 0].map(id));
  });

  it('filters by author and by category', async () => {
    expect([(await ids({ author: 'Author 7' })).ids, (await ids({ category: 'cs.CL', theme: 1 })).ids]).toStrictEqual([
      [id(7)],
      [22, 16, 10, 4].map(id)
    ]);
  });

  it('filters by category in any case, as a category is typed (review of 2026-12-05: "cs.cl" found none)', async () => {
    expect([(await ids({ category: 'cs.cl', theme: 1 })).ids, (await ids({ category: 'CS.CL', theme: 1 })).ids, (await ids({ category: 'cs.C' })).total])
      .toStrictEqual([[22, 16, 10, 4].map(id), [22, 16, 10, 4].map(id), 0]);
  });

  it('takes one word as a surname, the last word of a name, in any case (dashboard review of 2026-12-04: "LeCun" found none)', async () => {
    // Every paper lists "Shared Author"; "Author 7" ends in 7 ("Author 17" does not); a first name is no surname.
    expect([(await ids({ author: 'AUTHOR' })).total, (await ids({ author: '7' })).ids, (await ids({ author: 'shared' })).total, (await ids({ author: 'AUTHOR 7' })).ids])
      .toStrictEqual([24, [id(7)], 0, [id(7)]]);
  });

  it('matches the start of a word, so a prefix finds the whole word', async () => {
    expect(await ids({ q: 'merg' })).toStrictEqual(await ids({ q: 'merging' }));
  });

  it('takes hyphen and space alike as word separators', async () => {
    expect([await ids({ q: 'retrieval long context' }), await ids({ q: 'Retrieval long-context' })]).toStrictEqual([
      { total: 1, pages: 1, ids: [id(4)] },
      { total: 1, pages: 1, ids: [id(4)] }
    ]);
  });

  it('requires every word of the query', async () => {
    expect([(await ids({ q: 'merging arithmetic' })).ids, (await ids({ q: 'merging splatting' })).total]).toStrictEqual([[id(21)], 0]);
  });

  it('takes % and _ as separators, not wildcards, and finds nothing for punctuation only', async () => {
    expect([await ids({ q: 'task_vectors' }), (await ids({ q: '%' })).total]).toStrictEqual([await ids({ q: 'task vectors' }), 0]);
  });

  it('keeps papers within inclusive date bounds', async () => {
    expect(await ids({ from: '2025-03-10', to: '2025-04-10' })).toStrictEqual({
      total: 8,
      pages: 1,
      ids: [12, 13, 14, 15, 8, 9, 10, 11].map(id)
    });
  });

  it('combines the filters', async () => {
    // Theme 0 is papers 0, 3, …, 21; from May on leaves 18 (May) and 21 (June), whose title lacks "merging".
    expect(await ids({ theme: 0, q: 'merging', from: '2025-05-01' })).toStrictEqual({ total: 2, pages: 1, ids: [id(18), id(21)] });
  });

  it('pages through the results without overlap', async () => {
    const pages = [await ids({}, 1, 10), await ids({}, 2, 10), await ids({}, 3, 10)];
    expect(pages.map((p) => [p.total, p.pages, p.ids.length])).toStrictEqual([[24, 3, 10], [24, 3, 10], [24, 3, 4]]);
    expect(new Set(pages.flatMap((p) => p.ids)).size).toBe(24);
  });

  it('returns no items but the total for a page past the end', async () => {
    expect(await ids({}, 9, 10)).toStrictEqual({ total: 24, pages: 3, ids: [] });
  });

  it('shows each paper with its link, short authors, theme, marked title and excerpt', async () => {
    const result = await searchPapers(1, await filterOf({ theme: 2, q: 'splatting', sort: 'date' }), 1, 1);
    expect(result.items).toStrictEqual([
      {
        paperId: id(20),
        title: 'gaussian splatting paper 20',
        titleParts: [
          { text: 'gaussian ', hit: false },
          { text: 'splatting', hit: true },
          { text: ' paper 20', hit: false }
        ],
        published: '2025-06-10',
        authors: 'Author 20, Shared Author',
        href: `https://arxiv.org/abs/${id(20)}`,
        themeId: 2,
        themeLabel: 'gaussian splatting',
        themeMixture: false,
        excerpt: [
          { text: 'An abstract about gaussian ', hit: false },
          { text: 'splatting', hit: true },
          { text: ' and 3dgs and novel view synthesis and rendering (20).', hit: false }
        ],
        added: false,
        novel: false
      }
    ]);
  });
});

describe('LaTeX in titles and abstracts (tex-display.ts)', () => {
  it('is shown as text in lists and theme pages, the search words still marked', async () => {
    const [listed] = (await searchPapers(1, await filterOf({ q: 'arithmetic cost' }), 1, 1)).items;
    expect([listed.title, listed.titleParts.filter((p) => p.hit).map((p) => p.text)]).toStrictEqual(['Task arithmetic paper 21 at 𝒪(n²) cost', ['arithmetic', 'cost']]);
    expect(listed.titleParts.map((p) => p.text).join('')).toBe(listed.title);
    const typical = (await loadThemePapers(1, 0, null, 1, 50)).items.find((p) => p.paperId === id(21));
    expect(typical?.title).toBe('Task arithmetic paper 21 at 𝒪(n²) cost');
  });
});

describe('a theme page\'s list (theme.ts loadThemePapers)', () => {
  // Theme 0 is papers 0, 3, …, 21, most typical in id order (similarity falls with the id): with
  // theme=0 the list and /papers find the same papers in the same order, and count them alike.
  const both = async (q: string) => {
    const list = await loadThemePapers(1, 0, q, 1, 50);
    return { list: { total: list.total, ids: list.items.map((p) => p.paperId) }, papers: await ids({ theme: 0, q }) };
  };

  it('means by a query what /papers means: words by stem, a prefix, a quoted phrase, a -word left out', async () => {
    const queries = { merging: [0, 6, 9, 12, 15, 18, 21], merg: [0, 6, 9, 12, 15, 18, 21], '"task arithmetic"': [21, 3], '"tasks arithmetics"': [21, 3], 'task -merging': [3], 'merging splatting': [] };
    for (const [q, want] of Object.entries(queries)) {
      const { list, papers } = await both(q);
      expect([q, list]).toStrictEqual([q, { total: want.length, ids: want.map(id) }]);
      expect([q, list]).toStrictEqual([q, { total: papers.total, ids: papers.ids }]);
    }
  });

  it('leaves out a phrase written with a minus before its quote: what the word finds less what the phrase finds (dashboard audit of 2026-12-03)', async () => {
    const [task, phrase, without] = await Promise.all(['task', '"task arithmetic"', 'task -"task arithmetic"'].map((q) => both(q)));
    expect(phrase.list.total).toBeGreaterThan(0);
    expect(without.list.ids).toStrictEqual(task.list.ids.filter((x) => !phrase.list.ids.includes(x)));
    expect(without.list.total).toBeGreaterThan(0);
    expect({ total: without.papers.total, ids: without.papers.ids }).toStrictEqual(without.list);
  });

  it('reads an excluded phrase only in the papers holding its words, and drops one with a word no paper holds (review of 2026-12-05: each read every text, 2 s)', async () => {
    const resolved = await Promise.all(['task -"task arithmetic"', 'task -"Task-Arithmetic paper"', 'task -"of the"', 'task -"task zebra"'].map((q) => filterOf({ q })));
    const [phrase, hyphenated, stopWords, unheld] = resolved.map((f) => [f.match!.excludedPhrasePatterns.length, f.match!.excludedPhraseTerms]);
    expect(phrase[0]).toBe(1);
    expect((phrase[1] as number[][])[0]).toHaveLength(2);
    // A hyphenated phrase word by its parts, which the index holds however the text joins them.
    expect(hyphenated[0]).toBe(1);
    expect((hyphenated[1] as number[][])[0].slice(0, 2)).toStrictEqual((phrase[1] as number[][])[0]);
    expect(stopWords).toStrictEqual([1, [null]]);
    expect(unheld).toStrictEqual([0, []]);
    const [task, ...without] = await Promise.all(['task', 'task -"task zebra"', 'task -"of the"', 'task -"task arithmetic"'].map((q) => both(q)));
    expect(without.map((w) => w.list.ids)).toStrictEqual([task.list.ids, task.list.ids, task.list.ids.filter((x) => x !== id(3) && x !== id(21))]);
  });

  it('lists the most typical first, and with a query the best match first', async () => {
    const rankedIds = async (q: string | null, pageSize: number) =>
      (await loadThemePapers(1, 0, q, 1, pageSize)).items.map((p) => [p.rank, p.paperId]);
    // Paper 21's shorter title holds "task arithmetic" with fewer other words: it scores above paper 3, more typical.
    expect([await rankedIds(null, 3), await rankedIds('"task arithmetic"', 50)]).toStrictEqual([
      [[1, id(0)], [2, id(3)], [3, id(6)]],
      [[8, id(21)], [2, id(3)]]
    ]);
  });
});

describe('paperNamedBy', () => {
  it('finds the run\'s paper a query names by its arXiv id (with a version or not) or its DOI, and nothing for words or an unknown id (dashboard audit of 2026-12-03)', async () => {
    expect(await paperNamedBy(1, id(3))).toMatchObject({ paperId: id(3) });
    expect(await paperNamedBy(1, ` ${id(3)}v2 `)).toMatchObject({ paperId: id(3) });
    expect(await Promise.all([paperNamedBy(1, '2501.99999'), paperNamedBy(1, 'model merging'), paperNamedBy(1, null)])).toStrictEqual([null, null, null]);
  });

  it('reads an id as it is pasted: "arXiv:…", an arXiv abs or pdf link, "doi:…" or a doi.org link (review of 2026-12-05)', async () => {
    const named = await Promise.all([`arXiv:${id(3)}`, `arxiv: ${id(3)}v1`, `https://arxiv.org/abs/${id(3)}v2`, `http://arxiv.org/pdf/${id(3)}.pdf`]
      .map(async (q) => (await paperNamedBy(1, q))?.paperId ?? null));
    expect(named).toStrictEqual([id(3), id(3), id(3), id(3)]);
    const byDoi = await Promise.all(['10.1234/abc.def-5', 'doi:10.1234/ABC.def-5', 'https://doi.org/10.1234/ABC.def-5', 'https://dx.doi.org/10.1234/abc.DEF-5']
      .map(async (q) => (await paperNamedBy(1, q))?.paperId ?? null));
    expect(byDoi).toStrictEqual([id(5), id(5), id(5), id(5)]);
    expect(await paperNamedBy(1, 'arXiv: model merging')).toBeNull();
  });
});

describe('loadPaper', () => {
  it('answers an id the run holds as written otherwise (a version, "arXiv:", a space) with a 404 that links its paper (review of 2026-12-05)', async () => {
    expect((await loadPaper(1, id(3))).paperId).toBe(id(3));
    expect(await httpErrorOf(() => loadPaper(1, `${id(3)}v2`))).toMatchObject({ status: 404, message: `No paper “${id(3)}v2” in run 1` });
    const nearest = async (paperId: string) => {
      try {
        await loadPaper(1, paperId);
      } catch (e) {
        return (e as { body: { nearest?: { href: string } } }).body.nearest?.href ?? null;
      }
      return 'found';
    };
    expect(await Promise.all([`${id(3)}v2`, `arXiv:${id(3)}`, ` ${id(3)}`, '2501.99999'].map(nearest)))
      .toStrictEqual([`/papers/${id(3)}?run=1`, `/papers/${id(3)}?run=1`, `/papers/${id(3)}?run=1`, null]);
  });
});

describe('readPaperFilter', () => {
  it('reads every filter parameter', async () => {
    const filter = await readPaperFilter(new URLSearchParams('theme=2&q=xyz&from=2025-01-01&to=2025-02-01&granularity=month&author=A+B&category=cs.CL&added=novel&sort=date'), 1);
    const { match, ...rest } = filter;
    expect(rest).toStrictEqual({ theme: 2, q: 'xyz', from: '2025-01-01', to: '2025-02-01', granularity: 'month', author: 'A B', category: 'cs.CL', added: 'novel', sort: 'date' });
    // "xyz" is in no paper: a query that cannot match.
    expect([match?.nWords, match?.matchable]).toStrictEqual([1, false]);
  });

  it('refuses a malformed category or sort with a 400', async () => {
    expect([
      await httpErrorOf(() => readPaperFilter(new URLSearchParams('category=cs CL;'), 1)),
      await httpErrorOf(() => readPaperFilter(new URLSearchParams('sort=score'), 1)),
      await httpErrorOf(() => readPaperFilter(new URLSearchParams('added=1'), 1)),
      await httpErrorOf(() => readPaperFilter(new URLSearchParams('granularity=week'), 1))
    ]).toStrictEqual([
      { status: 400, message: 'category: expected a category such as cs.CL' },
      { status: 400, message: 'sort: expected one of relevance, date' },
      { status: 400, message: 'added: expected one of yes, novel' },
      { status: 400, message: 'granularity: expected one of month, quarter, year' }
    ]);
  });

  it('refuses a theme that is not in the run with a 404', async () => {
    expect(await httpErrorOf(() => readPaperFilter(new URLSearchParams('theme=3'), 1))).toStrictEqual({
      status: 404,
      message: 'No theme 3 in run 1'
    });
  });

  it('refuses a malformed theme with a 400', async () => {
    expect(await httpErrorOf(() => readPaperFilter(new URLSearchParams('theme=-1'), 1))).toStrictEqual({
      status: 400,
      message: 'theme: expected an integer from 0 to 1000000'
    });
  });
});

describe('listThemeOptions', () => {
  it('lists the run themes by label', async () => {
    expect(await listThemeOptions(1)).toStrictEqual([
      { theme_id: 2, label: 'gaussian splatting', size: 8, mixture: false },
      { theme_id: 1, label: 'long context', size: 8, mixture: false },
      { theme_id: 0, label: 'model merging, task vectors', size: 8, mixture: false }
    ]);
  });
});
