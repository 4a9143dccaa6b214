// The trends stage's public face: per-period counts and shares, emerging/fading scores, bursts.
export { computePeriods, GRACE_DAYS } from './periods.js';
export { scoreTrends, BASELINE_WINDOWS, Z_CRITICAL } from './emerging.js';
export { findBursts, type BurstRecord } from './bursts.js';
