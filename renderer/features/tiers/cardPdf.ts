import { PDFDocument } from 'pdf-lib';
import { cardSize } from './memberCard';

/** Resolution the card is rasterised at: sharp bars and text on any card or office printer. */
export const cardDpi = 600;

const mmToPt = (mm: number) => (mm / 25.4) * 72;

/**
 * Draws the card SVG on a canvas at `dpi`. The browser renders the text with the system's fonts,
 * so Chinese names need no font embedded anywhere.
 */
export async function rasteriseCard(svg: string, dpi = cardDpi): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const image = new Image();
  try {
    image.src = url;
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round((cardSize.width / 25.4) * dpi);
  canvas.height = Math.round((cardSize.height / 25.4) * dpi);
  const ctx = canvas.getContext('2d', { alpha: false })!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

function pngOf(canvas: HTMLCanvasElement): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob.arrayBuffer()) : reject(new Error('canvas.toBlob failed'))),
      'image/png',
    ),
  );
}

/** A one-page PDF exactly the card's size (85.6 × 54 mm) holding the rasterised card. */
export async function memberCardPdf(svg: string, title: string): Promise<Uint8Array> {
  const png = await pngOf(await rasteriseCard(svg));
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Liuke');
  pdf.setProducer('Liuke');
  const page = pdf.addPage([mmToPt(cardSize.width), mmToPt(cardSize.height)]);
  const image = await pdf.embedPng(png);
  page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  // Plain objects and cross-reference table: older PDF readers and printer drivers open it too.
  return pdf.save({ useObjectStreams: false });
}

/** Saves bytes as a file through the browser's download (both shells show their save flow). */
export function saveBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
