// Owns how the dashboard writes a measured figure that is no count, share or signed score: a run's
// metrics and the k-selection tables' inertia. One function, so the same value reads the same on
// every table (the Metrics table's inertia and the chosen k's row of the k table).

const whole = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/**
 * A figure as text: whole numbers with thousands separators ("6,130,074"); from 1,000 up, grouped to
 * one decimal ("58,574.9": four significant digits, "58,570", hid differences the k table compares);
 * below, to 4 significant digits ("0.2564", "12.35").
 */
export function formatFigure(x: number): string {
  if (Number.isInteger(x)) return whole.format(x);
  return Math.abs(x) >= 1000 ? oneDecimal.format(x) : significant.format(x);
}
