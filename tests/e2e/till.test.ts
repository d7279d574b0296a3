import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tillCloseHeaders } from '../../shared/io/walletFields.js';
import { openBrowserShop, pageApi, screenshot, signIn, signOut, type BrowserShop } from './browserMode.js';

/**
 * A scripted day at the counter, through the API as the pages would call it: the owner tops up
 * ¥1,000 cash (¥100 bonus) and ¥500 by WeChat; the clerk 小王 tops up ¥200 by Alipay, takes a
 * ¥268.50 purchase from stored value and sells a ¥300 count card for cash, then hands over his
 * shift on the shift page; the owner refunds a ¥700 balance by Alipay. The day-close page shows
 * the right totals per payment method (Alipay goes below zero), records the close, and exports it
 * live and as recorded; the handover is exported as recorded too.
 */
let shop: BrowserShop;
let page: Page;
const api = <T>(channel: string, input: unknown) => pageApi<T>(page, channel, input);
let members: number[] = [];

beforeAll(async () => {
  shop = await openBrowserShop('till');
  page = shop.page;
  await signIn(page, 'boss', 'owner-pass-1');
  await api('staff.create', { username: 'xiaowang', displayName: '小王', role: 'clerk', password: 'clerk-pass-1' });
  members = [
    (await api<{ id: number }>('members.register', { phone: '13800138000', name: '王女士' })).id,
    (await api<{ id: number }>('members.register', { phone: '13900139000', name: '李先生' })).id,
  ];
  const config = await api<{ packages: { id: number }[] }>('wallet.savePackages', {
    packages: [{ payFen: 100_000, bonusFen: 10_000, bonusPoints: 0, active: true }],
  });
  const products = await api<{ id: number }[]>('visitcards.saveProduct', {
    name: '洗车十次卡',
    services: ['洗车'],
    uses: 10,
    priceFen: 30_000,
    validity: { kind: 'none' },
    perDayLimit: null,
    weekdaysOnly: false,
    active: true,
  });
  const [a, b] = members as [number, number];
  await api('wallet.topup', {
    memberId: a,
    paidFen: 100_000,
    paymentMethod: 'cash',
    packageId: config.packages[0]!.id,
  });
  await api('wallet.topup', { memberId: b, paidFen: 50_000, paymentMethod: 'wechat', packageId: null });
  await signOut(page);
  await signIn(page, 'xiaowang', 'clerk-pass-1');
  await api('wallet.topup', { memberId: b, paidFen: 20_000, paymentMethod: 'alipay', packageId: null });
  await api('purchases.record', { memberId: a, amountFen: 26_850, paymentMethod: 'storedValue' });
  await api('visitcards.sell', { memberId: b, productId: products[0]!.id, paymentMethod: 'cash' });
});

afterAll(() => shop?.close());

/** Waits for the dialog's download and reads the CSV (UTF-8, BOM stripped) into lines. */
async function download(dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByTestId('export-download').waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
  const rows = readFileSync((await file.path())!)
    .subarray(3)
    .toString('utf8')
    .trim()
    .split('\r\n');
  return { name: file.suggestedFilename(), rows };
}

const cell = (table: ReturnType<Page['getByTestId']>, method: string, figure: string) =>
  table.locator(`tr[data-method="${method}"] td[data-figure="${figure}"]`);

describe('shift handover and day close', () => {
  it('the clerk sees only his own shift and hands it over', async () => {
    await page.getByRole('link', { name: '交班' }).click();
    await page.getByRole('heading', { name: '交班', exact: true }).waitFor();
    const table = page.getByTestId('shift-table');
    await expect.poll(() => cell(table, 'alipay', 'topupFen').textContent()).toContain('¥200.00');
    expect(await cell(table, 'cash', 'cardSalesFen').textContent()).toContain('¥300.00');
    expect(await cell(table, 'storedValue', 'storedValueSpentFen').textContent()).toBe('¥268.50');
    // The owner's top-ups are not his.
    expect(await table.locator('tr[data-method="wechat"]').count()).toBe(0);
    expect(await cell(table, 'total', 'netFen').textContent()).toBe('¥500.00');
    // Only stored value and count cards: ordinary sales are counted at the till, and the page says so.
    await page.getByTestId('till-note').getByText('普通消费在收银台结算', { exact: false }).waitFor();
    expect(await table.locator('thead').textContent()).toContain('储值/次卡实收');
    await page.getByTestId('shift-close').click();
    const dialog = page.getByRole('dialog', { name: '确认交班' });
    await dialog.getByText('储值/次卡实收 ¥500.00', { exact: false }).waitFor();
    await dialog.getByTestId('shift-confirm').click();
    await page.getByTestId('shift-closed').getByText('已交班，本班储值/次卡实收 ¥500.00').waitFor();
    // The next shift starts now, with nothing in it yet.
    await page.getByText('这段时间没有充值、次卡或储值收支。').waitFor();
    const closes = page.getByTestId('till-closes');
    await expect.poll(() => closes.locator('tbody tr').count()).toBe(1);
    expect(await closes.locator('tbody td').nth(1).textContent()).toBe('小王');
    await page.getByRole('button', { name: '打印小票' }).waitFor();
    // The handover slip (shown only when printed) carries the shift's figures.
    const slip = await page.getByTestId('slip').textContent();
    expect(slip).toContain('交班单');
    expect(slip).toContain('支付宝 · 充值¥200.00 (1)');
    expect(slip).toContain('储值和次卡实收合计¥500.00');
    expect(slip).toContain('普通消费在收银台结算');
    // It ends with lines for who hands over and who takes over to sign.
    expect(await page.getByTestId('slip-signature').allTextContents()).toEqual(['交班人', '接班人']);
    // A clerk cannot export a handover (that is for those who read the day close).
    expect(await closes.getByTestId('till-close-export').count()).toBe(0);
    await screenshot(page, 'till-shift');
    await signOut(page);
  });

  it('the day-close page shows the right totals per payment method, records and exports the close', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await api('wallet.refundBalance', { memberId: members[1], payoutMethod: 'alipay', reason: '退卡' });
    await page.getByRole('link', { name: '日结' }).click();
    await page.getByRole('heading', { name: '日结', exact: true }).waitFor();
    const day = await page.getByTestId('day-close-day').inputValue();
    const byMethod = page.getByTestId('day-close-by-method');
    // Cash: ¥1,000 top-up + ¥300 card. Alipay: ¥200 top-up − ¥700 balance refund, below zero.
    await expect.poll(() => cell(byMethod, 'cash', 'netFen').textContent()).toBe('¥1300.00');
    expect(await cell(byMethod, 'cash', 'topupFen').textContent()).toContain('¥1000.00');
    expect(await cell(byMethod, 'cash', 'bonusFen').textContent()).toBe('¥100.00');
    expect(await cell(byMethod, 'alipay', 'refundsFen').textContent()).toContain('¥700.00');
    expect(await cell(byMethod, 'wechat', 'netFen').textContent()).toBe('¥500.00');
    // The sign goes before the currency.
    expect(await cell(byMethod, 'alipay', 'netFen').textContent()).toBe('-¥500.00');
    expect(await cell(byMethod, 'storedValue', 'storedValueSpentFen').textContent()).toBe('¥268.50');
    expect(await cell(byMethod, 'storedValue', 'netFen').textContent()).toBe('¥0.00');
    expect(await cell(byMethod, 'total', 'netFen').textContent()).toBe('¥1300.00');
    const lines = page.getByTestId('day-close-lines');
    expect(await lines.locator('tbody tr').count()).toBe(6);
    await page.getByTestId('till-note').waitFor();
    expect(await lines.locator('tr[data-staff="小王"]').count()).toBe(3);
    await page.getByTestId('day-close-status').getByText('本营业日尚未日结').waitFor();

    await page.getByTestId('day-close').click();
    const dialog = page.getByRole('dialog', { name: '确认日结' });
    await dialog.getByText('储值/次卡实收 ¥1300.00', { exact: false }).waitFor();
    await dialog.getByTestId('day-close-confirm').click();
    await page.getByTestId('day-close-status').getByText('由 陈老板 日结', { exact: false }).waitFor();
    await page.getByTestId('till-closes').getByText('日结', { exact: true }).waitFor();
    await screenshot(page, 'till-day-close');

    await page.getByTestId('export-button-tillClose').click();
    const exportDialog = page.getByRole('dialog', { name: '导出日结' });
    await exportDialog.getByText('CSV（UTF-8）').click();
    await exportDialog.getByTestId('export-start').click();
    await exportDialog.getByText('已导出 11 条记录。').waitFor();
    const live = await download(exportDialog);
    // Named after the business day.
    expect(live.name).toBe(`日结-${day}.csv`);
    expect(live.rows[0]).toBe(Object.values(tillCloseHeaders.zh).join(','));
    expect(live.rows.at(-1)).toMatch(/,合计,,,1700\.00,3,100\.00,300\.00,1,700\.00,1,268\.50,1300\.00$/);

    // The recorded close and the clerk's handover, each as recorded, from their rows.
    const records = page.getByTestId('till-closes');
    const dayRow = records.locator('tbody tr').filter({ hasText: '日结' });
    await dayRow.getByTestId('till-close-export').click();
    const recordDialog = page.getByRole('dialog', { name: '导出日结记录' });
    await recordDialog.getByText('CSV（UTF-8）').click();
    await recordDialog.getByTestId('export-start').click();
    const recorded = await download(recordDialog);
    expect(recorded.name).toBe(`日结-${day}.csv`);
    expect(recorded.rows.at(-1)).toBe(live.rows.at(-1));
    const shiftRow = records.locator('tbody tr').filter({ hasText: '小王' });
    await shiftRow.getByTestId('till-close-export').click();
    const shiftDialog = page.getByRole('dialog', { name: '导出交班记录' });
    await shiftDialog.getByText('CSV（UTF-8）').click();
    await shiftDialog.getByTestId('export-start').click();
    const handover = await download(shiftDialog);
    expect(handover.name).toBe(`交班-小王-${day}.csv`);
    expect(handover.rows.at(-1)).toMatch(/,合计,,,200\.00,1,0\.00,300\.00,1,0\.00,0,268\.50,500\.00$/);
    await page.getByTestId('slip').waitFor({ state: 'attached' });
    expect(await page.getByTestId('slip-signature').allTextContents()).toEqual(['日结人', '店主']);
  });

  it('the report shows the outstanding stored value and the day’s figures', async () => {
    await page.getByRole('link', { name: '储值报表' }).click();
    // Principal: 1000 − (268.50 less its bonus share) = 1000 − 244.09; bonus 100 − 24.41.
    await page.getByTestId('report-outstanding-principal').getByText('¥755.91').waitFor();
    await page.getByTestId('report-outstanding-bonus').getByText('¥75.59').waitFor();
    await page.getByTestId('report-members').getByText('1', { exact: true }).waitFor();
    await page.getByTestId('report-topups').getByText('¥1700.00').waitFor();
    await page.getByTestId('report-refunds').getByText('¥700.00').waitFor();
    await page.getByTestId('report-cards-sold').getByText('1 张').waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'wallet-report');
  });
});
