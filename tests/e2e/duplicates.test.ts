import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, screenshot, signIn, type BrowserShop } from './browserMode.js';

let shop: BrowserShop;
let page: Page;

beforeAll(async () => {
  shop = await openBrowserShop('duplicates');
  page = shop.page;
  await signIn(page, 'boss', 'owner-pass-1');
});

afterAll(() => shop?.close());

/** Registers through the counter form; returns the new member number shown on the page. */
async function register(phone: string, name: string): Promise<string> {
  await page.getByRole('link', { name: '会员', exact: true }).click();
  await page.getByRole('button', { name: '登记会员' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('手机号').fill(phone);
  await form.getByLabel('姓名').fill(name);
  await form.getByRole('button', { name: '登记会员' }).click();
  await expect.poll(() => page.getByTestId('member-name').textContent()).toBe(name);
  return (await page.getByTestId('member-no').textContent()) ?? '';
}

const timeline = () => page.getByTestId('member-timeline');

async function quiet() {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

describe('data quality: the duplicate queue, merging and erasing', () => {
  it('the owner merges two duplicates from the review queue, choosing values field by field', async () => {
    const first = await register('138 0013 8000', '刘洋');
    // The same person registered again with one digit mistyped, and a note on the new record.
    const second = await register('138 0013 8001', '刘洋');
    await page.getByLabel('内容').fill('想要会员日提醒');
    await page.getByRole('button', { name: '记录互动' }).click();
    await expect.poll(() => timeline().getByText('想要会员日提醒').isVisible()).toBe(true);

    await page.getByRole('link', { name: '重复会员' }).click();
    const row = page.getByTestId('duplicate-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('同名，手机号差一位');
    expect(await row.innerText()).toContain(first);
    await quiet();
    await screenshot(page, 'duplicates-queue');

    await row.getByRole('button', { name: '比较并合并' }).click();
    await page.getByRole('heading', { name: '合并会员' }).waitFor();
    // The older record stays by default; the owner keeps the newer (correct) number.
    expect(await page.getByTestId('merge-keep-a').isChecked()).toBe(true);
    await page.getByRole('radio', { name: '手机号 B' }).check();
    await quiet();
    await screenshot(page, 'merge-members');
    await page.getByRole('button', { name: '合并', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: '确认合并' });
    expect(await confirm.innerText()).toContain(`把刘洋（${second}）合并到刘洋（${first}）`);
    await confirm.getByRole('button', { name: '合并', exact: true }).click();

    // The survivor's page: the chosen number, the other one kept, the note moved over.
    await expect.poll(() => page.getByTestId('member-no').textContent()).toBe(first);
    const profile = page.getByTestId('member-profile');
    await expect.poll(() => profile.innerText()).toContain('138 0013 8001');
    expect(await profile.innerText()).toContain('138 0013 8000');
    await expect.poll(() => timeline().getByText(`合并了重复会员 ${second}`).isVisible()).toBe(true);
    expect(await timeline().getByText('想要会员日提醒').isVisible()).toBe(true);

    await page.getByRole('link', { name: '重复会员' }).click();
    await page.getByText('没有待处理的疑似重复会员。').waitFor();

    // The merged record's old number still finds the person.
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).fill(second);
    await page.getByRole('option', { name: /刘洋/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('member-no').textContent()).toBe(first);
  });

  it('the owner erases a member at their request after typing the member number', async () => {
    const no = await register('139 8888 7777', '周芷若');
    await page.getByRole('button', { name: '删除个人信息' }).click();
    const dialog = page.getByRole('dialog', { name: '按本人要求删除个人信息' });
    const erase = dialog.getByRole('button', { name: '永久删除' });
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel(`请输入会员号 ${no} 以确认`).fill(no.toLowerCase());
    await erase.click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByText('这位会员的个人信息已按本人要求删除').isVisible()).toBe(true);
    expect(await page.getByTestId('member-name').textContent()).not.toContain('周芷若');
    await expect.poll(() => timeline().getByText('按本人要求删除了个人信息').isVisible()).toBe(true);

    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).fill('周芷若');
    await page.getByText('没有找到会员').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('textbox', { name: '搜索会员' }).count()).toBe(0);
  });

  it('the owner creates, renames and deletes a tag on the tags page', async () => {
    await page.getByRole('link', { name: '标签', exact: true }).click();
    await page.getByRole('button', { name: '新建标签' }).click();
    const create = page.getByRole('dialog', { name: '新建标签' });
    await create.getByLabel('标签名称').fill('生日礼');
    await create.getByRole('button', { name: '新建' }).click();
    const row = page.getByTestId('tag-row');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('dialog', { name: '修改标签' });
    await edit.getByLabel('标签名称').fill('生日礼物');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row.innerText()).toContain('生日礼物');
    await row.getByRole('button', { name: '删除' }).click();
    const confirm = page.getByRole('dialog', { name: '删除标签' });
    expect(await confirm.innerText()).toContain('它会从 0 位会员身上去掉');
    await confirm.getByRole('button', { name: '删除' }).click();
    await page.getByText('还没有标签').waitFor();
  });
});
