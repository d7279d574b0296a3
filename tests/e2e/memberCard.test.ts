import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';
import { openBrowserShop, screenshot, signIn, type BrowserShop } from './browserMode.js';

/**
 * The printable member card: the owner registers a member and opens the card; the PDF is one page
 * of exactly the card's size (85.6 × 54 mm) and printing lays out the card alone on a page of that
 * size. Both codes, read back by a real decoder (zxing-cpp) from the PDF's own picture and from the
 * preview on screen, are the member number, and a scanner typing that number at the counter search
 * opens the member.
 */
let shop: BrowserShop;
let page: Page;
let memberNo = '';

const require = createRequire(import.meta.url);
const mm = (pt: number) => (pt / 72) * 25.4;

beforeAll(async () => {
  // zxing-wasm would fetch its WebAssembly from a CDN; the tests have it on disk.
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
  shop = await openBrowserShop('member-card');
  page = shop.page;
});

afterAll(async () => {
  await shop?.close();
});

/** What a decoder reads in the picture: one text per symbology found. */
async function decode(input: Uint8Array | { data: Uint8ClampedArray; width: number; height: number }) {
  const results: ReadResult[] = await readBarcodes(input as Uint8Array, {
    formats: ['Code128', 'QRCode'],
    tryHarder: true,
    maxNumberOfSymbols: 4,
  });
  return Object.fromEntries(results.filter((r) => r.isValid).map((r) => [r.symbology, r.text]));
}

/** The one RGB picture in a PDF made by pdf-lib, as RGBA pixels. */
function pictureOf(pdf: PDFDocument) {
  const images = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter(
      (o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
    );
  expect(images).toHaveLength(1);
  const image = images[0]!;
  expect(image.dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceRGB'));
  expect(image.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
  const width = (image.dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
  const height = (image.dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
  const rgb = inflateSync(image.contents);
  expect(rgb.length).toBe(width * height * 3);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    data[j] = rgb[i]!;
    data[j + 1] = rgb[i + 1]!;
    data[j + 2] = rgb[i + 2]!;
    data[j + 3] = 255;
  }
  return { data, width, height };
}

describe('the printable member card', () => {
  it('the owner registers a member and opens the card', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('button', { name: '登记会员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('手机号').fill('13900139000');
    await form.getByLabel('姓名').fill('欧阳娜娜');
    await form.getByRole('button', { name: '登记会员' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('欧阳娜娜');
    memberNo = (await page.getByTestId('member-no').textContent()) ?? '';
    expect(memberNo).toMatch(/^M\d{6}$/);

    await page.getByRole('button', { name: '打印会员卡' }).click();
    const dialog = page.getByRole('dialog', { name: '打印会员卡' });
    const preview = dialog.getByTestId('member-card-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('alt')).toBe('欧阳娜娜的会员卡');
    const svg = decodeURIComponent(
      (await preview.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''),
    );
    for (const text of ['好运便利店', '欧阳娜娜', memberNo, 'data-role="tier-band"']) expect(svg).toContain(text);
    await screenshot(page, 'member-card');
  });

  it('the card on screen scans as the member number, as a barcode and as a QR code', async () => {
    const png = await page.getByTestId('member-card-preview').screenshot();
    expect(await decode(new Uint8Array(png))).toEqual({ Code128: memberNo, QRCode: memberNo });
  });

  it('prints alone, on one card-sized page', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    const card = await page.getByTestId('member-card-print').locator('img').boundingBox();
    expect(card).toMatchObject({ x: 0, y: 0 });
    // CSS pixels are 1/96 inch.
    expect(mm((card!.width * 72) / 96)).toBeCloseTo(85.6, 1);
    expect(mm((card!.height * 72) / 96)).toBeCloseTo(54, 1);
    await page.emulateMedia({ media: null });

    // Chromium's print-to-PDF lays the page out as the print dialog does, with the print stylesheet.
    const printed = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(printed.getPageCount()).toBe(1);
    const { width, height } = printed.getPage(0).getSize();
    expect(mm(width)).toBeCloseTo(85.6, 0);
    expect(mm(height)).toBeCloseTo(54, 0);
    // Slips keep their own paper once the card is closed.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: '打印会员卡' }).waitFor({ state: 'detached' });
    const after = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, format: 'A4' }));
    expect(mm(after.getPage(0).getSize().width)).not.toBeCloseTo(85.6, 0);
  });

  it('downloads a one-page PDF of exactly the card size whose codes read as the member number', async () => {
    await page.getByRole('button', { name: '打印会员卡' }).click();
    const dialog = page.getByRole('dialog', { name: '打印会员卡' });
    await dialog.getByTestId('member-card-preview').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`member-card-${memberNo}.pdf`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(bytes.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(242.65, 1);
    expect(Number(box?.[2])).toBeCloseTo(153.07, 1);

    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const picture = pictureOf(pdf);
    // About 600 dpi across the card's 85.6 mm.
    expect(picture.width).toBe(2022);
    expect(await decode(picture)).toEqual({ Code128: memberNo, QRCode: memberNo });
    await page.keyboard.press('Escape');
  });

  it('a scanner typing the number and Enter at the counter search opens the member', async () => {
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByTestId('member-name').waitFor({ state: 'detached' });
    await page.keyboard.press('F2');
    const search = page.getByRole('textbox', { name: '搜索会员' });
    await search.waitFor();
    // A scanner "types" the whole number in a few milliseconds and ends it with Enter.
    await page.keyboard.type(memberNo, { delay: 2 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('欧阳娜娜');
    expect(await page.getByTestId('member-no').textContent()).toBe(memberNo);
  });
});
