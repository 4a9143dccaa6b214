// Owns painting the topic map's points with WebGL: one gl.POINTS draw per layer from the Uint16 grid
// columns uploaded as they are, so a pan or zoom only changes three uniforms (75k points redraw in
// well under a frame, 1M still draw). Colours and draw order are rebuilt only when the theme
// colours, the search mask, the focused theme or the date filter change. Null when the browser
// has no WebGL, or only a software one (SwiftShader, llvmpipe) for more than SOFTWARE_GL_POINTS
// points; the canvas 2-D painter (map-draw.ts) draws the same dots then.
import { DIM_COLOUR, packColour, pointSize, themePalette, type DrawOptions, type PointColumns } from './map-draw.js';

/**
 * Most points given to a software WebGL: SwiftShader spends ~0.7 µs of CPU a point a frame (a
 * million: ~700 ms, and ~400 ms more to compile the first frame), the CPU painter ~0.05 µs.
 */
export const SOFTWARE_GL_POINTS = 100_000;

let software: boolean | undefined;

/** Whether this browser's WebGL renders on the CPU (its renderer string), probed once on a spare canvas. */
export function softwareWebGl(): boolean {
  if (software !== undefined) return software;
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return (software = false);
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return (software = /swiftshader|llvmpipe|softpipe|software/i.test(name));
}

const VERTEX = `
attribute float a_x;
attribute float a_y;
attribute vec4 a_colour;
uniform float u_scale;
uniform vec2 u_offset;
uniform vec2 u_size;
uniform float u_point;
varying vec4 v_colour;
void main() {
  // device px = offset + scale · grid, then to clip space with y down.
  vec2 px = u_offset + u_scale * vec2(a_x, a_y);
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

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`map shader: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

/** The WebGL painter for `count` points on `canvas`; null for the 2-D painter (see the top comment). */
export function createGlPainter(canvas: HTMLCanvasElement, count: number): GlPainter | null {
  if (count > SOFTWARE_GL_POINTS && softwareWebGl()) return null;
  // preserveDrawingBuffer: the PNG/SVG export and the pixel tests read the canvas after the frame.
  const gl = canvas.getContext('webgl', { preserveDrawingBuffer: true, antialias: false, premultipliedAlpha: false });
  if (!gl) return null;
  const program = gl.createProgram()!;
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) return null;
  const xBuffer = gl.createBuffer();
  const yBuffer = gl.createBuffer();
  const colourBuffer = gl.createBuffer();
  const at = (name: string) => gl.getAttribLocation(program, name);
  const u = (name: string) => gl.getUniformLocation(program, name);
  /** What the GPU buffers hold: the inputs they were built from, and the dimmed / total counts. */
  let uploaded: {
    points: PointColumns; focus: number | null; colourOf: DrawOptions['colourOf']; mask: Uint8Array | null;
    keep: unknown; dimmed: number; drawn: number;
    /** The coordinates' attribute type: UNSIGNED_SHORT for the wire's columns, FLOAT otherwise. */
    type: number;
  } | null = null;

  /** Points in draw order (dimmed first, highlighted on top) with their colours, uploaded to the GPU. */
  function upload(points: PointColumns, o: DrawOptions, keep: ((i: number) => boolean) | null): void {
    const n = points.x.length;
    const highlight = o.mask !== null || o.focusTheme !== null;
    const isMatch = (i: number) => (o.mask === null || o.mask[i] === 1) && (o.focusTheme === null || points.theme[i] === o.focusTheme);
    // Typed arrays and one pass without an array per point: a million points. Without a filter or a
    // highlight the order is the points' own, and the columns go to the GPU as they are.
    let order: Uint32Array | null = null;
    let drawn = n;
    let dimmed = 0;
    if (highlight || keep) {
      order = new Uint32Array(n);
      drawn = 0;
      if (highlight) for (let i = 0; i < n; i++) if ((!keep || keep(i)) && !isMatch(i)) order[drawn++] = i;
      dimmed = drawn;
      for (let i = 0; i < n; i++) if ((!keep || keep(i)) && (!highlight || isMatch(i))) order[drawn++] = i;
    }
    const colours = new Uint32Array(drawn);
    const palette = themePalette(o.colourOf);
    const dim = packColour(DIM_COLOUR);
    const { theme } = points;
    if (order === null) for (let p = 0; p < drawn; p++) colours[p] = palette(theme[p]);
    else for (let p = 0; p < drawn; p++) colours[p] = p < dimmed ? dim : palette(theme[order[p]]);
    const column = (values: PointColumns['x']) => {
      if (order === null) return values;
      const out = new (values instanceof Uint16Array ? Uint16Array : Float32Array)(drawn);
      for (let p = 0; p < drawn; p++) out[p] = values[order[p]];
      return out;
    };
    const [xs, ys] = [column(points.x), column(points.y)];
    gl!.bindBuffer(gl!.ARRAY_BUFFER, xBuffer);
    gl!.bufferData(gl!.ARRAY_BUFFER, xs, gl!.STATIC_DRAW);
    gl!.bindBuffer(gl!.ARRAY_BUFFER, yBuffer);
    gl!.bufferData(gl!.ARRAY_BUFFER, ys, gl!.STATIC_DRAW);
    gl!.bindBuffer(gl!.ARRAY_BUFFER, colourBuffer);
    // packColour's little-endian RGBA words are the bytes r, g, b, a.
    gl!.bufferData(gl!.ARRAY_BUFFER, new Uint8Array(colours.buffer), gl!.STATIC_DRAW);
    uploaded = {
      points, focus: o.focusTheme, colourOf: o.colourOf, mask: o.mask, keep, dimmed, drawn,
      type: xs instanceof Uint16Array ? gl!.UNSIGNED_SHORT : gl!.FLOAT
    };
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
      const { dimmed, drawn, type } = uploaded!;
      for (const [name, buffer] of [['a_x', xBuffer], ['a_y', yBuffer]] as const) {
        g.bindBuffer(g.ARRAY_BUFFER, buffer);
        g.enableVertexAttribArray(at(name));
        g.vertexAttribPointer(at(name), 1, type, false, 0, 0);
      }
      g.bindBuffer(g.ARRAY_BUFFER, colourBuffer);
      g.enableVertexAttribArray(at('a_colour'));
      g.vertexAttribPointer(at('a_colour'), 4, g.UNSIGNED_BYTE, true, 0, 0);
      // toScreen in device pixels: d = dpr · (zoom.x + zoom.k · (tx + k · q)).
      g.uniform1f(u('u_scale'), o.dpr * o.zoom.k * o.base.k);
      g.uniform2f(u('u_offset'), o.dpr * (o.zoom.x + o.zoom.k * o.base.tx), o.dpr * (o.zoom.y + o.zoom.k * o.base.ty));
      g.uniform2f(u('u_size'), w, h);
      const size = pointSize(o.zoom.k, points.x.length) * o.dpr;
      g.uniform1f(u('u_point'), Math.max(1, size));
      if (dimmed > 0) g.drawArrays(g.POINTS, 0, dimmed);
      g.uniform1f(u('u_point'), Math.max(1, dimmed > 0 || o.mask !== null || o.focusTheme !== null ? size * 1.4 : size));
      g.drawArrays(g.POINTS, dimmed, drawn - dimmed);
    }
  };
}
