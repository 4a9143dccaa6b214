// Owns label placement without overlap: greedy, most important label first; each label tries a few
// positions around its anchor and takes the first whose measured box is inside the bounds and clear
// of every box already placed — its own box first, then its smaller forms' (a name on two lines, a
// shorter name); a label with no free position in any form is left out (zooming in frees room).

export interface LabelRequest {
  id: number;
  /** Anchor point (e.g. the theme's centre on the map), in pixels. */
  x: number;
  y: number;
  /** Measured text box size in pixels. */
  width: number;
  height: number;
  /** Higher is placed first (e.g. theme size). */
  priority: number;
  /** Boxes of the label's other forms, tried in order at every position when its own finds no room. */
  alternatives?: { width: number; height: number }[];
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlacedLabel extends Box {
  id: number;
  /** Centre of the placed box (text is drawn centred here). */
  cx: number;
  cy: number;
  /** Which form was placed: 0 its own box, i its alternatives[i - 1]. */
  form: number;
}

/** True when the boxes intersect or come closer than `pad` px; boxes exactly `pad` apart do not count. */
export function boxesOverlap(a: Box, b: Box, pad = 0): boolean {
  return (
    a.left - pad < b.left + b.width &&
    b.left - pad < a.left + a.width &&
    a.top - pad < b.top + b.height &&
    b.top - pad < a.top + a.height
  );
}

/** How much further from the anchor the second places above and below are: a line of text (18 px) and a gap. */
const FURTHER = 20;

/**
 * Box centres tried in order: just above the anchor, below it, right of it, left of it, then
 * FURTHER above and below (a fixed step, so a label on two lines stays as near its anchor as one on
 * one), then the four corners (the box's nearest corner `gap` px from the anchor on both axes:
 * nearer, it would cover the anchor's own dot, which the map keeps clear). The anchor itself stays
 * uncovered (the map draws a dot there).
 */
function candidateCentres(l: LabelRequest): [number, number][] {
  const gap = 5;
  const dx = l.width / 2 + gap + 2;
  const dy = l.height / 2 + gap;
  const [cx, cy] = [l.width / 2 + gap, l.height / 2 + gap];
  return [
    [l.x, l.y - dy],
    [l.x, l.y + dy],
    [l.x + dx, l.y],
    [l.x - dx, l.y],
    [l.x, l.y - dy - FURTHER],
    [l.x, l.y + dy + FURTHER],
    [l.x + cx, l.y - cy],
    [l.x - cx, l.y - cy],
    [l.x + cx, l.y + cy],
    [l.x - cx, l.y + cy]
  ];
}

/**
 * A candidate box that sticks out of the bounds slid back in along its side of the anchor (a box
 * above or below it sideways, one beside it up or down), as long as the anchor still faces the text
 * (at least `SLIDE_KEEP` px of it): near the map's edge a label slides along instead of being dropped.
 */
const SLIDE_KEEP = 6;
function slideInside(cx: number, cy: number, size: { width: number; height: number }, l: LabelRequest, bounds: Box): [number, number] {
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? v : Math.min(Math.max(v, lo), hi));
  const [w, h] = [size.width / 2, size.height / 2];
  if (Math.abs(cy - l.y) >= h) {
    const x = clamp(cx, bounds.left + w, bounds.left + bounds.width - w);
    return Math.abs(x - l.x) <= w - SLIDE_KEEP ? [x, cy] : [cx, cy];
  }
  const y = clamp(cy, bounds.top + h, bounds.top + bounds.height - h);
  return Math.abs(y - l.y) <= h - SLIDE_KEEP / 2 ? [cx, y] : [cx, cy];
}

function inside(b: Box, bounds: Box): boolean {
  return (
    b.left >= bounds.left &&
    b.top >= bounds.top &&
    b.left + b.width <= bounds.left + bounds.width &&
    b.top + b.height <= bounds.top + bounds.height
  );
}

/** The w × h box centred at (cx, cy). */
export function boxAt(cx: number, cy: number, width: number, height: number): Box {
  return { left: cx - width / 2, top: cy - height / 2, width, height };
}

/** True when `box` is inside `bounds` and no closer than `pad` px to any box of `taken`. */
export function isFree(box: Box, bounds: Box, taken: Box[], pad: number): boolean {
  return inside(box, bounds) && !taken.some((t) => boxesOverlap(t, box, pad));
}

/**
 * Places labels by descending priority (ties: lower id first), each in its first form that has a
 * free position (a whole name anywhere round its anchor before a shorter one right above it), keeping `pad` px clear of each other
 * and `obstaclePad` px clear of `obstacles` (e.g. the anchor dots, whose boxes carry their own
 * margin: a label may then stand right by its own dot); returns the placed ones only.
 */
export function placeLabels(labels: LabelRequest[], bounds: Box, pad = 2, obstacles: Box[] = [], obstaclePad = pad): PlacedLabel[] {
  const order = [...labels].sort((a, b) => b.priority - a.priority || a.id - b.id);
  const placed: PlacedLabel[] = [];
  for (const l of order) {
    const forms = [{ width: l.width, height: l.height }, ...(l.alternatives ?? [])];
    found: for (const [form, size] of forms.entries()) {
      for (const candidate of candidateCentres({ ...l, ...size })) {
        const [cx, cy] = slideInside(...candidate, size, l, bounds);
        const box = boxAt(cx, cy, size.width, size.height);
        if (!isFree(box, bounds, placed, pad) || !isFree(box, bounds, obstacles, obstaclePad)) continue;
        placed.push({ id: l.id, ...box, cx, cy, form });
        break found;
      }
    }
  }
  return placed;
}
