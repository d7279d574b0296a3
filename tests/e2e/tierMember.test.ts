import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, screenshot, signIn, signOut, type BrowserShop, pageApi } from './browserMode.js';

/**
 * A member's tier at the counter and on the member page, with the default tiers (银卡 from 1,000
 * growth at 1 per yuan). The owner gives 银卡 a free car wash; a clerk registers a member, records
 * ¥1,000 (the result announces the upgrade), marks a wash used and undoes a mistaken one, then
 * refunds the purchase in full (the upgrade is reverted). The owner sets a tier by hand with an
 * end date and a reason, sees it on the card, and ends it.
 */
let shop: BrowserShop;
let page: Page;

beforeAll(async () => {
  shop = await openBrowserShop('tierMember');
  page = shop.page;
});
afterAll(() => shop?.close());

/** A shop day some days from now (the shop is in Asia/Shanghai). */
function shopDayIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

const card = () => page.getByTestId('member-tier-card');
const tierName = () => card().getByTestId('member-tier').textContent();
const usage = () => card().getByTestId('service-usage').textContent();

/** Messages already read would cover the card in the guide's screenshot: wait until they close. */
async function closeNotifications() {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

async function openMember(tail: string, name: string) {
  await page.keyboard.press('F2');
  await page.getByRole('textbox', { name: '搜索会员' }).fill(tail);
  await page.getByRole('option', { name: new RegExp(name) }).waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('member-name').textContent()).toBe(name);
}

describe('membership tier on the member page and at the counter', () => {
  it('the owner gives 银卡会员 a free car wash each quarter and adds a clerk', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    type Config = { settings: unknown; tiers: { name: string; services: unknown[] }[] };
    const config = await pageApi<Config>(page, 'tiers.config', {});
    const tiers = config.tiers.map((t) =>
      t.name === '银卡会员' ? { ...t, services: [{ name: '免费洗车', quantity: 2, period: 'quarter' }] } : t,
    );
    const saved = await pageApi<Config>(page, 'tiers.save', { settings: config.settings, tiers });
    expect(saved.tiers.find((t) => t.name === '银卡会员')?.services).toHaveLength(1);
    await pageApi(page, 'staff.create', {
      username: 'xiaoli',
      displayName: '小李',
      role: 'clerk',
      password: 'clerk-pass-1',
    });
    await signOut(page);
  });

  it('a clerk registers a member, records ¥1,000 and sees the upgrade to 银卡会员 announced', async () => {
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('button', { name: '登记会员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('手机号').fill('13800138000');
    await form.getByLabel('姓名').fill('王女士');
    await form.getByRole('button', { name: '登记会员' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    await expect.poll(tierName).toBe('普通会员');
    await expect.poll(() => card().getByTestId('tier-next').textContent()).toBe('再消费 1000 成长值升级为「银卡会员」');

    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: '记录消费' });
    await expect.poll(() => dialog.getByTestId('counter-tier').textContent()).toBe('普通会员原价 · 积分 1 倍');
    await dialog.getByLabel('消费金额（元）').fill('1000');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByTestId('growth-delta').textContent()).toBe('成长值 +1000');
    await expect.poll(() => dialog.getByTestId('tier-change').textContent()).toBe('升级为「银卡会员」');
    await screenshot(page, 'counter-tier');
    await dialog.getByRole('button', { name: '再记一笔' }).click();
    // The next purchase already shows the new tier and its member price.
    await expect
      .poll(() => dialog.getByTestId('counter-tier').textContent())
      .toBe('银卡会员98折 · 积分 1.1 倍会员价请在收银机上结算');
    await page.keyboard.press('Escape');
  });

  it('the tier card shows the tier, what the next one needs, the review and the benefits', async () => {
    await expect.poll(tierName).toBe('银卡会员');
    expect(await card().getByTestId('tier-growth').textContent()).toBe('1000');
    expect(await card().getByTestId('tier-next').textContent()).toBe('再消费 4000 成长值升级为「金卡会员」');
    expect(await card().getByTestId('tier-review').textContent()).toMatch(
      // The review counts the growth still in the window on that day: today's purchase will have left it.
      /^\d{4}年\d{1,2}月\d{1,2}日 保级审核：需 500，已计入 0，还差 500，否则降为「普通会员」$/,
    );
    expect(await card().getByTestId('benefit-price').textContent()).toBe('98折');
    expect(await card().getByTestId('benefit-multiplier').textContent()).toBe('1.1 倍');
    expect(await card().getByTestId('benefit-birthday').textContent()).toBe('按积分规则');
    expect(await usage()).toMatch(/已用 0 次，剩 2 次$/);
  });

  it('marks a free car wash used, undoes a mistaken second one with a reason', async () => {
    const markUsed = async () => {
      await card().getByRole('button', { name: '标记使用' }).click();
      await page.getByText('为会员使用一次「免费洗车」？').waitFor();
      await page.getByRole('button', { name: '确认使用' }).click();
    };
    await markUsed();
    await expect.poll(usage).toMatch(/已用 1 次，剩 1 次$/);
    await markUsed();
    await expect.poll(usage).toMatch(/已用 2 次，剩 0 次$/);
    expect(await card().getByRole('button', { name: '标记使用' }).isDisabled()).toBe(true);

    await card().getByRole('button', { name: '撤销' }).click();
    const undo = page.getByRole('dialog', { name: '撤销「免费洗车」的使用' });
    await undo.getByRole('button', { name: '确认撤销' }).click();
    await undo.getByText('必填').waitFor();
    await undo.getByLabel('原因').fill('点错了');
    await undo.getByRole('button', { name: '确认撤销' }).click();
    await expect.poll(usage).toMatch(/已用 1 次，剩 1 次$/);

    const timeline = page.getByTestId('member-timeline');
    await timeline.getByText('升级为「银卡会员」（成长值 1000）').waitFor();
    await timeline.getByText(/^撤销等级服务「免费洗车」的使用/).waitFor();
    await timeline.getByText('点错了').waitFor();
    expect(await timeline.getByText(/^使用等级服务「免费洗车」/).count()).toBe(2);
    await closeNotifications();
    await card().scrollIntoViewIfNeeded();
    await screenshot(page, 'member-tier');
  });

  it('a full refund takes the growth back and reverts the upgrade', async () => {
    await page.getByTestId('purchases-table').getByRole('button', { name: '退款' }).click();
    const dialog = page.getByRole('dialog', { name: '退款' });
    await dialog.getByRole('button', { name: '全部退款' }).click();
    await dialog.getByLabel('原因').fill('整单退货');
    await dialog.getByRole('button', { name: '确认退款' }).click();
    await page.getByText('扣回成长值 1000').waitFor();
    await expect
      .poll(() => page.getByTestId('tier-change').textContent())
      .toBe('成长值不足，「银卡会员」退回「普通会员」');
    await expect.poll(tierName).toBe('普通会员');
    expect(await card().getByTestId('tier-growth').textContent()).toBe('0');
    await page.getByTestId('member-timeline').getByText('退款后成长值不足，「银卡会员」退回「普通会员」').waitFor();
    await signOut(page);
  });

  it('the owner sets 钻石会员 by hand with an end date and a reason, sees it on the card, and ends it', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await openMember('8000', '王女士');
    await card().getByRole('button', { name: '手动设定等级' }).click();
    const dialog = page.getByRole('dialog', { name: '手动设定等级' });
    await dialog.getByRole('button', { name: '设定等级' }).click();
    await dialog.getByText('必填').first().waitFor();
    await dialog.getByRole('combobox', { name: '等级' }).click();
    await page.getByRole('option', { name: '钻石会员' }).click();
    const until = shopDayIn(60);
    await dialog.getByLabel('结束日期（含当天）').fill(until);
    await dialog.getByLabel('原因').fill('老顾客回馈');
    await dialog.getByRole('button', { name: '设定等级' }).click();
    await expect.poll(tierName).toBe('钻石会员');
    const notice = card().getByTestId('manual-tier');
    await expect.poll(() => notice.textContent()).toContain('老顾客回馈');
    expect(await notice.textContent()).toContain('陈老板');
    expect(await card().getByTestId('tier-review').textContent()).toBe('手动等级期间不做保级审核');
    expect(await card().getByTestId('tier-next').textContent()).toBe('已是最高等级');
    await page
      .getByTestId('member-timeline')
      .getByText(/^手动设定为「钻石会员」，至 /)
      .waitFor();

    await page.getByText('EN', { exact: true }).click();
    await card().getByText('Tier set by hand', { exact: false }).waitFor();
    await card().scrollIntoViewIfNeeded();
    const text = (await card().innerText()).replace(/王女士|陈老板|老顾客回馈|免费洗车|[普银金钻][卡通石]会员/g, '');
    expect(text.match(/[\u4e00-\u9fff]+/g)).toBeNull();
    expect(text).not.toMatch(/\btierMember\.[a-zA-Z]/);
    await screenshot(page, 'en/member-tier');
    await page.getByText('中文', { exact: true }).click();
    await card().getByRole('button', { name: '结束手动等级' }).waitFor();

    await card().getByRole('button', { name: '结束手动等级' }).click();
    const end = page.getByRole('dialog', { name: '结束手动等级' });
    await end.getByLabel('原因').fill('活动结束');
    await end.getByRole('button', { name: '结束手动等级' }).click();
    await expect.poll(tierName).toBe('普通会员');
    expect(await card().getByTestId('manual-tier').count()).toBe(0);
    await page.getByTestId('member-timeline').getByText('手动等级结束：「钻石会员」→「普通会员」').waitFor();

    await card().getByRole('button', { name: '等级记录' }).click();
    const history = page.getByRole('dialog', { name: '等级记录' }).getByTestId('tier-history');
    await history.getByText('手动等级结束').waitFor();
    for (const kind of ['手动设定', '退款撤销升级', '升级'])
      expect(await history.getByText(kind, { exact: true }).count()).toBe(1);
    await page.keyboard.press('Escape');
  });
});
