import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../../shared/rules/businessDay.js';
import { addDays } from '../../shared/rules/earning.js';
import { openBrowserShop, pageApi, screenshot, signIn, signOut, testClock, type BrowserShop } from './browserMode.js';

/**
 * Count cards (次卡) in the browser: the owner defines a 10-visit car-wash card (¥300, 90 days, one
 * visit a day); a clerk sells it to a member for cash, deducts a visit after confirming (9 of 10
 * left), undoes it with a reason (10 again), and a second visit on the same day is refused by the
 * per-day limit; a manager refunds the card's unused visits pro rata less the terms' 10% fee; a
 * double click on any confirmation records once and says so once; sales and refunds print a slip; a card
 * sold to another member shows on the expiring list near its end (the app's test clock); and the
 * English UI of these screens has no Chinese left but the shop's own data.
 */
const clock = testClock();
let shop: BrowserShop;
let page: Page;
let wangId: number;
let liId: number;

const api = <T>(channel: string, input: unknown) => pageApi<T>(page, channel, input);

beforeAll(async () => {
  shop = await openBrowserShop('visitcards', clock.env);
  page = shop.page;
  await signIn(page, 'boss', 'owner-pass-1');
  wangId = (await api<{ id: number }>('members.register', { phone: '13800138000', name: '王女士' })).id;
  liId = (await api<{ id: number }>('members.register', { phone: '13900139000', name: '李先生' })).id;
  await api('staff.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'clerk-pass-1' });
  await api('staff.create', { username: 'laozhang', displayName: '老张', role: 'manager', password: 'manager-pass-1' });
  // The shop's published terms charge 10% on refunding unused visits.
  const config = await api<{ settings: Record<string, unknown> }>('wallet.config', {});
  await api('wallet.saveSettings', { ...config.settings, visitcardRefundFeePct: 10 });
});

afterAll(async () => {
  await shop?.close();
  clock.remove();
});

async function openMember(id: number) {
  await page.goto(`${shop.app.url}#/members/${id}`);
  await page.getByTestId('member-name').waitFor();
}

const card = () => page.getByTestId('member-visitcards');
const left = () => card().getByTestId('visitcard-left').first().textContent();

/** How many messages with this text are on screen, once a second one would have had time to show. */
async function toastCount(text: string): Promise<number> {
  await page.getByText(text).first().waitFor();
  await page.waitForTimeout(1000);
  return page.locator('.mantine-Notification-root').filter({ hasText: text }).count();
}

/** After the clock moves days on, the session may have ended: sign in again when asked. */
async function reloadSignedIn(username: string, password: string) {
  await page.reload();
  const signInHeading = page.getByRole('heading', { name: '登录' });
  await Promise.race([signInHeading.waitFor(), page.getByTestId('open-counter-search').waitFor()]);
  if (await signInHeading.isVisible()) await signIn(page, username, password);
}

describe('count cards', () => {
  it('the owner defines a 10-visit car-wash card', async () => {
    await page.getByRole('link', { name: '次卡项目', exact: true }).click();
    await page.getByRole('heading', { name: '次卡项目' }).waitFor();
    await page.getByRole('button', { name: '新增次卡项目' }).click();
    const dialog = page.getByRole('dialog', { name: '新增次卡项目' });
    await dialog.getByLabel('名称', { exact: true }).fill('洗车10次卡');
    const services = dialog.getByLabel('适用服务');
    await services.fill('洗车');
    await services.press('Enter');
    await dialog.getByLabel('次数', { exact: true }).fill('10');
    await dialog.getByLabel('售价（元）').fill('300');
    await dialog.getByText('售出后 N 天', { exact: true }).click();
    await dialog.getByLabel('有效天数').fill('90');
    await dialog.getByLabel('每天最多使用次数').fill('1');
    await screenshot(page, 'visitcards-product');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('visitcard-products').getByRole('row', { name: /洗车10次卡/ });
    await row.getByText('¥300.00').waitFor();
    await row.getByText('售出后 90 天内有效').waitFor();
    await row.getByText('每天限 1 次').waitFor();
    await signOut(page);
  });

  it('a clerk sells it for cash, deducts a visit after confirming and sees 9 of 10 left', async () => {
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await openMember(wangId);
    await card().getByText('还没有可用的次卡').waitFor();
    await card().getByRole('button', { name: '售卡' }).click();
    // The dialog names the member it sells to.
    const sell = page.getByRole('dialog', { name: '售卡 · 王女士' });
    await sell.getByRole('combobox', { name: '次卡项目' }).click();
    await page.getByRole('option', { name: /洗车10次卡/ }).click();
    const today = businessDay(new Date().toISOString(), 'Asia/Shanghai');
    expect(await sell.getByTestId('sell-last-day').textContent()).toBe(addDays(today, 90));
    expect(await sell.getByTestId('sell-uses').textContent()).toBe('10 次');
    await sell.getByText('现金', { exact: true }).click();
    await screenshot(page, 'visitcards-sell');
    // A double click sells one card and says so once.
    await sell.getByRole('button', { name: '确认收款 ¥300.00 并售卡' }).dblclick();
    await sell.getByTestId('sell-result').waitFor();
    await screenshot(page, 'visitcards-sell-result');
    expect(await toastCount('已售出「洗车10次卡」，10 次')).toBe(1);
    expect(await sell.getByTestId('sell-result-line').textContent()).toBe(
      `「洗车10次卡」10 次，最后可用日 ${addDays(today, 90)}`,
    );
    // The sale slip: the card, its visits, last day, price and how it was paid.
    const saleSlip = await page.getByTestId('slip').textContent();
    for (const part of ['次卡售卡凭条', '洗车10次卡', '10 次', addDays(today, 90), '¥300.00', '现金', '小李'])
      expect(saleSlip).toContain(part);
    await sell.getByRole('button', { name: '完成' }).click();
    await sell.waitFor({ state: 'hidden' });
    await expect.poll(left).toBe('剩余 10 / 10 次');
    expect(await card().getByTestId('visitcard-left').count()).toBe(1);
    expect(await api<unknown[]>('visitcards.list', { memberId: wangId })).toHaveLength(1);
    await card()
      .getByText(`有效期至 ${addDays(today, 90)}`, { exact: false })
      .waitFor();

    await card().getByRole('button', { name: '核销' }).click();
    const use = page.getByRole('dialog', { name: '核销次卡 · 王女士' });
    await use.getByText('为会员核销「洗车10次卡」1 次').waitFor();
    expect(await use.getByTestId('use-before-after').textContent()).toBe('10 次9 次');
    await screenshot(page, 'visitcards-use');
    // A double click deducts one visit.
    await use.getByRole('button', { name: '确认核销' }).dblclick();
    expect(await use.getByTestId('use-result-left').textContent()).toBe('剩余 9 / 10 次');
    await page.waitForTimeout(500);
    expect(await use.getByTestId('use-result').count()).toBe(1);
    expect(await use.getByTestId('use-problem').count()).toBe(0);
    const [sold] = await api<{ id: number }[]>('visitcards.list', { memberId: wangId });
    expect(await api<unknown[]>('visitcards.uses', { cardId: sold!.id })).toHaveLength(1);
    // The slip is ready to print with the card, the service and the visits left.
    const slip = await page.getByTestId('slip').textContent();
    expect(slip).toContain('次卡核销凭条');
    expect(slip).toContain('洗车10次卡');
    expect(slip).toContain('9 / 10 次');
    await use.getByRole('button', { name: '完成' }).click();
    await use.waitFor({ state: 'hidden' });
    await expect.poll(left).toBe('剩余 9 / 10 次');
  });

  it('the clerk undoes the visit with a reason and sees 10 again', async () => {
    await card().getByRole('button', { name: '使用记录' }).click();
    const history = page.getByRole('dialog', { name: '「洗车10次卡」使用记录' });
    await history.getByText('核销 1 次').waitFor();
    await history.getByRole('button', { name: '撤销' }).click();
    const undo = page.getByRole('dialog', { name: '撤销核销' });
    await undo.getByLabel('撤销原因').fill('点错了会员');
    await undo.getByRole('button', { name: '撤销核销' }).dblclick();
    await undo.waitFor({ state: 'hidden' });
    expect(await toastCount('已撤销，剩余 10 / 10 次')).toBe(1);
    await history.getByText('已撤销', { exact: true }).waitFor();
    await history.getByText('点错了会员').waitFor();
    expect(await history.getByRole('button', { name: '撤销' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });
    await expect.poll(left).toBe('剩余 10 / 10 次');
  });

  it('a second visit the same day is refused by the per-day limit of 1', async () => {
    await card().getByRole('button', { name: '核销' }).click();
    const use = page.getByRole('dialog', { name: '核销次卡' });
    await use.getByRole('button', { name: '确认核销' }).click();
    expect(await use.getByTestId('use-result-left').textContent()).toBe('剩余 9 / 10 次');
    await use.getByRole('button', { name: '完成' }).click();
    await use.waitFor({ state: 'hidden' });
    await card().getByText('今天已用 1 次', { exact: false }).waitFor();

    await card().getByRole('button', { name: '核销' }).click();
    await use.getByTestId('use-blocked').getByText('这张次卡每天最多使用 1 次，今天已用满').waitFor();
    expect(await use.getByRole('button', { name: '确认核销' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await use.waitFor({ state: 'hidden' });
    // The main process refuses it too, whatever the screen shows.
    const cards = await api<{ id: number }[]>('visitcards.list', { memberId: wangId });
    await expect(api('visitcards.use', { cardId: cards[0]!.id })).rejects.toThrow(/errors\.visitcards\.dailyLimit/);
    expect(await left()).toBe('剩余 9 / 10 次');
    // A clerk cannot refund a card.
    expect(await card().getByRole('button', { name: '退卡' }).count()).toBe(0);
    await signOut(page);
  });

  it('a manager refunds the unused visits pro rata, less the 10% fee', async () => {
    await signIn(page, 'laozhang', 'manager-pass-1');
    await openMember(wangId);
    await card().getByRole('button', { name: '退卡' }).click();
    const refund = page.getByRole('dialog', { name: '退卡 · 王女士' });
    expect(await refund.getByTestId('refund-unused').textContent()).toBe('9 / 10 次');
    expect(await refund.getByTestId('refund-value').textContent()).toBe('¥270.00');
    expect(await refund.getByTestId('refund-fee').textContent()).toBe('¥27.00');
    expect(await refund.getByTestId('refund-amount').textContent()).toBe('¥243.00');
    await refund.getByLabel('退卡原因').fill('顾客搬家');
    await screenshot(page, 'visitcards-refund');
    await refund.getByRole('button', { name: '确认退款 ¥243.00' }).dblclick();
    await refund.getByTestId('refund-result').waitFor();
    await screenshot(page, 'visitcards-refund-result');
    expect(await toastCount('已退卡「洗车10次卡」，退款 ¥243.00（现金）')).toBe(1);
    expect(await refund.getByTestId('refund-result-line').textContent()).toBe('退款 ¥243.00（现金）');
    // The refund slip: the unused visits, their value, the fee, the refund and where it went.
    const refundSlip = (await page.getByTestId('slip').textContent()) ?? '';
    for (const part of ['次卡退卡凭条', '洗车10次卡', '9 / 10 次', '¥270.00', '¥27.00', '¥243.00', '现金', '老张'])
      expect(refundSlip).toContain(part);
    await refund.getByRole('button', { name: '完成' }).click();
    await refund.waitFor({ state: 'hidden' });
    await card().getByText('还没有可用的次卡').waitFor();
    // The switch sits near the top of the scrolled page, under the sticky header: use the keyboard.
    await card().getByRole('switch', { name: '显示已结束的次卡' }).focus();
    await page.keyboard.press('Space');
    await card().getByTestId('visitcard-state').getByText('已退卡').waitFor();
    await card().getByText('已退卡，退款 ¥243.00', { exact: false }).waitFor();
    expect(await left()).toBe('已退 9 次');
    await signOut(page);
  });

  it('the expiring list shows a card near its last day, for clerks to call', async () => {
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    const products = await api<{ id: number }[]>('visitcards.products', {});
    await api('visitcards.sell', { memberId: liId, productId: products[0]!.id, paymentMethod: 'wechat' });
    await page.getByRole('link', { name: '次卡到期', exact: true }).click();
    await page.getByRole('heading', { name: '次卡到期' }).waitFor();
    await page.getByText('30 天内没有要到期的次卡').waitFor();

    clock.setDays(85);
    await reloadSignedIn('xiaoli', 'clerk-pass-1');
    await page.getByRole('link', { name: '次卡到期', exact: true }).click();
    const row = page.getByTestId('expiring-visitcards').getByTestId('expiring-visitcard-row');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByText('洗车10次卡').waitFor();
    await row.getByText('剩余 10 / 10 次').waitFor();
    await row.getByText('还剩 5 天').waitFor();
    // A clerk sees the phone masked.
    expect(await row.textContent()).not.toContain('13900139000');
    await screenshot(page, 'visitcards-expiring');
    await row.getByRole('link', { name: '李先生' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('李先生');
    await expect.poll(left).toBe('剩余 10 / 10 次');
  });

  it('speaks English on the count-card screens, with no Chinese left but the shop data', async () => {
    await signOut(page);
    await signIn(page, 'boss', 'owner-pass-1');
    await openMember(liId);
    await page.getByText('EN', { exact: true }).click();
    await card().getByText('10 of 10 visits left').waitFor();
    const userData = /好运便利店|陈老板|李先生|王女士|洗车10次卡|洗车|小李|老张|中文/g;
    const noChinese = async (text: string, where: string) => {
      const rest = text.replace(userData, '');
      expect(rest.match(/[\u4e00-\u9fff]+/g), where).toBeNull();
      expect(rest, where).not.toMatch(/\b(errors|visitcards|points|slips|common)\.[a-zA-Z]/);
    };
    await noChinese(await card().innerText(), 'member card');

    await card().getByRole('button', { name: 'Use a visit' }).click();
    const use = page.getByRole('dialog', { name: 'Use a visit' });
    await use.getByText('Deduct one visit from "洗车10次卡"').waitFor();
    await noChinese(await use.innerText(), 'use dialog');
    await page.keyboard.press('Escape');
    await use.waitFor({ state: 'hidden' });

    await card().getByRole('button', { name: 'Sell a card' }).click();
    const sell = page.getByRole('dialog', { name: 'Sell a count card' });
    await sell.getByRole('combobox', { name: 'Card' }).click();
    await page.getByRole('option', { name: /洗车10次卡/ }).click();
    await sell.getByText('Stored value', { exact: true }).click();
    await sell.getByTestId('sell-balance').waitFor();
    await noChinese(await sell.innerText(), 'sell dialog');
    await page.keyboard.press('Escape');
    await sell.waitFor({ state: 'hidden' });

    await card().getByRole('button', { name: 'Refund' }).click();
    const refund = page.getByRole('dialog', { name: 'Refund a count card' });
    await refund.getByText('Pro-rata value').waitFor();
    await noChinese(await refund.innerText(), 'refund dialog');
    await page.keyboard.press('Escape');
    await refund.waitFor({ state: 'hidden' });

    for (const link of ['Cards expiring', 'Count card products']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: link }).waitFor();
      await page.waitForTimeout(300);
      await noChinese(await page.locator('main').innerText(), link);
    }
    await page.getByRole('button', { name: 'Add a card product' }).click();
    const form = page.getByRole('dialog', { name: 'Add a card product' });
    await noChinese(await form.innerText(), 'product form');
    await page.keyboard.press('Escape');
    await page.getByText('中文', { exact: true }).click();
  });
});
