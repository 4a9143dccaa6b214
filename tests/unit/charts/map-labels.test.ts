// Which labels the topic map shows in a view (map-labels.ts): areas zoomed out when the themes do
// not all fit, themes alone zoomed in, nothing over a drawn theme dot or another label; on seeded
// crowded layouts, every theme labelled at some zoom step centred on it; on hand-made points, every
// drawn label stands among its own papers (support ≥ MIN_SUPPORT at its anchor, map-anchors.ts),
// and at a phone's width the area names still fit, in a shorter form, inside the view.
import { describe, expect, it } from 'vitest';
import { AREA_ZOOM, layoutMapLabels, type LabelSubject, type MapLabelLayout } from '../../../src/lib/charts/map-labels.js';
import { THEME_LINE_MAX, areaFormsFor, areaLabelText, areaLabelForms, areaLabelTitle, areaLabelWidth, themeLabelForms, themeLabelTitle, themeLineWidth } from '../../../src/lib/charts/map-label-text.js';
import { boxesOverlap, type Box } from '../../../src/lib/charts/label-placement.js';
import { MIN_SUPPORT, anchorSubjects, supportAt, type AnchoredSubjects } from '../../../src/lib/charts/map-anchors.js';
import { extentOf, fitFrame, toGridPoint, type BaseFrame, type ZoomLike } from '../../../src/lib/charts/map-view.js';
import { textWidth } from '../../../src/lib/charts/text-width.js';

const [W, H] = [860, 580];

/** `n` themes round `clusters` centres (seeded), and an area per cluster at its themes' mean. */
function layout(seed: number, n: number, clusters: number): { themes: LabelSubject[]; areas: LabelSubject[] } {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const centres = Array.from({ length: clusters }, () => [5000 + rand() * 55000, 5000 + rand() * 55000]);
  const themes = Array.from({ length: n }, (_, i) => {
    const c = centres[i % clusters];
    return { gx: c[0] + (rand() - 0.5) * 9000, gy: c[1] + (rand() - 0.5) * 9000, size: 50 + Math.floor(rand() * 400), label: `theme ${i} about something long` };
  });
  const areas = centres.map((_, a) => {
    const mine = themes.filter((_, i) => i % clusters === a);
    return { gx: mine.reduce((x, t) => x + t.gx, 0) / mine.length, gy: mine.reduce((y, t) => y + t.gy, 0) / mine.length,
      size: mine.reduce((z, t) => z + t.size, 0), label: `area ${a} of related themes` };
  });
  return { themes, areas };
}

/** No two labels overlap, none covers a drawn dot, all inside the width × height view. */
function expectClear(out: MapLabelLayout, width = W, height = H) {
  const boxes: Box[] = [...out.themes, ...out.areas];
  const dots = out.anchors.filter((_, i) => out.dots[i]).map(([x, y]) => ({ left: x - 4, top: y - 4, width: 8, height: 8 }));
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i];
    expect(b.left >= 0 && b.top >= 0 && b.left + b.width <= width && b.top + b.height <= height, 'inside the view').toBe(true);
    for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(b, boxes[j])).toBe(false);
    for (const d of dots) expect(boxesOverlap(b, d)).toBe(false);
  }
}

function frame(themes: LabelSubject[]) {
  return fitFrame(extentOf(themes.map((t) => t.gx), themes.map((t) => t.gy)), W, H, 28);
}

describe('layoutMapLabels', () => {
  it('measures labels as drawn: semi-bold themes, area names in spaced capitals', () => {
    expect(themeLineWidth('kv cache')).toBeCloseTo(textWidth('kv cache', 12, true), 6);
    expect(areaLabelWidth('abc')).toBeCloseTo(textWidth('ABC', 13, true) + 3 * 0.04 * 13, 6);
  });

  it('names the areas zoomed out when the themes do not all fit, and only themes from ×2 on', () => {
    const { themes, areas } = layout(1, 40, 8);
    const base = frame(themes);
    const out = layoutMapLabels(themes, areas, base, { k: 1, x: 0, y: 0 }, W, H);
    expect(out.areas.length).toBeGreaterThan(0);
    expect(out.themes.length).toBeLessThan(themes.length);
    const zoomed = layoutMapLabels(themes, areas, base, { k: AREA_ZOOM, x: -W / 2, y: -H / 2 }, W, H);
    expect(zoomed.areas).toStrictEqual([]);
    expect(zoomed.themes.length).toBeGreaterThan(0);
  });

  it('shows no area label when every theme label fits', () => {
    const themes = [{ gx: 0, gy: 0, size: 5, label: 'one' }, { gx: 60000, gy: 60000, size: 4, label: 'two' }];
    const out = layoutMapLabels(themes, [{ gx: 30000, gy: 30000, size: 9, label: 'both' }], frame(themes), { k: 1, x: 0, y: 0 }, W, H);
    expect([out.themes.length, out.areas.length]).toStrictEqual([2, 0]);
  });

  it('never puts a label over another label or over a drawn theme dot; a dot under an area label is not drawn nor its theme labelled', () => {
    const { themes, areas } = layout(2, 60, 10);
    const out = layoutMapLabels(themes, areas, frame(themes), { k: 1, x: 0, y: 0 }, W, H);
    expect(out.areas.length).toBeGreaterThan(0);
    expectClear(out);
    out.anchors.forEach(([x, y], i) => {
      const dot = { left: x - 4, top: y - 4, width: 8, height: 8 };
      expect(out.dots[i], `dot ${i}`).toBe(!out.areas.some((a) => boxesOverlap(a, dot)));
    });
    for (const t of out.themes) expect(out.dots[t.id]).toBe(true);
  });

  it('labels every theme of crowded layouts at some ×1.6ⁿ zoom centred on it (n ≤ 9, the zoom limit)', () => {
    for (const seed of [3, 4, 5]) {
      const { themes, areas } = layout(seed, 60, 6);
      const base = frame(themes);
      themes.forEach((t, i) => {
        const found = Array.from({ length: 10 }, (_, n) => 1.6 ** n).some((k) => {
          const zoom = { k, x: W / 2 - k * (base.tx + base.k * t.gx), y: H / 2 - k * (base.ty + base.k * t.gy) };
          return layoutMapLabels(themes, areas, base, zoom, W, H).themes.some((p) => p.id === i);
        });
        expect(found, `seed ${seed}, theme ${i}`).toBe(true);
      });
    }
  });
});

/**
 * Hand-made papers: `areas` areas of `perArea` themes, each theme a seeded disc of papers; every
 * second area has its themes split over two lobes far apart (its mean falls between them).
 */
function papersWorld(seed: number, areaCount: number, perArea: number) {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const [xs, ys, theme]: number[][] = [[], [], []];
  const themes: (LabelSubject & { themeId: number; areaId: number })[] = [];
  const names = ['large language models, multilingual', 'deep learning, object detection', 'reinforcement learning, vlms',
    '3d gaussian splatting, point cloud', 'graph neural networks', 'federated learning, privacy', 'quantum computing, error correction'];
  const lobes = Array.from({ length: areaCount }, (_, a) => {
    const centre = [8000 + rand() * 49000, 8000 + rand() * 49000];
    return a % 2 ? [centre, [Math.min(60000, Math.max(5000, centre[0] + 25000 - 50000 * rand())), Math.min(60000, Math.max(5000, centre[1] + 20000 - 40000 * rand()))]] : [centre];
  });
  for (let a = 0; a < areaCount; a++) {
    for (let j = 0; j < perArea; j++) {
      const id = themes.length;
      const lobe = lobes[a][j % lobes[a].length];
      const [cx, cy] = [lobe[0] + (rand() - 0.5) * 6000, lobe[1] + (rand() - 0.5) * 6000];
      const n = 80 + Math.floor(rand() * 300);
      for (let i = 0; i < n; i++) {
        const [r, t] = [2500 * Math.sqrt(rand()), 2 * Math.PI * rand()];
        xs.push(Math.round(Math.min(65535, Math.max(0, cx + r * Math.cos(t)))));
        ys.push(Math.round(Math.min(65535, Math.max(0, cy + r * Math.sin(t)))));
        theme.push(id);
      }
      themes.push({ themeId: id, areaId: a, gx: cx, gy: cy, size: n, label: `theme ${id} on a narrow question` });
    }
  }
  const areas = names.slice(0, areaCount).map((label, a) => {
    const mine = themes.filter((t) => t.areaId === a);
    const size = mine.reduce((z, t) => z + t.size, 0);
    // Stored as the pipeline does: the paper-weighted mean of its themes' centres.
    return { areaId: a, label, size, gx: mine.reduce((x, t) => x + t.gx * t.size, 0) / size, gy: mine.reduce((y, t) => y + t.gy * t.size, 0) / size };
  });
  const points = { x: Uint16Array.from(xs), y: Uint16Array.from(ys), theme: Uint16Array.from(theme) };
  return { points, anchored: anchorSubjects(points, themes, areas), areas };
}

/** Support of each drawn label's own papers at its anchor (the anchor taken back to grid units). */
function supports(a: AnchoredSubjects, out: MapLabelLayout, base: BaseFrame, zoom: ZoomLike): number[] {
  const at = (g: number, ax: number, ay: number, d: AnchoredSubjects['themeDensity']) => supportAt(d!, g, ...toGridPoint(base, zoom, ax, ay));
  return [...out.areas.map((l) => at(l.id, l.ax, l.ay, a.areaDensity)), ...out.themes.map((l) => at(l.id, l.ax, l.ay, a.themeDensity))];
}

describe('labels among their own papers', () => {
  it('stands every drawn label where its papers are dense (support ≥ MIN_SUPPORT), zoomed out and in, next to its anchor', () => {
    for (const seed of [11, 12, 13]) {
      const { points, anchored } = papersWorld(seed, 7, 6);
      const base = fitFrame(extentOf(points.x, points.y), W, H, 28);
      for (const zoom of [{ k: 1, x: 0, y: 0 }, { k: 1.6, x: -200, y: -150 }, { k: 2.56, x: -W, y: -H / 2 }]) {
        const out = layoutMapLabels(anchored.themes, anchored.areas, base, zoom, W, H);
        expect(out.themes.length + out.areas.length).toBeGreaterThan(0);
        for (const s of supports(anchored, out, base, zoom)) expect(s, `seed ${seed}, zoom ${zoom.k}`).toBeGreaterThanOrEqual(MIN_SUPPORT);
        // Theme labels touch their dot's neighbourhood; area labels are centred on their spot or beside it.
        for (const l of [...out.themes, ...out.areas]) {
          const dx = Math.max(l.left - l.ax, 0, l.ax - (l.left + l.width));
          const dy = Math.max(l.top - l.ay, 0, l.ay - (l.top + l.height));
          expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(l.height + 12);
        }
        expectClear(out);
      }
    }
  });

  it('names a two-lobed area in one of its lobes, where the mean of its themes has no papers of it', () => {
    const { points, anchored, areas } = papersWorld(11, 7, 6);
    const base = fitFrame(extentOf(points.x, points.y), W, H, 28);
    const out = layoutMapLabels(anchored.themes, anchored.areas, base, { k: 1, x: 0, y: 0 }, W, H);
    // The labelled areas whose mean falls where they have few papers (the split ones, unless their lobes touch).
    const split = out.areas.filter((l) => supportAt(anchored.areaDensity!, l.id, areas[l.id].gx, areas[l.id].gy) < MIN_SUPPORT);
    expect(split.length).toBeGreaterThanOrEqual(2);
    for (const l of split) {
      expect(supportAt(anchored.areaDensity!, l.id, ...toGridPoint(base, { k: 1, x: 0, y: 0 }, l.ax, l.ay))).toBeGreaterThanOrEqual(MIN_SUPPORT);
    }
  });
});

describe('theme labels in full where they fit', () => {
  const ID = { k: 1, x: 0, y: 0 };
  /** One theme whose dot is at screen (x, y) of a width × height view (grid units = pixels). */
  const alone = (label: string, x: number, y: number, width: number, height: number) =>
    layoutMapLabels([{ gx: x, gy: y, size: 10, label }], [], { k: 1, tx: 0, ty: 0 }, ID, width, height).themes;

  it('offers the whole name on one line, then on two (cut after a comma), then its first phrase; each line at most THEME_LINE_MAX wide', () => {
    expect(themeLabelForms('kv cache, speculative decoding', 860)).toStrictEqual([
      ['kv cache, speculative decoding'], ['kv cache,', 'speculative decoding'], ['kv cache']
    ]);
    // 272 px on one line: wider than a line may be, so the whole name is offered on two lines only.
    expect(themeLineWidth('vision transformers, state space models')).toBeGreaterThan(THEME_LINE_MAX);
    expect(themeLabelForms('vision transformers, state space models', 860)).toStrictEqual([
      ['vision transformers,', 'state space models'], ['vision transformers']
    ]);
    expect(themeLabelForms('graph neural networks', 860)).toStrictEqual([['graph neural networks'], ['graph neural', 'networks']]);
    // A first phrase is broken only when one line cannot hold it.
    const long = 'parameter-efficient fine-tuning of large language models, adapters';
    expect(themeLabelForms(long, 860).at(-1)).toStrictEqual(['parameter-efficient fine-tuning', 'of large language models']);
  });

  it('offers only the first phrase on a phone, and cuts with "…" only a phrase that two lines cannot hold', () => {
    expect(themeLabelForms('kv cache, speculative decoding', 366)).toStrictEqual([['kv cache']]);
    const [[cut], ...rest] = themeLabelForms('x'.repeat(60), 860);
    expect([cut.endsWith('…'), themeLineWidth(cut) <= THEME_LINE_MAX, rest]).toStrictEqual([true, true, []]);
  });

  it('draws a 39-character name whole, on two lines, where the view has room (it was cut to "vision transformers, state sp…")', () => {
    const [label] = alone('vision transformers, state space models', 430, 290, 860, 580);
    expect([label.lines, label.height, label.lineStep]).toStrictEqual([['vision transformers,', 'state space models'], 18 + 14, 14]);
    expect(label.cy).toBeLessThan(290); // above its dot, as a one-line label stands
  });

  it('takes a shorter form only where no position round the dot holds the whole name', () => {
    // 30 px tall: two lines (32 px) fit nowhere, the first phrase fits beside the dot.
    const [short] = alone('vision transformers, state space models', 300, 15, 600, 30);
    expect(short.lines).toStrictEqual(['vision transformers']);
    // A one-line name that fits stays whole and on one line.
    expect(alone('kv cache, speculative decoding', 300, 15, 600, 30)[0].lines).toStrictEqual(['kv cache, speculative decoding']);
  });

  it('names the areas zoomed out when a theme would be named only by its first phrase, not when all are named whole', () => {
    const world = (label: string) => layoutMapLabels([{ gx: 300, gy: 15, size: 10, label }], [{ gx: 80, gy: 15, size: 10, label: 'cv' }],
      { k: 1, tx: 0, ty: 0 }, ID, 600, 30);
    const shortened = world('vision transformers, state space models');
    expect([shortened.areas.length, shortened.themes.map((l) => l.lines)]).toStrictEqual([1, [['vision transformers']]]);
    expect(world('kv cache, speculative decoding').areas).toStrictEqual([]);
  });

  it('keeps every label of a crowded map clear of the others and of the dots, drawing each in one of its forms', () => {
    const names = ['large vision-language models, visual question answering', 'parameter-efficient fine-tuning, low-rank adaptation',
      'vision transformers, state space models', 'kv cache, speculative decoding', 'graph neural networks', 'machine translation, cross-lingual'];
    for (const seed of [21, 22, 23]) {
      const { themes } = layout(seed, 40, 6);
      themes.forEach((t, i) => (t.label = names[i % names.length]));
      for (const zoom of [ID, { k: 2.56, x: -W, y: -H / 2 }]) {
        const out = layoutMapLabels(themes, [], frame(themes), zoom, W, H);
        expectClear(out);
        for (const l of out.themes) {
          expect(themeLabelForms(themes[l.id].label, W)).toContainEqual(l.lines);
          // Beside its dot, on two lines as on one: the box's nearest edge at most 25 px from it.
          const dx = Math.max(l.left - l.ax, 0, l.ax - (l.left + l.width));
          const dy = Math.max(l.top - l.ay, 0, l.ay - (l.top + l.height));
          expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(25);
        }
        expect(out.themes.some((l) => l.lines.join(' ') === themes[l.id].label)).toBe(true);
      }
    }
  });
});

describe('area labels on a phone', () => {
  it('offers the name on one line, on two lines after a comma, then its first phrase', () => {
    expect(areaLabelForms('large language models, multilingual')).toStrictEqual([
      ['LARGE LANGUAGE MODELS, MULTILINGUAL'], ['LARGE LANGUAGE MODELS,', 'MULTILINGUAL'], ['LARGE LANGUAGE MODELS'], ['LARGE LANGUAGE', 'MODELS']
    ]);
    expect(areaLabelForms('graph neural networks')).toStrictEqual([['GRAPH NEURAL NETWORKS'], ['GRAPH NEURAL', 'NETWORKS']]);
    expect(areaLabelForms('a, b, c')).toStrictEqual([['A, B, C'], ['A,', 'B, C'], ['A']]);
  });

  it('tries the first phrase first on a phone, the whole name after it', () => {
    expect(areaFormsFor('large language models, multilingual', 366)).toStrictEqual([
      ['LARGE LANGUAGE MODELS'], ['LARGE LANGUAGE', 'MODELS'], ['LARGE LANGUAGE MODELS, MULTILINGUAL'], ['LARGE LANGUAGE MODELS,', 'MULTILINGUAL']
    ]);
    expect(areaFormsFor('large language models, multilingual', 860)).toStrictEqual(areaLabelForms('large language models, multilingual'));
    expect(areaFormsFor('graph neural networks', 366)).toStrictEqual(areaLabelForms('graph neural networks'));
  });

  it('fits area names in a 366 × 440 view (a 390 px phone) in a shorter form, inside the view, clear of each other', () => {
    const [w, h] = [366, 440];
    for (const seed of [11, 12, 13]) {
      const { points, anchored, areas } = papersWorld(seed, 7, 6);
      const base = fitFrame(extentOf(points.x, points.y), w, h, 28);
      const out = layoutMapLabels(anchored.themes, anchored.areas, base, { k: 1, x: 0, y: 0 }, w, h);
      expect(out.areas.length, `seed ${seed}`).toBeGreaterThanOrEqual(3);
      for (const l of out.areas) expect(areaLabelForms(areas[l.id].label)).toContainEqual(l.lines);
      expectClear(out, w, h);
      for (const s of supports(anchored, out, base, { k: 1, x: 0, y: 0 })) expect(s).toBeGreaterThanOrEqual(MIN_SUPPORT);
    }
  });
});

describe('label hover titles', () => {
  it('give the whole name and the papers with thousands separators, as the legend does', () => {
    expect(themeLabelTitle({ label: 'Mixture: sentinel-2, face recognition', size: 2586 })).toBe('Mixture: sentinel-2, face recognition — 2,586 papers');
    expect(areaLabelTitle({ label: 'object detection, anomaly detection', size: 15660 }))
      .toBe('Area: object detection, anomaly detection — 15,660 papers (zoom in for its themes)');
  });
});

describe('areaLabelText (second review of 2026-12-04: "REINFORCEMENT LEARNING, REWARD, COT")', () => {
  it('writes an area in capitals but keeps a word the corpus writes with capitals of its own', () => {
    expect(areaLabelText('reinforcement learning, reward, CoT')).toBe('REINFORCEMENT LEARNING, REWARD, CoT');
    expect(areaLabelText('multimodal large language, VLMs')).toBe('MULTIMODAL LARGE LANGUAGE, VLMs');
    expect(areaLabelText('LLM agents, 3D scene')).toBe('LLM AGENTS, 3D SCENE');
  });
});
