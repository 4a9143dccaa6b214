// Owns Kleinberg's two-state burst detection for batched arrivals (Kleinberg 2003, "Bursty and
// hierarchical structure in streams", §4; the form CiteSpace uses): in which periods a series of
// r_t relevant items out of d_t items runs at an elevated rate.
//
// States: q0 emits relevant items at the base rate p0 = Σr / Σd, q1 at p1 = min(s · p0, P1_MAX).
// Cost of period t in state i (the binomial's negative log-likelihood without ln C(d, r), which is
// the same in both states and so never changes which state is cheaper):
//   σ_i(t) = −[ r_t ln p_i + (d_t − r_t) ln(1 − p_i) ]
// Moving up costs τ = γ ln n (n = number of periods), moving down or staying is free; the sequence
// starts in q0. Viterbi gives the cheapest state sequence; each maximal run of q1 is a burst, with
//   weight = Σ_{t in the burst} (σ_0(t) − σ_1(t))
// how much better the elevated rate explains it than the base rate (in nats). Periods with d_t = 0
// cost nothing in either state.

/** Rate ratio of the burst state (Kleinberg's s). */
export const BURST_RATIO = 2;
/** Cost of entering the burst state, in units of ln n (Kleinberg's γ). */
export const BURST_GAMMA = 1;
const P1_MAX = 0.9999;

export interface Burst {
  /** First and last period index (inclusive) of the burst. */
  start: number;
  end: number;
  weight: number;
  /** Relevant items in the burst's periods. */
  count: number;
}

/** The bursts of the series r (relevant) out of d (all) per period; none when r is all 0 or all of d. */
export function detectBursts(r: ArrayLike<number>, d: ArrayLike<number>, ratio = BURST_RATIO, gamma = BURST_GAMMA): Burst[] {
  const n = r.length;
  let sumR = 0;
  let sumD = 0;
  for (let t = 0; t < n; t++) {
    sumR += r[t];
    sumD += d[t];
  }
  if (n === 0 || sumR === 0 || sumR >= sumD) return [];
  const p0 = sumR / sumD;
  const p1 = Math.min(ratio * p0, P1_MAX);
  const cost = (p: number, t: number) => (d[t] === 0 ? 0 : -(r[t] * Math.log(p) + (d[t] - r[t]) * Math.log(1 - p)));
  const states = viterbi(n, (t) => cost(p0, t), (t) => cost(p1, t), gamma * Math.log(n));
  const bursts: Burst[] = [];
  for (let t = 0; t < n; t++) {
    if (states[t] === 0) continue;
    const burst: Burst = { start: t, end: t, weight: 0, count: 0 };
    for (; t < n && states[t] === 1; t++) {
      burst.end = t;
      burst.weight += cost(p0, t) - cost(p1, t);
      burst.count += r[t];
    }
    bursts.push(burst);
  }
  return bursts;
}

/** The cheapest 0/1 state sequence, starting from state 0; `up` is the cost of each 0 → 1 move. */
function viterbi(n: number, cost0: (t: number) => number, cost1: (t: number) => number, up: number): Uint8Array {
  // best[t][s] = cheapest cost of periods 0..t ending in s; from[t][s] = the state before it.
  const from = new Uint8Array(2 * n);
  let c0 = cost0(0);
  let c1 = up + cost1(0);
  for (let t = 1; t < n; t++) {
    const stay0 = c0;
    const down = c1;
    const next0 = Math.min(stay0, down) + cost0(t);
    from[2 * t] = down < stay0 ? 1 : 0;
    const rise = c0 + up;
    const stay1 = c1;
    const next1 = Math.min(rise, stay1) + cost1(t);
    from[2 * t + 1] = stay1 <= rise ? 1 : 0;
    c0 = next0;
    c1 = next1;
  }
  const states = new Uint8Array(n);
  let s = c1 < c0 ? 1 : 0;
  for (let t = n - 1; t >= 0; t--) {
    states[t] = s;
    s = from[2 * t + s];
  }
  return states;
}
