import { describe, expect, it } from 'vitest';
import { looksNonEnglish, nonEnglishWarning } from '../../../pipeline/ingest/language.js';

const ENGLISH = 'Large language models are increasingly used as judges of other models. We study how their verdicts depend on the ' +
  'order in which candidate answers are shown, and we propose a calibration that removes most of this position bias on three benchmarks.';
const FRENCH = "Les grands modèles de langue sont de plus en plus utilisés comme juges d'autres modèles. Nous étudions comment leurs " +
  "verdicts dépendent de l'ordre dans lequel les réponses candidates sont présentées, et nous proposons une calibration qui supprime " +
  'la majeure partie de ce biais de position sur trois jeux de données.';
const GERMAN = 'Große Sprachmodelle werden zunehmend als Richter über andere Modelle eingesetzt. Wir untersuchen, wie ihre Urteile ' +
  'von der Reihenfolge abhängen, in der die Antworten gezeigt werden, und schlagen eine Kalibrierung vor, die diese Verzerrung ' +
  'auf drei Datensätzen weitgehend beseitigt.';
const CHINESE = '大型语言模型越来越多地被用作评判其他模型的裁判。我们研究了它们的判断如何取决于候选答案的呈现顺序，并提出了一种校准方法，在三个基准上消除了大部分位置偏差。';

describe('looksNonEnglish', () => {
  it('tells English abstracts from French, German and Chinese ones', () => {
    expect([ENGLISH, FRENCH, GERMAN, CHINESE].map(looksNonEnglish)).toStrictEqual([false, true, true, true]);
  });
  it('gives a short text, or an English one full of symbols and names, the benefit of the doubt', () => {
    expect(looksNonEnglish('Résumé en français.')).toBe(false);
    expect(looksNonEnglish('We prove that Ω(n log n) bounds hold for Σ-protocols of Schnorr type; the proof uses λ-calculus, ' +
      'Gödel numbering and the Erdős–Rényi model in the regime p = c/n, as conjectured by Łuczak and Rödl.')).toBe(false);
  });
});

describe('nonEnglishWarning', () => {
  const papers = (english: number, french: number) => [
    ...Array.from({ length: english }, (_, i) => ({ title: `English ${i}`, abstract: ENGLISH })),
    ...Array.from({ length: french }, (_, i) => ({ title: `Article ${i}`, abstract: FRENCH }))
  ];
  it('is silent for an English corpus and for a stray paper or two', () => {
    expect(nonEnglishWarning(papers(500, 0))).toBeNull();
    expect(nonEnglishWarning(papers(500, 2))).toBeNull();
  });
  it('counts the non-English papers and names one', () => {
    expect(nonEnglishWarning(papers(300, 20))).toBe('20 of the 320 papers do not look English (e.g. "Article 0"): Themescope\'s words, ' +
      'stems and labels are English-only, so such papers gather in themes of their own or in none; a run per language themes each better');
  });
  it('samples a large corpus evenly and gives the share', () => {
    expect(nonEnglishWarning(papers(9_000, 1_000))).toMatch(/^about 10\.0 % of the papers \(200 of 2000 looked at\) do not look English/);
  });
});
