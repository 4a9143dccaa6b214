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
  // Their short words ("a", "as", "in", "an") are English ones too: counted as English, they made these look English.
  const PORTUGUESE = 'Este trabalho apresenta uma abordagem baseada em aprendizado profundo para a classificação de imagens médicas. ' +
    'A metodologia proposta combina redes neurais convolucionais com mecanismos de atenção, permitindo que o modelo identifique ' +
    'as regiões mais relevantes das imagens. Os experimentos foram realizados em três conjuntos de dados públicos.';
  const ITALIAN = 'In questo lavoro presentiamo un metodo di apprendimento profondo per la segmentazione di immagini mediche. Il modello ' +
    'combina reti convoluzionali con meccanismi di attenzione che permettono di individuare le regioni rilevanti in ciascuna immagine. ' +
    'Gli esperimenti sono stati condotti su tre insiemi di dati pubblici.';
  const GERMAN_IN = 'In dieser Arbeit stellen wir ein Verfahren des tiefen Lernens für die Segmentierung medizinischer Bilder vor. Das Modell ' +
    'kombiniert Faltungsnetze mit Aufmerksamkeitsmechanismen, die es erlauben, die relevanten Regionen in jedem Bild zu erkennen.';
  it('tells Portuguese, Italian and German abstracts whose short words are also English ones', () => {
    expect([PORTUGUESE, ITALIAN, GERMAN_IN].map(looksNonEnglish)).toStrictEqual([true, true, true]);
  });
  it('tells a short abstract (12 words or more) when its function words are clearly foreign, and keeps a short English one', () => {
    expect(looksNonEnglish('Este trabalho apresenta uma abordagem para a classificação de imagens com redes neurais.')).toBe(true);
    expect(looksNonEnglish('Il modello combina reti convoluzionali con meccanismi di attenzione per la segmentazione.')).toBe(true);
    expect(looksNonEnglish('We propose a new method for the classification of medical images with attention.')).toBe(false);
  });
  it('does not count the foreign-looking words of English text: et al., per, non-linear, x and y, names', () => {
    expect(looksNonEnglish('As shown by de la Cruz et al. and van der Berg et al., a non-linear map per sample in x and y ' +
      'reaches the bound of Le and Da Silva on die area; we extend it to the case in which the loss is convex.')).toBe(false);
  });
  it('does not count acronyms in capitals as foreign function words (OS, EM, DA, IL, ES, DI)', () => {
    expect(looksNonEnglish('EM on OS logs: DA and IL baselines, ES and DI variants, DE LA EN PARA COM UMA ablations, QUE OS DA EM, ' +
      'results on IL DI ES DA EM OS sets.')).toBe(false);
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
