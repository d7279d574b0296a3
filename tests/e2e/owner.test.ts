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

beforeAll(async () => {
  browser = await launchChromium();
  app = await startWeb(dataDir);
  await setUpThroughApi(app.url);
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
    await page.getByRole('link', { name: '设置' }).click();
    const idle = page.getByLabel('闲置自动锁屏（分钟）');
    await idle.fill('1');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect.poll(() => page.getByText('设置已保存').isVisible()).toBe(true);
    await screenshot(page, 'settings');
    await page.getByRole('link', { name: '操作日志' }).click();
    await page.getByRole('cell', { name: '修改设置' }).waitFor();
    expect(await page.getByRole('cell', { name: '完成首次设置' }).count()).toBe(1);
    await screenshot(page, 'audit-log');
  });

  it('downloads the diagnostic log as a file', async () => {
    await page.getByRole('link', { name: '设置' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载诊断日志' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^liuke-\d{4}-\d{2}-\d{2}\.log$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text).toContain('"event":"db.opened"');
  });

  it('locks when idle and keeps the half-typed registration underneath', async () => {
    await page.getByRole('link', { name: '会员' }).click();
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
    await lock.getByLabel('PIN', { exact: true }).fill('2468');
    await lock.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('已锁屏').first().isVisible()).toBe(false);
    expect(await form.getByLabel('手机号').inputValue()).toBe('139 0000 1111');
    expect(await form.getByLabel('姓名').inputValue()).toBe('李先生');
    await form.getByRole('button', { name: '登记会员' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('李先生');
  });

  it('speaks English when switched, and remembers it', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Members' }).waitFor();
    await page.reload();
    await page
      .getByRole('heading', { name: 'Sign in' })
      .or(page.getByRole('link', { name: 'Members' }))
      .first()
      .waitFor();
    expect(await page.getByText('登录', { exact: true }).count()).toBe(0);
  });
});
