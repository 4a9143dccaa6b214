// Owns the benchmark's synthetic corpora, so `npm run bench -- --synthetic N` needs nothing outside
// the repo. The generative model is the one of ../shared/bench/make_synthetic.py (not its exact
// bytes): M topics with Zipfian vocabularies (70% private words, 30% from a shared pool), a
// background vocabulary and stop words; each paper mixes its primary topic (35%), a secondary topic
// (10%), background (35%) and stop words (20%); categories name the primary topic first.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { createRandom } from '../prng.js';

export interface SyntheticOptions {
  docs: number;
  topics?: number;
  seed?: number;
}

const STOPWORDS = ('the of and in to a is we for that this with on by are as an be from which our these it can at ' +
  'or its has have been using such also than not their both into two based show results approach paper new method ' +
  'methods propose present study more between over while however when where here all one each used well').split(' ');
const CONS = [...'bcdfghjklmnprstvz', 'ch', 'sh', 'th', 'tr', 'pl', 'gr', 'st', 'br'];
const VOWS = [...'aeiou', 'ai', 'io', 'ea', 'ou'];
const TOPIC_VOCAB = 600;
const BACKGROUND_VOCAB = 8000;
const MIX = [0.35, 0.45, 0.8, 1]; // cumulative: primary topic, secondary topic, background, stop words
const DAY0 = Date.UTC(2019, 0, 1) / 86_400_000;
const DAYS = Date.UTC(2025, 11, 31) / 86_400_000 - DAY0 + 1;

/** Writes `docs` synthetic papers as gzipped JSON Lines to `path`; same options, same papers. */
export async function writeSyntheticCorpus(path: string, options: SyntheticOptions): Promise<void> {
  const random = createRandom(options.seed ?? 1);
  const int = (n: number) => Math.floor(random() * n);
  const taken = new Set(STOPWORDS);
  const words = (n: number) => {
    const out: string[] = [];
    while (out.length < n) {
      let w = '';
      for (let s = 2 + int(3); s > 0; s--) w += CONS[int(CONS.length)] + VOWS[int(VOWS.length)];
      if (random() < 0.4) w += CONS[int(CONS.length)];
      if (!taken.has(w)) taken.add(w), out.push(w);
    }
    return out;
  };
  const nTopics = options.topics ?? 20;
  const background = words(BACKGROUND_VOCAB);
  const pool = words(2000);
  const topics = Array.from({ length: nTopics }, () => {
    const vocab = [...words(Math.round(TOPIC_VOCAB * 0.7))];
    while (vocab.length < TOPIC_VOCAB) vocab.push(pool[int(pool.length)]);
    return shuffle(vocab, int);
  });
  const drawStop = zipfSampler(STOPWORDS.length, 0.8, random);
  const drawBackground = zipfSampler(BACKGROUND_VOCAB, 1.05, random);
  const drawTopic = zipfSampler(TOPIC_VOCAB, 1.05, random);
  const topicWeights = Array.from({ length: nTopics }, (_, t) => 1 / Math.sqrt(t + 1));
  const drawPrimary = weightedSampler(topicWeights, random);

  const gzip = createGzip();
  const done = gzip.pipe(createWriteStream(path));
  for (let i = 0; i < options.docs; i++) {
    const primary = drawPrimary();
    const secondary = nTopics > 1 ? (primary + 1 + int(nTopics - 1)) % nTopics : primary;
    const word = () => {
      const u = random();
      if (u < MIX[0]) return topics[primary][drawTopic()];
      if (u < MIX[1]) return topics[secondary][drawTopic()];
      return u < MIX[2] ? background[drawBackground()] : STOPWORDS[drawStop()];
    };
    const length = Math.min(300, Math.max(60, Math.round(150 + 30 * normal(random))));
    const abstract = Array.from({ length }, () => (random() < 1 / 18 ? `${word()}.` : word())).join(' ');
    const title = Array.from({ length: 6 + int(7) }, () => (random() < 0.8 ? topics[primary][drawTopic()] : background[drawBackground()])).join(' ');
    const categories = [`synth.t${String(primary).padStart(2, '0')}`];
    if (random() < 0.3 && secondary !== primary) categories.push(`synth.t${String(secondary).padStart(2, '0')}`);
    const published = new Date((DAY0 + int(DAYS)) * 86_400_000).toISOString().slice(0, 10);
    const line = JSON.stringify({ id: `synth-${String(i).padStart(7, '0')}`, title: capitalise(title),
      abstract: capitalise(abstract.endsWith('.') ? abstract : `${abstract}.`), published, categories });
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  }
  gzip.end();
  await once(done, 'finish');
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function shuffle<T>(items: T[], int: (n: number) => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Draws ranks 0..n-1 with P(r) ∝ 1 / (r + 1)^s. */
function zipfSampler(n: number, s: number, random: () => number): () => number {
  return weightedSampler(Array.from({ length: n }, (_, r) => 1 / (r + 1) ** s), random);
}

/** Draws indices with probability proportional to `weights` (binary search over the cumulative sums). */
function weightedSampler(weights: number[], random: () => number): () => number {
  const cdf = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cdf[i] = total += w));
  return () => {
    const u = random() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
