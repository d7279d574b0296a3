import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, screenshot, signIn, signOut, type BrowserShop, testClock } from './browserMode.js';

/**
 * The owner sets the rules and the catalog; a clerk at the counter: finds a member by phone tail, records a ¥268.50 purchase by keyboard,
 * redeems a coupon and marks its code used, refunds half of the purchase, checks the member in on
 * two days in a row. The shop's clock is moved by the
 * test through the file browser mode reads (LIUKE_TEST_CLOCK_FILE), not by waiting.
 */
const clock = testClock();
let shop: BrowserShop;
let page: Page;

beforeAll(async () => {
  shop = await openBrowserShop('points', clock.env);
  page = shop.page;
});

afterAll(async () => {
  await shop?.close();
  clock.remove();
});

const balance = () => page.getByTestId('points-balance').textContent();

describe('purchases and points at the counter', () => {
  it('the owner sets 1 point per ¥1, adds a coupon to the catalog, a clerk and a member', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await page.getByRole('link', { name: '积分规则' }).click();
    await page.getByLabel('每', { exact: true }).fill('1');
    await page.getByRole('button', { name: '保存规则' }).click();
    await page.getByText('积分规则已保存').waitFor();
    await screenshot(page, 'points-rules');

    await page.getByRole('link', { name: '积分兑换' }).click();
    await page.getByRole('button', { name: '新增奖品' }).click();
    const reward = page.getByRole('dialog', { name: '新增奖品' });
    await reward.getByLabel('名称').fill('10元代金券');
    await reward.getByLabel('所需积分').fill('100');
    await reward.getByLabel('抵扣金额（元）').fill('10');
    await reward.getByLabel('库存').fill('50');
    await reward.getByLabel('券码有效天数').fill('30');
    await reward.getByRole('button', { name: '保存' }).click();
    await page.getByText('奖品已保存').waitFor();
    await page.getByTestId('rewards-table').getByText('10元代金券').waitFor();
    // A reward reserved for 金卡会员 and above: shown with its tier, blocked for the base-tier member.
    await page.getByRole('button', { name: '新增奖品' }).click();
    const gold = page.getByRole('dialog', { name: '新增奖品' });
    await gold.getByLabel('名称').fill('金卡专享券');
    await gold.getByLabel('所需积分').fill('100');
    await gold.getByLabel('抵扣金额（元）').fill('20');
    await gold.getByLabel('仅限等级及以上').click();
    await page.getByRole('option', { name: '金卡会员' }).click();
    await gold.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('reward-tier').filter({ hasText: '仅限金卡会员及以上' }).waitFor();

    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('button', { name: '登记会员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('手机号').fill('13800138000');
    await form.getByLabel('姓名').fill('王女士');
    await form.getByRole('button', { name: '登记会员' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    const clerk = { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'clerk-pass-1' };
    const created = await page.evaluate(async (input) => {
      const res = await fetch('/api/staff.create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ requestId: crypto.randomUUID(), input }),
      });
      return ((await res.json()) as { ok: boolean }).ok;
    }, clerk);
    expect(created).toBe(true);
    await signOut(page);
    await signIn(page, 'xiaoli', 'clerk-pass-1');
  });

  it('finds the member by phone tail and records ¥268.50 by keyboard; a double Enter records one purchase', async () => {
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).fill('8000');
    await page.getByRole('option', { name: /王女士/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    await expect.poll(balance).toBe('0');

    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: '记录消费' });
    await expect
      .poll(() => dialog.getByLabel('消费金额（元）').evaluate((e) => e === e.ownerDocument.activeElement))
      .toBe(true);
    await page.keyboard.type('268.5');
    // A double press on Enter: the same request id is sent twice, the main process applies it once.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('points-earned').textContent()).toBe('本次获得 268 积分');
    await screenshot(page, 'purchase-result');
    await page.keyboard.press('Enter'); // 完成 has the focus
    await expect.poll(balance).toBe('268');
    await expect.poll(() => page.getByTestId('purchases-table').getByRole('row').count()).toBe(2);
  });

  it('redeems a coupon for 100 points, prints its slip, and the code is marked used at the counter', async () => {
    await page.getByRole('button', { name: '积分兑换' }).click();
    const dialog = page.getByRole('dialog', { name: '积分兑换' });
    const goldOffer = dialog.getByTestId('reward-offer').filter({ hasText: '金卡专享券' });
    await goldOffer.getByTestId('offer-block').filter({ hasText: '仅限金卡会员及以上' }).waitFor();
    expect(await goldOffer.getByRole('button', { name: '兑换' }).isDisabled()).toBe(true);
    const offer = dialog.getByTestId('reward-offer').filter({ hasText: '10元代金券' });
    await offer.getByRole('button', { name: '兑换' }).click();
    await dialog.getByText('用 100 积分兑换「10元代金券」？').waitFor();
    await page.keyboard.press('Enter'); // 确认兑换 has the focus
    await dialog.getByTestId('redeem-result').waitFor();
    const code = (await dialog.getByTestId('redeem-code').textContent())!;
    expect(code).toMatch(/^[2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4}$/);
    expect(await dialog.getByTestId('redeem-balance').textContent()).toBe('现有积分 168');
    const slip = (await page.getByTestId('slip').textContent())!;
    for (const part of ['积分兑换凭条', '10元代金券', code, '积分余额168']) expect(slip).toContain(part);
    await screenshot(page, 'redeem-result');
    await dialog.getByText('58 mm').click();
    await dialog.getByRole('button', { name: '打印小票' }).click();
    // What reaches the printer: the print stylesheet shows the slip alone, 48 mm wide.
    await page.emulateMedia({ media: 'print' });
    const box = await page.getByTestId('slip').boundingBox();
    expect(Math.round(box!.width)).toBe(Math.round((48 / 25.4) * 96));
    await screenshot(page, 'slip-print');
    await page.emulateMedia({ media: 'screen' });
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect.poll(balance).toBe('168');
    await page.getByTestId('redemptions').getByText('未使用').waitFor();

    await page.getByRole('link', { name: '积分兑换' }).click();
    await page.getByRole('tab', { name: '券码核销' }).click();
    await page.getByRole('textbox', { name: '券码' }).fill(code.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByTestId('code-found').getByText('会员：王女士').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('「10元代金券」已核销').waitFor();
    await page
      .getByTestId('code-found')
      .getByText(/^已核销（/)
      .waitFor();
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
  });

  it('refunds half of the purchase and sees the balance', async () => {
    await page.getByTestId('purchases-table').getByRole('button', { name: '退款' }).click();
    const dialog = page.getByRole('dialog', { name: '退款' });
    await dialog.getByLabel('退款金额（元）').fill('134.25');
    await dialog.getByLabel('原因').fill('退一件');
    await dialog.getByRole('button', { name: '确认退款' }).click();
    await page.getByText('已退款 ¥134.25，扣回 134 分').waitFor();
    await expect.poll(balance).toBe('34');
    await page.getByText('已退 ¥134.25').waitFor();
    await screenshot(page, 'member-points');
  });

  it('checks the member in on two consecutive days and shows the streak', async () => {
    await page.getByRole('button', { name: '签到' }).click();
    await page.getByText('签到成功：+1 分，已连续 1 天').waitFor();
    await expect.poll(() => page.getByRole('button', { name: '签到' }).isDisabled()).toBe(true);
    // Tomorrow at the same hour.
    clock.setDays(1);
    await page.reload();
    const signInHeading = page.getByRole('heading', { name: '登录' });
    await Promise.race([signInHeading.waitFor(), page.getByTestId('member-name').waitFor()]);
    if (await signInHeading.isVisible()) await signIn(page, 'xiaoli', 'clerk-pass-1');
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    await expect.poll(() => page.getByTestId('checkin-streak').textContent()).toBe('已连续签到 1 天');
    await page.getByRole('button', { name: '签到' }).click();
    await page.getByText('签到成功：+1 分，已连续 2 天').waitFor();
    await expect.poll(() => page.getByTestId('checkin-streak').textContent()).toBe('已连续签到 2 天');
    await expect.poll(balance).toBe('36');
  });

  it('shows every change in the points history and on the timeline', async () => {
    await page.getByRole('button', { name: '积分明细' }).click();
    const ledger = page.getByTestId('ledger-table');
    await ledger.getByText('消费积分').waitFor();
    for (const kind of ['退款扣回', '签到', '积分兑换'])
      expect(await ledger.getByText(kind).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.getByText('消费 ¥268.50，积分 +268').waitFor();
    await page.getByText('退款 ¥134.25，扣回 134 分').waitFor();
  });

  it('speaks English on every points page, with no Chinese left but the shop data', async () => {
    await signOut(page);
    await signIn(page, 'boss', 'owner-pass-1');
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).fill('8000');
    await page.getByRole('option', { name: /王女士/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Members' }).waitFor();
    await screenshot(page, 'en/member-points');
    const userData = /好运便利店|陈老板|小李|王女士|王\*|10元代金券|金卡专享券|金卡会员|退一件|中文|陈/g;
    for (const link of [
      'Points expiring',
      'Rewards',
      'Lucky draw',
      'Leaderboard',
      'Activities',
      'Points rules',
      'Points report',
    ]) {
      await page.getByRole('link', { name: link }).click();
      await page.waitForTimeout(400);
      const text = (await page.locator('body').innerText()).replace(userData, '');
      expect(text.match(/[\u4e00-\u9fff]+/g), link).toBeNull();
      expect(text, link).not.toMatch(/\b(errors|points|rewards|draws|slips|pointsReport|common)\.[a-zA-Z]/);
      if (link === 'Rewards') await screenshot(page, 'en/rewards');
    }
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('link', { name: '会员', exact: true }).waitFor();
  });
});
