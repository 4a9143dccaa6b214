// PDF-extraction debris and markup never become terms: (cid:N) codes, words broken across lines,
// words misread with digits, LaTeX, URLs and e-mail addresses (issue 11, point 6).
import { describe, expect, it } from 'vitest';
import { isEnglishWord, isMisreadWord } from '../../../pipeline/tokenise/english-words.js';
import { tokeniseCorpus } from '../../../pipeline/tokenise/index.js';
import { normaliseText } from '../../../pipeline/tokenise/normalise-text.js';
import { isContentToken } from '../../../pipeline/tokenise/word-table.js';

// An abstract as pdftotext gives it for a two-column paper (made up, but every artifact is real).
const PDF_ABSTRACT = 'Efficient computa-\ntion of atten(cid:173)tion for long sequences remains an open problem. ' +
  'We present an algo- rithm whose cost is $\\mathcal{O}(n \\log n)$ instead of $O(n^2)$, following \\cite{dao2022flash, beltagy2020}. ' +
  'Our self- supervised pre- and post-training recipe improves calculat10n of rec0gnition scores. ' +
  'Code: https://github.com/example/fastattn and www.example.org; contact {alice,bob}@cs.example.edu or carol.d@example.com. ' +
  'We call it \\emph{Sparse Flash} attention; the remaining tion and ing fragments come from broken lines.';

describe('cleaning the text before tokenising', () => {
  it('drops cid codes and soft hyphens, joining the word they split', () => {
    expect(normaliseText('', 'atten(cid:173)tion and compu\u00adtation')).toBe('. attention and computation');
  });
  // The rule's known miss: a syllable break between two parts that are both words ("con- texts")
  // is read as a real hyphen ("con-texts"); the phrase then stays out of the vocabulary at min-df.
  it('joins a word broken at a line end, keeps a real hyphen that fell there, and leaves suspended hyphens', () => {
    expect(normaliseText('', 'computa- tion, algo- rithm, self- supervised, fine- tuning, pre- and post-training, low- to high-resolution'))
      .toBe('. computation, algorithm, self-supervised, fine-tuning, pre- and post-training, low- to high-resolution');
  });
  it('drops e-mail addresses, URLs, LaTeX math and citation commands, and keeps the text of \\emph and \\textbf', () => {
    expect(normaliseText('', 'mail a.b@c.org, see https://x.org/y, cost $O(n)$ \\cite{k1,k2}; \\emph{Sparse} \\textbf{flash}'))
      .toBe('. mail  | , see  |  cost  |   | ;   sparse    flash ');
  });
  it('knows English words by WordNet and their regular inflections, and no fragments', () => {
    expect(['computation', 'networks', 'supervised', 'tuning', 'studies', 'running'].map(isEnglishWord)).toStrictEqual([true, true, true, true, true, true]);
    expect(['computa', 'tion', 'rithm', 'algo'].map(isEnglishWord)).toStrictEqual([false, false, false, false]);
  });
  it('takes a word misread with digits for debris, and a term written with digits for a term', () => {
    expect(['calculat10n', 'rec0gnition', 'classif1cation', 'multi-m0dal'].map(isMisreadWord)).toStrictEqual([true, true, true, true]);
    expect(['t2i', 'gsm8k', 'yolov8n', 'word2vec', 'llama3', 'qwen2.5', 'h100s', 'ade20k'].map(isMisreadWord)).toStrictEqual([false, false, false, false, false, false, false, false]);
  });
  it('takes no broken word ending for a term, but keeps endings that are words', () => {
    expect(['tion', 'ing', 'ment', 'ness', 'ity', 'ance'].map(isContentToken)).toStrictEqual([false, false, false, false, false, false]);
    expect(['ship', 'ising', 'ment-based'].map(isContentToken)).toStrictEqual([true, true, true]);
  });
  it('gives no term from the debris of a real-looking PDF abstract', () => {
    const { surfaces } = tokeniseCorpus([{ title: 'Sparse flash attention', abstract: PDF_ABSTRACT }], { ngramMax: 3 });
    const words = new Set(surfaces.flatMap((s) => s.split(' ')));
    for (const debris of ['computa', 'tion', 'ing', 'atten', 'cid', '173', 'algo', 'rithm', 'mathcal', 'log', 'cite', 'dao2022flash',
      'beltagy2020', 'calculat10n', 'rec0gnition', 'https', 'github', 'com', 'fastattn', 'www', 'example', 'org', 'alice', 'bob', 'edu', 'carol', 'emph']) {
      expect(words.has(debris), debris).toBe(false);
    }
    for (const term of ['computation', 'attention', 'algorithm', 'self-supervised', 'sparse flash', 'post-training', 'long sequences']) {
      expect(surfaces.includes(term), term).toBe(true);
    }
  });
});
