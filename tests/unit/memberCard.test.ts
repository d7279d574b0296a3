import { describe, expect, it } from 'vitest';
import {
  cardSize,
  escapeXml,
  memberCardSvg,
  neutralTierColor,
  type MemberCardInput,
} from '../../renderer/features/tiers/memberCard.js';

const card: MemberCardInput = {
  shopName: '好运便利店',
  memberName: '王<b>&"\'',
  memberNo: 'M000123',
  tierName: '金卡会员',
  tierColor: '#FAB005',
};

/** The attributes of the element carrying `data-role="…"`. */
const element = (svg: string, role: string) => new RegExp(`<[a-z]+ data-role="${role}"[^>]*>`).exec(svg)?.[0] ?? '';
const unescapedAmpersand = /&(?!(?:amp|lt|gt|quot|apos);)/;

describe('memberCardSvg', () => {
  const svg = memberCardSvg(card);

  it('is one SVG document of the CR80 card size, in millimetres', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="85.6mm" height="54mm"')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${cardSize.width} ${cardSize.height}"`);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('escapes the texts it shows', () => {
    expect(svg).toContain('王&lt;b&gt;&amp;&quot;&apos;');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toMatch(unescapedAmpersand);
    expect(svg).toContain('>好运便利店</text>');
    expect(svg).toContain('>金卡会员</text>');
  });

  it('shows the member number under the barcode', () => {
    expect(svg).toMatch(/<text data-role="member-no"[^>]*>M000123<\/text>/);
  });

  it('draws the band in the tier colour, with text readable on it', () => {
    expect(element(svg, 'tier-band')).toContain('fill="#fab005"');
    expect(svg).toMatch(/fill="#000000">好运便利店</);
    const dark = memberCardSvg({ ...card, tierColor: '#1a237e' });
    expect(element(dark, 'tier-band')).toContain('fill="#1a237e"');
    expect(dark).toMatch(/fill="#ffffff">好运便利店</);
  });

  it('holds a Code128 barcode and a QR code, both drawn with bars or modules', () => {
    for (const role of ['code128', 'qr']) {
      const start = svg.indexOf(`<svg data-role="${role}"`);
      expect(start, role).toBeGreaterThan(0);
      const symbol = svg.slice(start, svg.indexOf('</svg>', start));
      expect(symbol, role).toMatch(/<path [^>]*d="M[\d.]+ [\d.]+/);
    }
    // Code128 for M000123: start, M, code C, 00 01 23, check, stop = 6 × 11 + 11 + 13 modules.
    expect(element(svg, 'code128')).toContain('viewBox="0 0 90 ');
    // Square, version 1 (21 modules, two units each) for so short a number.
    expect(element(svg, 'qr')).toContain('viewBox="0 0 42 42"');
  });

  it('keeps the barcode modules at 0.5 mm at most, and inside the card for long numbers', () => {
    const width = (s: string) => Number(/ width="([\d.]+)"/.exec(element(s, 'code128'))?.[1]);
    const x = (s: string) => Number(/ x="([\d.]+)"/.exec(element(s, 'code128'))?.[1]);
    expect(width(svg)).toBeCloseTo(45, 3);
    const long = memberCardSvg({ ...card, memberNo: 'ABCDEF123456789012' });
    expect(x(long) + width(long)).toBeLessThan(cardSize.width - 5);
  });

  it('falls back to the neutral colour for anything but #rrggbb', () => {
    const odd = memberCardSvg({ ...card, tierColor: 'red"/><script>alert(1)</script>' });
    expect(element(odd, 'tier-band')).toContain(`fill="${neutralTierColor}"`);
    expect(odd).not.toContain('<script>');
  });

  it('squeezes a name too long for the card into the width', () => {
    const long = memberCardSvg({ ...card, memberName: '欧阳'.repeat(12) });
    expect(long).toMatch(/textLength="75.6" lengthAdjust="spacingAndGlyphs">(欧阳){12}</);
    expect(svg).not.toMatch(/textLength="[\d.]+" lengthAdjust="spacingAndGlyphs">王/);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials and leaves everything else', () => {
    expect(escapeXml(`<a href="x">'王' & 李</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;王&apos; &amp; 李&lt;/a&gt;',
    );
  });
});
