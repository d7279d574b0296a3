import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, screenshot, signIn, signOut, type BrowserShop } from './browserMode.js';

/**
 * The lucky draw and the leaderboard: the owner sets up a draw whose only prize is 50 points (so
 * the outcome is known), a clerk draws for a member at the counter and sees the prize and the new
 * balance, and the leaderboard shows the member masked, as customers would see it.
 */
let shop: BrowserShop;
let page: Page;

beforeAll(async () => {
  shop = await openBrowserShop('draws');
  page = shop.page;
});
afterAll(() => shop?.close());

/** A channel called from the page as the app does, with the page's session. */
function api(channel: string, input: unknown): Promise<{ ok: boolean }> {
  return page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ requestId: crypto.randomUUID(), input: i }),
      });
      return (await res.json()) as { ok: boolean };
    },
    [channel, input] as const,
  );
}

const balance = () => page.getByTestId('points-balance').textContent();

describe('lucky draw and leaderboard', () => {
  it('the owner registers a member who earns 100 points, and configures a draw', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await page.getByRole('link', { name: '积分规则' }).click();
    await page.getByLabel('每', { exact: true }).fill('1');
    await page.getByRole('button', { name: '保存规则' }).click();
    await page.getByText('积分规则已保存').waitFor();
    expect(
      (await api('staff.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'clerk-pass-1' }))
        .ok,
    ).toBe(true);

    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('button', { name: '登记会员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('手机号').fill('13800138000');
    await form.getByLabel('姓名').fill('王女士');
    await form.getByRole('button', { name: '登记会员' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    await page.keyboard.press('F4');
    const buy = page.getByRole('dialog', { name: '记录消费' });
    await buy.getByLabel('消费金额（元）').fill('100');
    await page.keyboard.press('Enter');
    await page.getByTestId('points-earned').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(balance).toBe('100');

    await page.getByRole('link', { name: '积分抽奖' }).click();
    await page.getByRole('link', { name: '抽奖设置' }).click();
    await page.getByLabel('开启积分抽奖').check();
    await page.getByLabel('每次消耗积分').fill('10');
    // A new draw starts as one "thank you" at 100%: add a 50-point prize and give it all the chance.
    await page.getByRole('button', { name: '添加奖品' }).click();
    const prize = page.getByTestId('draw-prize-1');
    await prize.getByLabel('名称').fill('50 积分');
    await prize.getByLabel('积分数').fill('50');
    await prize.getByLabel('概率（%）').fill('100');
    await expect.poll(() => page.getByTestId('draw-total').textContent()).toBe('合计 200%');
    await page.getByTestId('draw-prize-0').getByLabel('概率（%）').fill('0');
    await expect.poll(() => page.getByTestId('draw-total').textContent()).toBe('合计 100%');
    await page.getByRole('button', { name: '保存抽奖设置' }).click();
    await page.getByText('抽奖设置已保存').waitFor();
    await screenshot(page, 'draw-settings');
    await signOut(page);
  });

  it('a clerk draws for the member, sees the chances, the prize and the new balance; once a day', async () => {
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).fill('8000');
    await page.getByRole('option', { name: /王女士/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(balance).toBe('100');

    await page.getByRole('button', { name: '抽奖', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '积分抽奖' });
    const odds = dialog.getByTestId('draw-odds');
    await odds.getByRole('row', { name: /50 积分\s*100%/ }).waitFor();
    await odds.getByRole('row', { name: /谢谢参与\s*0%/ }).waitFor();
    await dialog.getByText('每次消耗 10 积分，每人每天最多 1 次').waitFor();
    await dialog.getByRole('button', { name: '抽一次（-10 分）' }).dblclick();
    await expect.poll(() => dialog.getByTestId('draw-outcome').textContent()).toBe('获得 50 积分');
    await expect.poll(() => dialog.getByTestId('draw-balance').textContent()).toBe('现有积分 140');
    await expect.poll(() => dialog.getByTestId('draws-today').textContent()).toBe('今天已抽 1 次');
    await dialog.getByText('今天的抽奖次数已用完').waitFor();
    expect(await dialog.getByRole('button', { name: '再抽一次' }).isDisabled()).toBe(true);
    await screenshot(page, 'draw-counter');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect.poll(balance).toBe('140');
    await page.getByText('积分抽奖（-10 分），抽中「50 积分」').waitFor();
  });

  it('the leaderboard shows the member masked, with points earned (draw prizes not counted)', async () => {
    await page.getByRole('link', { name: '积分排行榜' }).click();
    const table = page.getByTestId('leaderboard-table');
    await table.getByRole('row', { name: /1\s*王\*\s*138\*\*\*\*8000\s*100/ }).waitFor();
    expect(await table.getByText('王女士').count()).toBe(0);
    await page.getByRole('button', { name: '展示模式' }).click();
    const display = page.getByTestId('leaderboard-display');
    await display.getByText('王*').waitFor();
    await screenshot(page, 'leaderboard-display');
    await page.keyboard.press('Escape');
    await display.waitFor({ state: 'detached' });
  });
});
