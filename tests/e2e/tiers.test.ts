import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, screenshot, signIn, signOut, type BrowserShop, pageApi, testClock } from './browserMode.js';

/**
 * The owner edits the tier table (rename, threshold, a free service), a bad threshold is refused on
 * its field, a ¥1000 purchase upgrades a member and the tier report shows it; eleven months on the
 * member's tier is at risk, and a clerk sees that list but not the tier settings. The shop's clock
 * is moved through LIUKE_TEST_CLOCK_FILE.
 */
const clock = testClock();
let shop: BrowserShop;
let page: Page;

beforeAll(async () => {
  shop = await openBrowserShop('tiers', clock.env);
  page = shop.page;
});

afterAll(async () => {
  await shop?.close();
  clock.remove();
});

const api = <T>(channel: string, input: unknown) => pageApi<T>(page, channel, input);

interface Config {
  tiers: { name: string; threshold: number; services: { name: string; quantity: number; period: string }[] }[];
}

const row = (i: number) => page.getByTestId(`tier-row-${i}`);

/** After a reload the session may have ended (the clock moved): sign in again when asked. */
async function reloadAs(username: string, password: string) {
  await page.reload();
  const signInHeading = page.getByRole('heading', { name: '登录' });
  await Promise.race([signInHeading.waitFor(), page.getByTestId('open-counter-search').waitFor()]);
  if (await signInHeading.isVisible()) await signIn(page, username, password);
}

describe('membership tiers', () => {
  it('the owner renames the second tier, changes its threshold and adds a free service', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await page.getByRole('link', { name: '会员等级' }).click();
    await row(1).getByLabel('名称', { exact: true }).fill('银卡VIP');
    await row(1).getByLabel('成长值门槛').fill('800');
    await row(1).getByRole('button', { name: '添加服务' }).click();
    const service = row(1).getByTestId('tier-service-0');
    await service.getByLabel('服务名称', { exact: true }).fill('免费洗车');
    await service.getByLabel('次数', { exact: true }).fill('2');
    await service.getByLabel('每', { exact: true }).click();
    await page.getByRole('option', { name: '季度' }).click();
    await row(2).getByText('95折').waitFor(); // the default gold tier: 95% of the price
    await page.getByRole('button', { name: '保存会员等级' }).click();
    await page.getByText('会员等级已保存').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'tiers-settings');

    await reloadAs('boss', 'owner-pass-1');
    await expect.poll(() => row(1).getByLabel('名称', { exact: true }).inputValue()).toBe('银卡VIP');
    expect(await row(1).getByLabel('成长值门槛').inputValue()).toBe('800');
    expect(await row(1).getByTestId('tier-service-0').getByLabel('服务名称', { exact: true }).inputValue()).toBe(
      '免费洗车',
    );
    expect(await row(1).getByTestId('tier-service-0').getByLabel('次数', { exact: true }).inputValue()).toBe('2');
    expect(await row(1).getByTestId('tier-service-0').getByLabel('每', { exact: true }).inputValue()).toBe('季度');
    const saved = await api<Config>('tiers.config', {});
    expect(saved.tiers[1]).toMatchObject({
      name: '银卡VIP',
      threshold: 800,
      services: [{ name: '免费洗车', quantity: 2, period: 'quarter' }],
    });
  });

  it('a threshold below the tier underneath is shown on its field and nothing is saved', async () => {
    await row(2).getByLabel('成长值门槛').fill('500');
    await row(1).getByLabel('名称', { exact: true }).fill('银卡会员2');
    await page.getByRole('button', { name: '保存会员等级' }).click();
    await row(2).getByText('门槛要比上一个等级高').waitFor();
    await expect.poll(() => row(2).getByLabel('成长值门槛').getAttribute('aria-invalid')).toBe('true');
    const after = await api<Config>('tiers.config', {});
    expect(after.tiers.map((t) => [t.name, t.threshold])).toEqual([
      ['普通会员', 0],
      ['银卡VIP', 800],
      ['金卡会员', 5000],
      ['钻石会员', 20000],
    ]);
    await reloadAs('boss', 'owner-pass-1');
    await expect.poll(() => row(2).getByLabel('成长值门槛').inputValue()).toBe('5000');
  });

  it('a ¥1000 purchase upgrades a member, and the tier report shows it', async () => {
    await api('members.register', { phone: '13800138000', name: '王女士' });
    await api('staff.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'clerk-pass-1' });
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).fill('8000');
    await page.getByRole('option', { name: /王女士/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: '记录消费' });
    await dialog.getByLabel('消费金额（元）').fill('1000');
    await page.keyboard.press('Enter');
    await page.getByTestId('points-earned').waitFor();
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: '等级报表' }).click();
    const distribution = page.getByTestId('tiers-distribution');
    await expect
      .poll(() => distribution.getByRole('row').filter({ hasText: '银卡VIP' }).locator('td').nth(1).textContent())
      .toBe('1');
    expect(await distribution.getByRole('row').filter({ hasText: '普通会员' }).locator('td').nth(1).textContent()).toBe(
      '0',
    );
    await page.getByTestId('tiers-donut').waitFor();
    const changes = page.getByTestId('tiers-changes');
    const upgrade = changes.getByRole('row').filter({ hasText: '王女士' });
    await upgrade.getByText('升级', { exact: true }).waitFor();
    await upgrade.getByText('普通会员 → 银卡VIP').waitFor();
    expect(await upgrade.locator('td').nth(4).textContent()).toBe('1000');
    // Only the page open is lit in the menu: 等级报表, not 会员等级 above it.
    expect(await page.getByRole('link', { name: '等级报表' }).getAttribute('data-active')).toBe('true');
    expect(await page.getByRole('link', { name: '会员等级' }).getAttribute('data-active')).toBeNull();
    await page.getByTestId('tiers-direction').getByText('降级').click();
    await changes.waitFor({ state: 'detached' });
    await page.getByText('这段时间没有等级变化').waitFor();
    await page.getByTestId('tiers-direction').getByText('全部').click();
    await changes.getByText('普通会员 → 银卡VIP').waitFor();
    await screenshot(page, 'tiers-report');
  });

  it('a tier that members hold cannot be removed', async () => {
    await page.getByRole('link', { name: '会员等级' }).click();
    await row(1).getByText('1 位会员').waitFor();
    await row(1).getByRole('button', { name: '删除这个等级' }).click();
    await expect.poll(() => row(1).getByLabel('名称', { exact: true }).inputValue()).toBe('金卡会员');
    await page.getByRole('button', { name: '保存会员等级' }).click();
    await page.getByText('还有会员在「银卡VIP」，不能删除这个等级').waitFor();
    expect((await api<Config>('tiers.config', {})).tiers.map((t) => t.name)).toEqual([
      '普通会员',
      '银卡VIP',
      '金卡会员',
      '钻石会员',
    ]);
    await reloadAs('boss', 'owner-pass-1');
    await expect.poll(() => row(1).getByLabel('名称', { exact: true }).inputValue()).toBe('银卡VIP');
  });

  it('speaks English on the tier pages, with no Chinese left but the shop data', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Members' }).waitFor();
    const userData = /好运便利店|陈老板|王女士|普通会员|银卡VIP|金卡会员|钻石会员|免费洗车|中文|陈/g;
    for (const link of ['Member tiers', 'Tier report', 'Tiers at risk']) {
      await page.getByRole('link', { name: link }).click();
      await page.waitForTimeout(400);
      const text = (await page.locator('body').innerText()).replace(userData, '');
      expect(text.match(/[\u4e00-\u9fff]+/g), link).toBeNull();
      expect(text, link).not.toMatch(/\b(errors|tiers|nav|common)\.[a-zA-Z]/);
      if (link === 'Member tiers') {
        await page.getByTestId('tier-row-2').getByText('5% off').waitFor();
        await page.evaluate('window.scrollTo(0, 0)');
        await screenshot(page, 'en/tiers-settings');
      }
    }
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('link', { name: '会员', exact: true }).waitFor();
  });

  it('eleven months on, a clerk sees the member at risk but not the tier settings', async () => {
    // The ¥1000 day leaves the 12-month window on the review day: 0 of the 500 retention.
    clock.setDays(340);
    await reloadAs('boss', 'owner-pass-1');
    await signOut(page);
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    expect(await page.getByRole('link', { name: '会员等级' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '等级报表' }).count()).toBe(0);
    await page.getByRole('link', { name: '保级提醒' }).click();
    const table = page.getByTestId('at-risk-table');
    const member = table.getByRole('row').filter({ hasText: '王女士' });
    await member.waitFor();
    const cells = await member.locator('td').allTextContents();
    expect(cells[1]).toBe('138****8000');
    expect(cells[2]).toBe('银卡VIP');
    expect(cells.slice(4)).toEqual(['0 / 500', '500', '普通会员']);
    await page.getByTestId('at-risk-days').getByText('7 天内').click();
    await page.getByText('7 天内没有需要保级提醒的会员').waitFor();
    await page.getByTestId('at-risk-days').getByText('30 天内').click();
    await member.waitFor();
    await screenshot(page, 'tiers-at-risk');
  });
});
