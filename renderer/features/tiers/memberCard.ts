import { code128, drawingSVG, qrcode } from 'bwip-js/browser';
import { textOn } from '../../../shared/rules/tiers.js';

/** What a member card shows. `tierColor` is '#rrggbb'. */
export interface MemberCardInput {
  shopName: string;
  memberName: string;
  memberNo: string;
  tierName: string;
  tierColor: string;
}

/** ISO/IEC 7810 ID-1 (CR80), the size of a bank card, in millimetres. */
export const cardSize = { width: 85.6, height: 54 } as const;

/** The band colour when the member has no tier (or the colour is not '#rrggbb'). */
export const neutralTierColor = '#868e96';

const fontStack = "'Noto Sans CJK SC','Microsoft YaHei','PingFang SC','Source Han Sans SC',sans-serif";
const monoStack = "'DejaVu Sans Mono',Consolas,'Courier New',monospace";

/** Text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

function validColor(hex: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(hex) ? hex.toLowerCase() : neutralTierColor;
}

/** Rough width of a line of text in em: CJK and full-width characters are 1 em, others about 0.6. */
function estimatedEm(text: string): number {
  let em = 0;
  for (const ch of text)
    em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(ch) ? 1 : 0.6;
  return em;
}

/** One line of text in the card's font; squeezed to `maxWidth` (mm) when it would run longer. */
function textLine(
  text: string,
  at: { x: number; y: number; size: number; bold: boolean; fill: string },
  maxWidth: number,
) {
  const fit = estimatedEm(text) * at.size > maxWidth ? ` textLength="${maxWidth}" lengthAdjust="spacingAndGlyphs"` : '';
  return (
    `<text x="${at.x}" y="${at.y}" font-family="${fontStack}" font-size="${at.size}"` +
    ` font-weight="${at.bold ? 700 : 400}" fill="${at.fill}"${fit}>${escapeXml(text)}</text>`
  );
}

/** A symbol drawn by bwip-js, placed as a nested SVG at (x, y) with the given size in mm. */
function placed(role: string, svg: string, x: number, y: number, width: number, height: number): string {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const body = svg.slice(svg.indexOf('>') + 1, svg.lastIndexOf('</svg>'));
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return (
    `<svg data-role="${role}" x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(height)}"` +
    ` viewBox="${viewBox}" preserveAspectRatio="none" shape-rendering="crispEdges">${body}</svg>`
  );
}

/** Width of a bwip-js symbol in modules (its SVG is drawn at scale 1, one unit per module). */
function modules(svg: string): number {
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('bwip-js returned an SVG without a viewBox');
  return Number(viewBox[1]);
}

const band = 14;
const margin = 5;
const qrSize = 18;
const barHeight = 11;

/**
 * The member card as one SVG document in millimetres (85.6 × 54): the shop name and the tier on a
 * band in the tier colour, the member's name, the member number as a Code128 barcode with the
 * number printed under it, and a QR code of the member number. A scanner reads either code as the
 * member number followed by Enter, which the counter search opens.
 */
export function memberCardSvg(input: MemberCardInput): string {
  const color = validColor(input.tierColor);
  const ink = textOn(color);
  const { width: w, height: h } = cardSize;

  const qr = qrcode({ bcid: 'qrcode', text: input.memberNo, scale: 1 }, drawingSVG());
  const qrX = w - margin - qrSize;
  const qrY = h - margin - qrSize;

  const bars = code128({ bcid: 'code128', text: input.memberNo, scale: 1, height: barHeight }, drawingSVG());
  // Modules of at most 0.5 mm, so the margin holds the 10-module quiet zone on either side.
  const x = Math.min(0.5, (qrX - 2 * margin) / modules(bars));
  const barWidth = modules(bars) * x;
  const barTop = qrY + 1;
  const full = w - 2 * margin;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}mm" height="${h}mm" viewBox="0 0 ${w} ${h}">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<rect data-role="tier-band" width="${w}" height="${band}" fill="${color}"/>`,
    textLine(input.shopName, { x: margin, y: 6.5, size: 4.2, bold: true, fill: ink }, full),
    textLine(input.tierName, { x: margin, y: 11.5, size: 3, bold: false, fill: ink }, full),
    textLine(input.memberName, { x: margin, y: band + 9, size: 5, bold: true, fill: '#000000' }, full),
    placed('code128', bars, margin, barTop, barWidth, barHeight),
    `<text data-role="member-no" x="${margin + barWidth / 2}" y="${barTop + barHeight + 4}" text-anchor="middle"` +
      ` letter-spacing="0.4" font-family="${monoStack}" font-size="3.2" fill="#000000">` +
      `${escapeXml(input.memberNo)}</text>`,
    placed('qr', qr, qrX, qrY, qrSize, qrSize),
    '</svg>',
  ].join('');
}
