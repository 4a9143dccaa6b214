// Owns "Download SVG / PNG" in the browser: a chart's <svg> (title, axes, legend and labels are all
// inside it, styled with attributes, so it stands alone) is cloned without its hover-only parts
// (marked data-export-skip), serialised, and saved as .svg or rasterised at 2× into a .png.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Clone of `svg` ready to save: no hover marks, explicit size and namespace, white background. */
export function cloneForExport(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const el of clone.querySelectorAll('[data-export-skip]')) el.remove();
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return clone;
}

export function serialise(svg: SVGSVGElement): string {
  return new XMLSerializer().serializeToString(svg);
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  save(new Blob([serialise(svg)], { type: 'image/svg+xml' }), `${filename}.svg`);
}

/** Rasterises the (standalone) SVG at `scale`× on a white canvas and saves it as PNG. */
export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([serialise(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the PNG');
    save(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
