// The benchmark's Markdown table: one row per measurement, then our/peer ratios per corpus and k.
export interface Measurement {
  config: string;
  corpus: string;
  n_docs: number;
  k: number;
  load: number;
  timings_s: Record<string, number>;
  peak_rss_mb: number;
  vocab_size: number;
  n_iter: number;
  stability?: number | null;
  quality?: { v_measure: number; nmi: number; ari: number } | null;
}

const f = (x: number | undefined | null, d = 2) => (x === undefined || x === null ? '–' : x.toFixed(d));

/** Vectorise = tokenise + tfidf for us, fit_transform for the peer; total = read → result (ours: → DuckDB). */
function vectorise(m: Measurement): number | undefined {
  const t = m.timings_s;
  return t.vectorise ?? (t.tokenise !== undefined ? t.tokenise + (t.tfidf ?? 0) : undefined);
}

export function markdownTable(results: Measurement[]): string {
  const rows = [
    '| corpus | papers | k | config | read s | vectorise s | cluster s | total s | papers/s | peak RSS MB | iters | V-measure | NMI | ARI | stability | load |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
  ];
  for (const m of results) {
    const t = m.timings_s;
    rows.push(
      `| ${m.corpus} | ${m.n_docs} | ${m.k} | ${m.config} | ${f(t.read ?? t.ingest)} | ${f(vectorise(m))} | ${f(t.cluster)} | ` +
        `${f(t.total)} | ${Math.round(m.n_docs / t.total)} | ${Math.round(m.peak_rss_mb)} | ${m.n_iter} | ` +
        `${f(m.quality?.v_measure, 3)} | ${f(m.quality?.nmi, 3)} | ${f(m.quality?.ari, 3)} | ${f(m.stability, 3)} | ${f(m.load, 1)} |`
    );
  }
  const ratios = ['', '| corpus | k | vs fastest peer | time ratio | memory ratio (vs that peer) | V-measure − best peer |', '|---|---|---|---|---|---|'];
  for (const ours of results.filter((m) => m.config === 'themescope')) {
    const peers = results.filter((m) => m.config !== 'themescope' && m.corpus === ours.corpus && m.k === ours.k);
    if (peers.length === 0) continue;
    const fastest = peers.reduce((a, b) => (b.timings_s.total < a.timings_s.total ? b : a));
    const bestV = Math.max(...peers.map((p) => p.quality?.v_measure ?? 0));
    const minRss = Math.min(...peers.map((p) => p.peak_rss_mb));
    ratios.push(
      `| ${ours.corpus} | ${ours.k} | ${fastest.config} | ${f(ours.timings_s.total / fastest.timings_s.total)}× | ` +
        `${f(ours.peak_rss_mb / minRss)}× (lowest peer ${Math.round(minRss)} MB) | ${f((ours.quality?.v_measure ?? 0) - bestV, 3)} |`
    );
  }
  return rows.join('\n') + (ratios.length > 3 ? '\n' + ratios.join('\n') : '');
}
