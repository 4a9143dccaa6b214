// Owns painting the topic map's points with WebGL: one gl.POINTS draw per layer from Uint16 grid
// coordinates uploaded once, so a pan or zoom only changes three uniforms (75k points redraw in
// well under a frame, 1M still draw). Colours and draw order are rebuilt only when the theme
// colours, the search mask, the focused theme or the date filter change. Null when the browser
// has no WebGL; the canvas 2-D painter (map-draw.ts) is the fallback.
import { DIM_COLOUR, pointSize, type DrawOptions, type PointColumns } from './map-draw.js';

const VERTEX = `
attribute vec2 a_pos;
attribute vec4 a_colour;
uniform float u_scale;
uniform vec2 u_offset;
uniform vec2 u_size;
uniform float u_point;
varying vec4 v_colour;
void main() {
  // device px = offset + scale · grid, then to clip space with y down.
  vec2 px = u_offset + u_scale * a_pos;
  gl_Position = vec4(px.x / u_size.x * 2.0 - 1.0, 1.0 - px.y / u_size.y * 2.0, 0.0, 1.0);
  gl_PointSize = u_point;
  v_colour = a_colour;
}`;

const FRAGMENT = `
precision mediump float;
varying vec4 v_colour;
void main() {
  vec2 d = gl_PointCoord - vec2(0.5);
  if (dot(d, d) > 0.25) discard;
  gl_FragColor = v_colour;
}`;

export interface GlPainter {
  draw(points: PointColumns, o: DrawOptions): void;
}

/** '#rrggbb' as [r, g, b]. */
function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`map shader: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

export function createGlPainter(canvas: HTMLCanvasElement): GlPainter | null {
  // preserveDrawingBuffer: the PNG/SVG export and the pixel tests read the canvas after the frame.
  const gl = canvas.getContext('webgl', { preserveDrawingBuffer: true, antialias: false, premultipliedAlpha: false });
  if (!gl) return null;
  const program = gl.createProgram()!;
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) return null;
  const posBuffer = gl.createBuffer();
  const colourBuffer = gl.createBuffer();
  const at = (name: string) => gl.getAttribLocation(program, name);
  const u = (name: string) => gl.getUniformLocation(program, name);
  /** What the GPU buffers hold: the inputs they were built from, and the dimmed / total counts. */
  let uploaded: {
    points: PointColumns; focus: number | null; colourOf: DrawOptions['colourOf']; mask: Uint8Array | null;
    keep: unknown; dimmed: number; drawn: number;
  } | null = null;

  /** Points in draw order (dimmed first, highlighted on top) with their colours, uploaded to the GPU. */
  function upload(points: PointColumns, o: DrawOptions, keep: ((i: number) => boolean) | null): void {
    const n = points.x.length;
    const highlight = o.mask !== null || o.focusTheme !== null;
    const isMatch = (i: number) => (o.mask === null || o.mask[i] === 1) && (o.focusTheme === null || points.theme[i] === o.focusTheme);
    // Typed arrays and one pass without a closure or an array per point: a million points.
    const order = new Uint32Array(n);
    let drawn = 0;
    if (highlight) for (let i = 0; i < n; i++) if ((!keep || keep(i)) && !isMatch(i)) order[drawn++] = i;
    const dimmed = drawn;
    for (let i = 0; i < n; i++) if ((!keep || keep(i)) && (!highlight || isMatch(i))) order[drawn++] = i;
    const pos = new Float32Array(2 * drawn);
    const colours = new Uint8Array(4 * drawn);
    const cache = new Map<number, [number, number, number]>();
    const dim = rgb(DIM_COLOUR);
    const { x, y, theme } = points;
    for (let p = 0; p < drawn; p++) {
      const i = order[p];
      pos[2 * p] = x[i];
      pos[2 * p + 1] = y[i];
      let c = dim;
      if (p >= dimmed) {
        const t = theme[i];
        let known = cache.get(t);
        if (!known) cache.set(t, (known = rgb(o.colourOf(t))));
        c = known;
      }
      colours[4 * p] = c[0];
      colours[4 * p + 1] = c[1];
      colours[4 * p + 2] = c[2];
      colours[4 * p + 3] = 255;
    }
    gl!.bindBuffer(gl!.ARRAY_BUFFER, posBuffer);
    gl!.bufferData(gl!.ARRAY_BUFFER, pos, gl!.STATIC_DRAW);
    gl!.bindBuffer(gl!.ARRAY_BUFFER, colourBuffer);
    gl!.bufferData(gl!.ARRAY_BUFFER, colours, gl!.STATIC_DRAW);
    uploaded = { points, focus: o.focusTheme, colourOf: o.colourOf, mask: o.mask, keep, dimmed, drawn };
  }

  return {
    draw(points, o) {
      const keep = o.keep ?? null;
      const g = gl!;
      const w = Math.round(o.width * o.dpr);
      const h = Math.round(o.height * o.dpr);
      const last = uploaded;
      if (!last || last.points !== points || last.focus !== o.focusTheme || last.colourOf !== o.colourOf || last.keep !== keep || last.mask !== o.mask) {
        upload(points, o, keep);
      }
      g.viewport(0, 0, w, h);
      g.clearColor(0, 0, 0, 0);
      g.clear(g.COLOR_BUFFER_BIT);
      g.useProgram(program);
      g.bindBuffer(g.ARRAY_BUFFER, posBuffer);
      g.enableVertexAttribArray(at('a_pos'));
      g.vertexAttribPointer(at('a_pos'), 2, g.FLOAT, false, 0, 0);
      g.bindBuffer(g.ARRAY_BUFFER, colourBuffer);
      g.enableVertexAttribArray(at('a_colour'));
      g.vertexAttribPointer(at('a_colour'), 4, g.UNSIGNED_BYTE, true, 0, 0);
      // toScreen in device pixels: d = dpr · (zoom.x + zoom.k · (tx + k · q)).
      g.uniform1f(u('u_scale'), o.dpr * o.zoom.k * o.base.k);
      g.uniform2f(u('u_offset'), o.dpr * (o.zoom.x + o.zoom.k * o.base.tx), o.dpr * (o.zoom.y + o.zoom.k * o.base.ty));
      g.uniform2f(u('u_size'), w, h);
      const size = pointSize(o.zoom.k, points.x.length) * o.dpr;
      const { dimmed, drawn } = uploaded!;
      g.uniform1f(u('u_point'), Math.max(1, size));
      if (dimmed > 0) g.drawArrays(g.POINTS, 0, dimmed);
      g.uniform1f(u('u_point'), Math.max(1, dimmed > 0 || o.mask !== null || o.focusTheme !== null ? size * 1.4 : size));
      g.drawArrays(g.POINTS, dimmed, drawn - dimmed);
    }
  };
}
