import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, startWeb, type WebApp, signIn, signOut } from './browserMode.js';

const dataDir = mkdtempSync(join(tmpdir(), 'liuke-e2e-'));
let browser: Browser;
let app: WebApp;
let passphrase = '';

beforeAll(async () => {
  browser = await launchChromium();
  app = await startWeb(dataDir);
});

afterAll(async () => {
  await app?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  return context.newPage();
}

describe('the first counter flow in browser mode', () => {
  it('sets up, adds a clerk, and the clerk registers and finds a member', async () => {
    const page = await newPage();
    await page.goto(app.url);

    await page.getByLabel('店铺名称').fill('好运便利店');
    await screenshot(page, 'setup-shop');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('登录名').fill('boss');
    await page.getByLabel('显示名称').fill('陈老板');
    await page.getByLabel('密码', { exact: true }).fill('owner-pass-1');
    await page.getByLabel('再次输入密码').fill('owner-pass-1');
    await page.getByRole('button', { name: '下一步' }).click();
    passphrase = (await page.getByTestId('recovery-passphrase').innerText()).trim();
    expect(passphrase).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$/);
    await screenshot(page, 'setup-passphrase');
    // Typed back wrong first: setup must refuse and name the field.
    await page.getByLabel('请输入恢复密钥以确认您已记下').fill('AAAA-BBBB');
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect.poll(() => page.getByText('与显示的恢复密钥不一致').isVisible()).toBe(true);
    await page.getByLabel('请输入恢复密钥以确认您已记下').fill(passphrase.toLowerCase());
    await page.getByRole('button', { name: '完成设置' }).click();

    await page.getByRole('heading', { name: '登录' }).waitFor();
    await screenshot(page, 'sign-in');
    await signIn(page, 'boss', 'owner-pass-1');

    await page.getByRole('link', { name: '员工' }).click();
    await page.getByRole('button', { name: '添加员工' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('登录名').fill('xiaoli');
    await dialog.getByLabel('显示名称').fill('小李');
    await dialog.getByLabel('初始密码').fill('clerk-pass-1');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'xiaoli' }).waitFor();
    await screenshot(page, 'staff');
    await signOut(page);

    await signIn(page, 'xiaoli', 'clerk-pass-1');
    // A clerk has no staff or settings pages.
    expect(await page.getByRole('link', { name: '员工' }).count()).toBe(0);
    await page.getByRole('button', { name: '登记会员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('手机号').fill('138 0013 8000');
    await form.getByLabel('姓名').fill('王女士');
    await screenshot(page, 'register-member');
    await form.getByRole('button', { name: '登记会员' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    await expect.poll(() => page.getByText('138 0013 8000').isVisible()).toBe(true);
    // The page also names the clerk on each consent and timeline entry: look in the profile.
    await expect.poll(() => page.getByTestId('member-profile').getByText('小李').isVisible()).toBe(true);
    await screenshot(page, 'member-page');

    // Back to the list, then find them by the last four digits, keyboard only.
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('cell', { name: 'M000001' }).waitFor();
    await screenshot(page, 'members');
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).fill('8000');
    await page.getByRole('option', { name: /王女士/ }).waitFor();
    // Clerks see the number masked in search results.
    expect(await page.getByRole('option', { name: /138\*\*\*\*8000/ }).count()).toBe(1);
    await screenshot(page, 'counter-search');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/members\/1$/);
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
  });

  it('an Enter that picks an input-method candidate does not open a member', async () => {
    const page = await newPage();
    await page.goto(app.url);
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await page.keyboard.press('/');
    const box = page.getByRole('textbox', { name: '搜索会员' });
    await box.fill('王');
    await page.getByRole('option', { name: /王女士/ }).waitFor();
    const before = page.url();

    // Chromium's own IME path: a composition is open while Enter goes down.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'nv', selectionStart: 2, selectionEnd: 2 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(await box.isVisible()).toBe(true);

    // And the event shape every IME produces, whatever the platform.
    // Runs in the page; the tests' tsconfig has no DOM types, hence the cast.
    await box.evaluate((el) =>
      el.dispatchEvent(
        new (globalThis as unknown as { KeyboardEvent: new (t: string, i: object) => Event }).KeyboardEvent('keydown', {
          key: 'Enter',
          isComposing: true,
          bubbles: true,
        }),
      ),
    );
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);

    // The IME commits "女": the box now reads 王女 and a plain Enter opens the member.
    await cdp.send('Input.insertText', { text: '女' });
    await expect.poll(() => box.inputValue()).toBe('王女');
    await page.getByRole('option', { name: /王女士/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/members\/1$/);
  });

  it('a duplicate phone shows the member who has it, and creates nothing', async () => {
    const page = await newPage();
    await page.goto(app.url);
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await page.getByRole('button', { name: '登记会员' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('手机号').fill('+86 13800138000');
    await form.getByLabel('姓名').fill('另一个人');
    await form.getByRole('button', { name: '登记会员' }).click();
    await page.getByTestId('phone-taken').waitFor();
    expect(await page.getByTestId('phone-taken').innerText()).toContain('王女士');
    expect(await form.getByText('这个号码已经登记过').isVisible()).toBe(true);
    await screenshot(page, 'duplicate-phone');
    await page.getByRole('button', { name: '打开该会员' }).click();
    await expect.poll(() => page.getByTestId('member-name').textContent()).toBe('王女士');
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByRole('cell', { name: 'M000001' }).waitFor();
    expect(await page.getByRole('cell', { name: 'M000002' }).count()).toBe(0);
  });

  it('a wrong passphrase at unlock shows the error and leaves the database intact', async () => {
    await app.stop();
    const db = join(dataDir, 'liuke.db');
    const hash = () => createHash('sha256').update(readFileSync(db)).digest('hex');
    const before = hash();
    app = await startWeb(dataDir);
    const page = await newPage();
    await page.goto(app.url);
    await page.getByRole('heading', { name: '解锁店铺数据' }).waitFor();
    await page.getByLabel('恢复密钥').fill('WRNG-PASS-PHRS-XXXX-YYYY-ZZZZ');
    await page.getByRole('button', { name: '解锁' }).click();
    // Unwrapping the key (scrypt) takes seconds on a busy machine: wait as for any screen, not a 1 s poll.
    await page.getByText('恢复密钥不正确').first().waitFor();
    await screenshot(page, 'unlock-wrong-passphrase');
    expect(hash()).toBe(before);

    await page.getByLabel('恢复密钥').fill(passphrase);
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await signIn(page, 'boss', 'owner-pass-1');
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: '搜索会员' }).fill('13800138000');
    // The owner sees the whole number.
    await page.getByRole('option', { name: /138 0013 8000/ }).waitFor();
  });
});
