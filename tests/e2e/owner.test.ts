import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, setUpThroughApi, startWeb, type WebApp } from './browserMode.js';

const dataDir = mkdtempSync(join(tmpdir(), 'liuke-e2e-owner-'));
let browser: Browser;
let app: WebApp;
let page: Page;
let passphrase = '';

beforeAll(async () => {
  browser = await launchChromium();
  app = await startWeb(dataDir);
  passphrase = await setUpThroughApi(app.url);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page = await context.newPage();
  // A controllable clock, so the idle lock can be reached without waiting minutes.
  await page.clock.install();
  await page.goto(app.url);
  await page.getByLabel('登录名').fill('boss');
  await page.getByLabel('密码', { exact: true }).fill('owner-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('open-counter-search').waitFor();
});

afterAll(async () => {
  await app?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the owner at the back office', () => {
  it('sets a quick-switch PIN', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '设置快捷 PIN' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill('owner-pass-1');
    await dialog.getByLabel('4–6 位数字 PIN').fill('2468');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('PIN 已设置').isVisible()).toBe(true);
  });

  it('changes the idle lock time, and the change is in the audit log', async () => {
    await page.getByRole('link', { name: '设置', exact: true }).click();
    const idle = page.getByLabel('闲置自动锁屏（分钟）');
    await idle.fill('1');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect.poll(() => page.getByText('设置已保存').isVisible()).toBe(true);
    // Saving scrolled down to the button: the screenshot shows the page from its top.
    await page.mouse.wheel(0, -5000);
    await screenshot(page, 'settings');
    await page.getByRole('link', { name: '操作日志' }).click();
    await page.getByRole('cell', { name: '修改设置' }).waitFor();
    expect(await page.getByRole('cell', { name: '完成首次设置' }).count()).toBe(1);
    await screenshot(page, 'audit-log');
  });

  it('downloads the diagnostic log as a file', async () => {
    await page.getByRole('link', { name: '设置', exact: true }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载诊断日志' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^liuke-\d{4}-\d{2}-\d{2}\.log$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toContain('"event":"db.opened"');
  });

  it('locks when idle and keeps the half-typed registration underneath', async () => {
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('button', { name: '登记会员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('手机号').fill('139 0000 1111');
    await form.getByLabel('姓名').fill('李先生');
    await page.clock.fastForward('02:00');
    await page.getByText('已锁屏').first().waitFor();
    await screenshot(page, 'locked');

    // Quick switch back in with the PIN.
    const lock = page.getByRole('dialog', { name: '已锁屏' });
    await lock.getByRole('tab', { name: 'PIN 快捷切换' }).click();
    await lock.getByLabel('员工').first().click();
    await page.getByRole('option', { name: '陈老板' }).click();
    // A wrong PIN says so on the PIN field, in front of the overlay.
    await lock.getByLabel('PIN', { exact: true }).fill('1357');
    await lock.getByRole('button', { name: '登录' }).click();
    await lock.getByText('PIN 不正确').waitFor();
    await lock.getByLabel('PIN', { exact: true }).fill('2468');
    await lock.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('已锁屏').first().isVisible()).toBe(false);
    expect(await form.getByLabel('手机号').inputValue()).toBe('139 0000 1111');
    expect(await form.getByLabel('姓名').inputValue()).toBe('李先生');
    await form.getByRole('button', { name: '登记会员' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('李先生');
  });

  it('opens the counter search with F2 even while typing in a field', async () => {
    await page.getByRole('link', { name: '设置', exact: true }).click();
    await page.getByLabel('店铺名称').focus();
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('textbox', { name: '搜索会员' }).count()).toBe(0);
    // "/" typed into a field is text, not a shortcut.
    await page.getByLabel('店铺名称').press('/');
    expect(await page.getByRole('textbox', { name: '搜索会员' }).count()).toBe(0);
    expect(await page.getByLabel('店铺名称').inputValue()).toBe('好运便利店/');
  });

  it('never shows a clerk what the owner saw: switching user clears cached data', async () => {
    await page.getByRole('link', { name: '员工' }).click();
    await page.getByRole('button', { name: '添加员工' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('登录名').fill('xiaoli');
    await dialog.getByLabel('显示名称').fill('小李');
    await dialog.getByLabel('初始密码').fill('clerk-pass-1');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'xiaoli' }).waitFor();

    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('cell', { name: '139 0000 1111' }).waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '锁屏' }).click();
    const lock = page.getByRole('dialog', { name: '已锁屏' });
    await lock.getByLabel('登录名').fill('xiaoli');
    await lock.getByLabel('密码', { exact: true }).fill('clerk-pass-1');
    await lock.getByRole('button', { name: '登录' }).click();
    await page.getByRole('cell', { name: '139****1111' }).waitFor();
    expect(await page.getByRole('cell', { name: '139 0000 1111' }).count()).toBe(0);

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByLabel('登录名').fill('boss');
    await page.getByLabel('密码', { exact: true }).fill('owner-pass-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('open-counter-search').waitFor();
  });

  it('replaces the recovery passphrase, and the new one resets a forgotten owner password', async () => {
    await page.getByRole('link', { name: '设置', exact: true }).click();
    await page.getByRole('button', { name: '生成新的恢复密钥' }).click();
    const fresh = (await page.getByTestId('new-passphrase').innerText()).trim();
    expect(fresh).not.toBe(passphrase);
    await page.getByLabel('当前恢复密钥').fill('WRNG-WRNG-WRNG-WRNG-WRNG-WRNG');
    await page.getByLabel('输入新的恢复密钥以确认').fill(fresh);
    await page.getByRole('button', { name: '保存' }).nth(1).click();
    // The wrong current passphrase is named on its own field.
    await page.getByText('恢复密钥不正确').first().waitFor();
    await page.getByLabel('当前恢复密钥').fill(passphrase);
    await page.getByRole('button', { name: '保存' }).nth(1).click();
    await page.getByText('恢复密钥已更换，请销毁旧的密钥单').waitFor();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '忘记店主密码？' }).click();
    const reset = page.getByRole('dialog');
    await reset.getByLabel('恢复密钥').fill(passphrase);
    await reset.getByLabel('店主登录名').fill('boss');
    await reset.getByLabel('新密码').fill('owner-pass-2');
    await reset.getByRole('button', { name: '重置密码' }).click();
    // The old passphrase no longer works …
    await reset.getByText('恢复密钥不正确').waitFor();
    await reset.getByLabel('恢复密钥').fill(fresh);
    await reset.getByRole('button', { name: '重置密码' }).click();
    await page.getByText('店主密码已重置，请登录。').waitFor();
    await page.getByLabel('登录名', { exact: true }).fill('boss');
    await page.getByLabel('密码', { exact: true }).fill('owner-pass-2');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('open-counter-search').waitFor();
  });

  it('speaks English when switched, and remembers it', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Members' }).waitFor();
    // Every page in English: no Chinese left but the shop's own data, and no raw i18n keys.
    const userData = /好运便利店|陈老板|李先生|小李|中文|陈/g;
    for (const link of ['Members', 'Staff', 'Settings', 'Audit log']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.waitForTimeout(300);
      const text = (await page.locator('body').innerText()).replace(userData, '');
      expect(text.match(/[\u4e00-\u9fff]+/g), link).toBeNull();
      expect(text, link).not.toMatch(/\b(errors|members|staff|settings|audit|common)\.[a-zA-Z]/);
    }
    await page.reload();
    await page
      .getByRole('heading', { name: 'Sign in' })
      .or(page.getByRole('link', { name: 'Members' }))
      .first()
      .waitFor();
    expect(await page.getByText('登录', { exact: true }).count()).toBe(0);
  });
});
