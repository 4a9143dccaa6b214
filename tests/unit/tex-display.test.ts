import { describe, expect, it } from 'vitest';
import { mathText, readableTex } from '../../src/lib/tex-display.js';

describe('readableTex: titles as arXiv writes them', () => {
  it.each([
    ['DS$^2$Net: Detail-Semantic Deep Supervision', 'DS²Net: Detail-Semantic Deep Supervision'],
    ['ChartE$^{3}$: A Benchmark', 'ChartE³: A Benchmark'],
    ['Geo$^\\textbf{2}$: Geometry-Guided', 'Geo²: Geometry-Guided'],
    ['Imagining in 360$^\\circ$ for Humanoid Visual Search', 'Imagining in 360° for Humanoid Visual Search'],
    ['Transformer with $\\mathcal{O}(T)$ Complexity', 'Transformer with 𝒪(T) Complexity'],
    ['Strongly Solving $7 \\times 6$ Connect-Four', 'Strongly Solving 7 × 6 Connect-Four'],
    ['$\\texttt{YC-Bench}$: Benchmarking AI Agents', 'YC-Bench: Benchmarking AI Agents'],
    ['GoPrune: Pruning with $\\ell_{2,p}$-Norm Optimization', 'GoPrune: Pruning with ℓ_(2,p)-Norm Optimization'],
    ['Causal identification with $Y_0$', 'Causal identification with Y₀'],
    ['A$_3$B$_2$: Adaptive Asymmetric Adapter', 'A₃B₂: Adaptive Asymmetric Adapter'],
    ['BCH codes of length $n=λ(q^m+1)$', 'BCH codes of length n=λ(qᵐ+1)'],
    ['\\textsc{CR-Seg}: Attention-Guided Segmentation', 'CR-Seg: Attention-Guided Segmentation'],
    ['P\\textsuperscript{2}-DPO: Grounding Hallucination', 'P²-DPO: Grounding Hallucination'],
    ['Me, Myself, and $\\pi$ : Evaluating LLM Introspection', 'Me, Myself, and π : Evaluating LLM Introspection'],
    ['Information Contraction under $(\\varepsilon,\\delta)$-Differential Privacy', 'Information Contraction under (ε,δ)-Differential Privacy']
  ])('%s', (source, shown) => {
    expect(readableTex(source)).toBe(shown);
  });
});

describe('readableTex: abstracts', () => {
  it('reads a formula before a digit when it holds markup, and leaves prices alone', () => {
    expect(readableTex('NTIRE Challenge on Super-Resolution ($\\times$4)')).toBe('NTIRE Challenge on Super-Resolution (×4)');
    expect(readableTex('surpasses it by $>$3%')).toBe('surpasses it by >3%');
    expect(readableTex('costs between $48-$74 per voter, against $100 before')).toBe('costs between $48-$74 per voter, against $100 before');
    expect(readableTex('from $5 to $10 a month')).toBe('from $5 to $10 a month');
    expect(readableTex('at a \\$100 budget')).toBe('at a $100 budget');
    expect(readableTex('accelerates collection by over $ 30\\times $ compared')).toBe('accelerates collection by over 30× compared');
  });

  it('reads text commands around and across formulas', () => {
    expect(readableTex('we construct \\textbf{\\textit{Omni$^2$}}, the first')).toBe('we construct Omni², the first');
    expect(readableTex('achieves \\textbf{55}$\\times$ reduction and 66.3\\% accuracy')).toBe('achieves 55× reduction and 66.3% accuracy');
    expect(readableTex('within 10 {\\mu}m and 360{\\deg} rotation')).toBe('within 10 μm and 360° rotation');
    expect(readableTex('R2 = 0.60 \\pm 0.05, \\eg at 2.3\\times the speed')).toBe('R2 = 0.60 ± 0.05, e.g. at 2.3× the speed');
    expect(readableTex('simple\\footnote{Code at https://x.org}. See \\href{https://y.org}{our page} and {\\em this}.')).toBe('simple. See our page and this.');
    expect(readableTex('G\\"odel and {\\\'e}t\\\'e')).toBe('Gödel and été');
  });

  it('shows an unknown command (an author\'s macro) as written', () => {
    expect(readableTex('Our \\method{} beats $\\bigO(n)$ baselines')).toBe('Our \\method{} beats \\bigO(n) baselines');
  });

  it('leaves prices alone when an escaped % or & stands between them, and reads a control space (review of 2026-12-04)', () => {
    expect(readableTex('Costs fell from $5 (a 10\\% cut) to $4 per unit.')).toBe('Costs fell from $5 (a 10% cut) to $4 per unit.');
    expect(readableTex('a $20 fee and a 5\\% tax, then $30 more')).toBe('a $20 fee and a 5% tax, then $30 more');
    expect(readableTex('e.g.\\ this, and $x$')).toBe('e.g. this, and x');
  });

  it('shows hostile input as written, quickly, and never throws (review of 2026-12-04)', () => {
    // Nested deeper than any real formula: its source as written; longer than any (1,000 characters): no formula at all.
    expect(readableTex('$' + '{'.repeat(900) + 'x$') === '{'.repeat(900) + 'x').toBe(true);
    const long = '$' + '{'.repeat(5000) + 'x$';
    expect(readableTex(long) === long).toBe(true);
    const start = performance.now();
    readableTex('$' + '\\$'.repeat(9999));
    readableTex('$a\\'.repeat(6666));
    expect(performance.now() - start).toBeLessThan(2000); // was ~350 ms of regexp rescans for the two; now bounded per dollar
    expect(readableTex('a\ue0005\ue001 and $x^2$')).toBe('a\ue0005\ue001 and x²');
  });

  it('leaves text without LaTeX exactly as it is', () => {
    const plain = 'JSON {key: 1} and C:/path — costs 5 USD';
    expect(readableTex(plain)).toBe(plain);
  });
});

describe('mathText', () => {
  it.each([
    ['\\mathbb{R}^{n \\times d}', 'ℝ^(n × d)'],
    ['\\mathbb{F}_q', '𝔽_q'],
    ['\\frac{1}{2}', '1/2'],
    ['\\alpha= T/(3V^2)', 'α= T/(3V²)'],
    ['\\frac{a+b}{c}', '(a+b)/c'],
    ['\\sqrt{n}', '√n'],
    ['\\sqrt[3]{x+1}', '∛(x+1)'],
    ['\\hat{R}', 'R̂'],
    ['softmax(QK^T)V', 'softmax(QKᵀ)V'],
    ['\\log n', 'log n'],
    ['\\alpha T', 'αT'],
    ['\\left( \\frac{x}{y} \\right.', '( x/y'],
    ['x^{-1}', 'x⁻¹'],
    ['2^{\\Omega(n)}', '2^(Ω(n))'],
    ['\\not\\in', '∉'],
    ['\\binom{n}{k}', 'C(n, k)'],
    ['a \\pmod{p}', 'a (mod p)'],
    ['\\unicode{x2014}', '—'],
    ['\\mkern-3mu x \\!\\! y', 'x y'],
    ['f\'(x)', 'f′(x)'],
    ['}}x{', 'x']
  ])('%s', (source, shown) => {
    expect(mathText(source)).toBe(shown);
  });
});
