// The trends stage's public face: per-period counts and shares, then emerging/fading scores.
export { computePeriods, GRACE_DAYS } from './periods.js';
export { scoreTrends, BASELINE_WINDOWS, Z_CRITICAL } from './emerging.js';
