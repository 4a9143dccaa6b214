// Owns how many themes a movers card of the Overview shows before "Show all" (client and server share it).

/** Themes a movers card shows first, strongest first; the rest of its class on request. */
export const MOVERS = 5;

/** Bursts the overview's "Bursting now" shows before "Show all": the strongest still running at the end of the data. */
export const ONGOING_BURSTS = 8;
