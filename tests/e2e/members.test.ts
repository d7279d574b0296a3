import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, screenshot, signIn, signOut, type BrowserShop } from './browserMode.js';

let shop: BrowserShop;
let page: Page;

beforeAll(async () => {
  shop = await openBrowserShop('members');
  page = shop.page;
});

afterAll(() => shop?.close());

async function register(phone: string, name: string, consents: string[] = []) {
  await page.getByRole('link', { name: '会员', exact: true }).click();
  await page.getByRole('button', { name: '登记会员' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('手机号').fill(phone);
  await form.getByLabel('姓名').fill(name);
  for (const c of consents) await form.getByRole('checkbox', { name: c }).check();
  await form.getByRole('button', { name: '登记会员' }).click();
  await expect.poll(() => page.getByTestId('member-name').textContent()).toBe(name);
}

/** Opens the counter search, types like a clerk (or a card scanner) and opens the first hit. */
async function counterSearch(q: string, expectName: string) {
  await page.keyboard.press('F2');
  const box = page.getByRole('textbox', { name: '搜索会员' });
  await box.fill(q);
  await page
    .getByRole('option', { name: new RegExp(expectName) })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  // The search closes once the member opens (it may already be on screen from the last search).
  await expect.poll(() => page.getByRole('textbox', { name: '搜索会员' }).count()).toBe(0);
  await expect.poll(() => page.getByTestId('member-name').textContent()).toBe(expectName);
}

const timeline = () => page.getByTestId('member-timeline');

/** Lets the toasts close and the pointer leave, so a screenshot shows the page itself. */
async function quiet() {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

describe('members: profile, tags, timeline, consent, cards, search and the list', () => {
  it('the owner adds a clerk and creates a tag inline on a member', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await page.getByRole('link', { name: '员工' }).click();
    await page.getByRole('button', { name: '添加员工' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('登录名').fill('xiaoli');
    await dialog.getByLabel('显示名称').fill('小李');
    await dialog.getByLabel('初始密码').fill('clerk-pass-1');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'xiaoli' }).waitFor();

    // A two-character name, to be found by exactly those two characters later.
    await register('139 0000 1111', '王芳');
    const tags = page.getByRole('combobox', { name: '标签', exact: true });
    await tags.click();
    await tags.fill('常客');
    await page.getByRole('option', { name: '新建标签“常客”' }).click();
    const create = page.getByRole('dialog', { name: '新建标签' });
    expect(await create.getByLabel('标签名称').inputValue()).toBe('常客');
    await create.getByRole('radio', { name: 'orange' }).click();
    await create.getByRole('button', { name: '新建' }).click();
    await expect.poll(() => create.isVisible()).toBe(false);
    await page.getByRole('button', { name: '保存标签' }).click();
    await expect.poll(() => page.getByText('标签已保存').isVisible()).toBe(true);
    await expect.poll(() => timeline().getByText('标签变更；加上 常客').isVisible()).toBe(true);
    await signOut(page);
  });

  it('a clerk edits a profile, tags the member and records what happened', async () => {
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await register('139 1234 5678', '张三丰', ['短信', '微信']);

    // The profile: email, WeChat and occupation through the edit modal.
    await page.getByRole('button', { name: '编辑资料' }).click();
    const edit = page.getByRole('dialog', { name: '编辑会员资料' });
    expect(await edit.getByLabel('手机号').inputValue()).toBe('139 1234 5678');
    await edit.getByLabel('邮箱').fill('ZSF@Example.com');
    await edit.getByLabel('微信号').fill('zhangsf88');
    await edit.getByLabel('职业').fill('武术教练');
    // A bad WeChat ID is refused by the main process, on its own field, and nothing changes.
    await edit.getByLabel('微信号').fill('8x');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => edit.getByText('微信号为 6–20 位字母').isVisible()).toBe(true);
    await edit.getByLabel('微信号').fill('zhangsf88');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => edit.isVisible()).toBe(false);
    const profile = page.getByTestId('member-profile');
    await expect.poll(() => profile.getByText('zsf@example.com').isVisible()).toBe(true);
    expect(await profile.getByText('zhangsf88').isVisible()).toBe(true);
    expect(await profile.getByText('武术教练').isVisible()).toBe(true);
    await expect.poll(() => timeline().getByText('修改了资料：职业、邮箱、微信号').isVisible()).toBe(true);

    // A tag the owner created; a clerk can pick it but is not offered to create one.
    const tags = page.getByRole('combobox', { name: '标签', exact: true });
    await tags.click();
    await tags.fill('新');
    expect(await page.getByRole('option', { name: /新建标签/ }).count()).toBe(0);
    await tags.fill('常客');
    await page.getByRole('option', { name: '常客' }).click();
    await page.getByRole('button', { name: '保存标签' }).click();
    await expect.poll(() => page.getByText('标签已保存').isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // An interaction, then it is on the timeline with the clerk's name.
    await page.getByLabel('内容').fill('问太极服什么时候到货');
    await page.getByRole('button', { name: '记录互动' }).click();
    const item = timeline().locator('.mantine-Timeline-item').first();
    await expect.poll(() => item.innerText()).toContain('问太极服什么时候到货');
    expect(await item.innerText()).toContain('咨询');
    expect(await item.innerText()).toContain('小李');

    // SMS consent withdrawn in one click, recorded with the clerk's name.
    const sms = page.getByTestId('consent-sms');
    expect(await sms.getByText('同意', { exact: true }).isVisible()).toBe(true);
    await sms.getByRole('button', { name: '撤回' }).click();
    await expect.poll(() => sms.getByText('不同意', { exact: true }).isVisible()).toBe(true);
    expect(await sms.innerText()).toContain('小李');
    await expect.poll(() => timeline().getByText('营销许可（短信）：不同意').isVisible()).toBe(true);

    // A card, typed the way a USB scanner does: the number, then Enter.
    await page.getByLabel('卡号').fill('lk-0001');
    await page.getByLabel('卡号').press('Enter');
    await expect.poll(() => page.getByRole('cell', { name: 'LK-0001' }).isVisible()).toBe(true);
    await expect.poll(() => timeline().getByText('绑定会员卡 LK-0001').isVisible()).toBe(true);
    await quiet();
    await page.getByTestId('member-name').scrollIntoViewIfNeeded();
    await screenshot(page, 'member-profile');
  });

  it('finds the member by card number, pinyin initials and a two-character name', async () => {
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('cell', { name: '张三丰', exact: true }).waitFor();
    // A USB scanner: the card number and Enter at once, with no pause for results to appear.
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).pressSequentially('LK-0001\n', { delay: 5 });
    await expect.poll(() => page.getByRole('textbox', { name: '搜索会员' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('张三丰');
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('cell', { name: '张三丰', exact: true }).waitFor();
    await counterSearch('zsf', '张三丰');
    await counterSearch('三丰', '张三丰');
    await counterSearch('王芳', '王芳');
  });

  it('filters, sorts and tags members in bulk from the list', async () => {
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('cell', { name: '张三丰', exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('members-total').textContent()).toBe('共 2 位会员');

    // Sorted by name, A to Z by pinyin: wang fang before zhang san feng.
    await page.getByRole('combobox', { name: '排序' }).click();
    await page.getByRole('option', { name: '姓名' }).click();
    await page.getByText('升序', { exact: true }).click();
    await expect
      .poll(async () => (await page.locator('tbody tr td:nth-child(3)').allInnerTexts()).join(','))
      .toBe('王芳,张三丰');

    // Both carry 常客; only 张三丰 agreed to WeChat marketing.
    await page.getByRole('combobox', { name: '标签', exact: true }).click();
    await page.getByRole('option', { name: '常客' }).click();
    await expect.poll(() => page.getByTestId('members-total').textContent()).toBe('共 2 位会员');
    await page.getByRole('combobox', { name: '同意接收' }).click();
    await page.getByRole('option', { name: '微信' }).click();
    await expect.poll(() => page.getByTestId('members-total').textContent()).toBe('共 1 位会员');
    expect(await page.getByRole('cell', { name: '王芳', exact: true }).count()).toBe(0);
    await quiet();
    await screenshot(page, 'members-filters');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.getByTestId('members-total').textContent()).toBe('共 2 位会员');

    // Bulk: tick the whole page, take the tag off both.
    await page.getByRole('checkbox', { name: '全选本页' }).check();
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.getByText('已选 2 位').isVisible()).toBe(true);
    await bar.getByRole('combobox', { name: '选择标签' }).click();
    await page.getByRole('option', { name: '常客' }).click();
    await bar.getByRole('button', { name: '批量去标签' }).click();
    await expect.poll(() => page.getByText('已更新 2 位会员').isVisible()).toBe(true);
    await page.getByRole('combobox', { name: '标签', exact: true }).click();
    await page.getByRole('option', { name: '常客' }).click();
    await expect.poll(() => page.getByTestId('members-total').textContent()).toBe('共 0 位会员');
    await page.getByText('没有符合筛选条件的会员').waitFor();

    // And back on for one of them.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('checkbox', { name: '选择 张三丰' }).check();
    await bar.getByRole('combobox', { name: '选择标签' }).click();
    await page.getByRole('option', { name: '常客' }).click();
    await bar.getByRole('button', { name: '批量加标签' }).click();
    await expect.poll(() => page.getByText('已更新 1 位会员').isVisible()).toBe(true);
    await page.getByRole('cell', { name: '张三丰', exact: true }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('张三丰');
    await expect.poll(() => timeline().getByText('标签变更；加上 常客').first().isVisible()).toBe(true);
  });

  it('Enter while the answer is on its way opens the member typed, never the one listed before', async () => {
    await page.keyboard.press('F2');
    const box = page.getByRole('textbox', { name: '搜索会员' });
    await box.fill('王芳');
    await page.getByRole('option', { name: /王芳/ }).first().waitFor();
    // A busy shop PC: every answer now takes 1.5 s.
    await page.route('**/api/members.search', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await box.fill('1234 5678');
    await page.waitForTimeout(400);
    // 王芳 is still listed (dimmed) while 张三丰's answer is on its way.
    expect(await page.getByRole('option', { name: /王芳/ }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: '搜索会员' }).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('张三丰');
    await page.unroute('**/api/members.search');
  });
});
