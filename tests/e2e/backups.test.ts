import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, setUpThroughApi, startWeb, type WebApp, signIn, signOut } from './browserMode.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `liuke-e2e-${name}-`));
const dataDir = temp('backups');
/** The shop's USB stick. */
const usb = temp('usb');
/** The data folder of a new PC. */
const newPcDir = temp('newpc');
const wrongPassphrase = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF';
let browser: Browser;
let app: WebApp;
let newPc: WebApp | undefined;
let passphrase = '';
/** The first backup made from the page: two members, the owner and a clerk. */
let backupFile = '';

beforeAll(async () => {
  browser = await launchChromium();
  app = await startWeb(dataDir);
  passphrase = await setUpThroughApi(app.url);
});

afterAll(async () => {
  await newPc?.stop();
  await app?.stop();
  await browser?.close();
  for (const d of [dataDir, usb, newPcDir]) rmSync(d, { recursive: true, force: true });
});

async function newPage(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function register(page: Page, phone: string, name: string) {
  await page.getByRole('link', { name: '会员', exact: true }).click();
  await page.getByRole('button', { name: '登记会员' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('手机号').fill(phone);
  await form.getByLabel('姓名').fill(name);
  await form.getByRole('button', { name: '登记会员' }).click();
  await expect.poll(() => page.getByTestId('member-name').textContent()).toBe(name);
}

async function membersTotal(page: Page) {
  await page.getByRole('link', { name: '会员', exact: true }).click();
  return page.getByTestId('members-total');
}

/** Waits until no notification is left on screen (they close by themselves). */
async function quiet(page: Page) {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('backups and restore', () => {
  it('the owner backs up to a USB folder from the backups page and restores it with the passphrase', async () => {
    const page = await newPage(app.url);
    await signIn(page, 'boss', 'owner-pass-1');
    await page.getByRole('link', { name: '员工' }).click();
    await page.getByRole('button', { name: '添加员工' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('登录名').fill('xiaoli');
    await dialog.getByLabel('显示名称').fill('小李');
    await dialog.getByLabel('初始密码').fill('clerk-pass-1');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'xiaoli' }).waitFor();
    await register(page, '138 0013 8000', '王芳');
    await register(page, '139 0013 9000', '李娜');

    await page.getByRole('link', { name: '备份', exact: true }).click();
    await page.getByRole('heading', { name: '备份', exact: true }).waitFor();
    const folder = page.getByLabel('备份到文件夹');
    // Only whole paths: a relative one would land wherever the app happens to run.
    await folder.fill('U盘/备份');
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => page.getByText('请填写完整的文件夹路径').isVisible()).toBe(true);
    await folder.fill(usb);
    await page.getByRole('button', { name: '立即备份' }).click();
    const written = new RegExp(`^已备份到 ${escape(usb)}/liuke-backup-\\d{8}-\\d{6}-manual\\.db$`);
    await expect.poll(() => page.getByText(written).isVisible()).toBe(true);
    const files = readdirSync(usb);
    expect(files).toContain('liuke.key.json');
    const name = files.find((f) => /^liuke-backup-.*-manual\.db$/.test(f));
    expect(name).toBeDefined();
    backupFile = join(usb, name!);
    await expect.poll(() => page.getByTestId('backup-last-at').textContent()).not.toBe('还没有备份过');

    // Work goes on after the backup …
    await register(page, '137 0013 7000', '张伟');
    expect(await (await membersTotal(page)).textContent()).toBe('共 3 位会员');

    // … and the owner goes back to it, from the USB folder.
    await page.getByRole('link', { name: '备份', exact: true }).click();
    await page.getByLabel('备份所在的文件夹').fill(usb);
    await page.getByRole('button', { name: '查看' }).click();
    const found = page.getByTestId('folder-backups').getByTestId('backup-row');
    await expect.poll(() => found.count()).toBe(1);
    expect(await found.innerText()).toContain('手动');
    await quiet(page);

    await found.getByRole('button', { name: '恢复' }).click();
    const restore = page.getByRole('dialog', { name: '从备份恢复' });
    const text = await restore.innerText();
    expect(text).toContain('店里现在的全部数据会被这份备份');
    expect(text).toContain('安全副本');
    expect(text).toContain('所有人都会退出登录');
    await restore.getByLabel('恢复密钥', { exact: true }).fill(wrongPassphrase);
    await restore.getByRole('button', { name: '替换为这份备份' }).click();
    await expect.poll(() => restore.getByText('恢复密钥不正确').isVisible()).toBe(true);
    await screenshot(page, 'backup-restore');
    await restore.getByLabel('恢复密钥', { exact: true }).fill(passphrase.toLowerCase());
    await restore.getByRole('button', { name: '替换为这份备份' }).click();

    // Everyone was signed out: the sign-in screen, and the shop as it was at the backup.
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await expect.poll(() => page.getByText('已从备份恢复，请重新登录').isVisible()).toBe(true);
    await signIn(page, 'boss', 'owner-pass-1');
    await expect.poll(async () => (await membersTotal(page)).textContent()).toBe('共 2 位会员');
    expect(await page.getByRole('cell', { name: '张伟', exact: true }).count()).toBe(0);
    // A safety copy of the replaced data was kept in the data folder.
    expect(readdirSync(join(dataDir, 'backups')).some((f) => /^pre-restore-.*\.db$/.test(f))).toBe(true);
  });

  it('with the USB folder in settings, "back up now" and the list use it; a clerk has no backups page', async () => {
    const page = await newPage(app.url);
    await signIn(page, 'boss', 'owner-pass-1');
    await page.getByRole('link', { name: '设置', exact: true }).click();
    await page.getByLabel('自动备份也存到这个文件夹（如 U 盘）').fill(usb);
    await page.getByLabel('保留最近几份').fill('5');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect.poll(() => page.getByText('设置已保存').isVisible()).toBe(true);

    await page.getByRole('link', { name: '备份', exact: true }).click();
    const folder = page.getByLabel('备份到文件夹');
    await expect.poll(() => folder.getAttribute('placeholder')).toBe(usb);
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => page.getByText(new RegExp(`^已备份到 ${escape(usb)}/`)).isVisible()).toBe(true);
    // The list now shows the stick's backups with their folder: the one restored from and this one
    // (and the automatic backup at start, if it came after the settings were saved).
    const onStick = page.getByTestId('backup-row').filter({ hasText: usb }).filter({ hasText: '手动' });
    await expect.poll(() => onStick.count()).toBe(2);
    expect(await onStick.first().innerText()).toContain('MB');
    await quiet(page);
    await page.mouse.wheel(0, -5000);
    await screenshot(page, 'backups');
    await signOut(page);

    await signIn(page, 'xiaoli', 'clerk-pass-1');
    expect(await page.getByRole('link', { name: '备份', exact: true }).count()).toBe(0);
    await page.goto(`${app.url}#/backups`);
    await page.getByTestId('members-total').waitFor();
    expect(await page.getByRole('heading', { name: '备份', exact: true }).count()).toBe(0);
  });

  it('a new PC restores the shop from the USB folder at first-run setup', async () => {
    newPc = await startWeb(newPcDir);
    const page = await newPage(newPc.url);
    await page.getByRole('heading', { name: '欢迎使用留客' }).waitFor();
    await page.getByRole('button', { name: '从备份恢复' }).click();
    await page.getByLabel('备份文件').fill(join(usb, 'liuke.key.json'));
    await page.getByLabel('恢复密钥', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: '恢复', exact: true }).click();
    await expect.poll(() => page.getByText('这不是留客的备份文件').isVisible()).toBe(true);
    await page.getByLabel('备份文件').fill(backupFile);
    await page.getByLabel('恢复密钥', { exact: true }).fill(wrongPassphrase);
    await page.getByRole('button', { name: '恢复', exact: true }).click();
    await expect.poll(() => page.getByText('恢复密钥不正确').isVisible()).toBe(true);
    await screenshot(page, 'setup-restore');
    await page.getByLabel('恢复密钥', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: '恢复', exact: true }).click();

    await page.getByRole('heading', { name: '登录' }).waitFor();
    await signIn(page, 'boss', 'owner-pass-1');
    await expect.poll(async () => (await membersTotal(page)).textContent()).toBe('共 2 位会员');
    await page.getByRole('cell', { name: '王芳', exact: true }).waitFor();
  });

  it('when the key file is lost, the error screen restores from the backup', async () => {
    await newPc!.stop();
    rmSync(join(newPcDir, 'liuke.key.json'));
    newPc = await startWeb(newPcDir);
    const page = await newPage(newPc.url);
    await expect.poll(() => page.getByTestId('app-error').innerText()).toContain('找不到密钥文件');
    await page.getByLabel('备份文件').fill(backupFile);
    await page.getByLabel('恢复密钥', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: '恢复', exact: true }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await signIn(page, 'boss', 'owner-pass-1');
    await expect.poll(async () => (await membersTotal(page)).textContent()).toBe('共 2 位会员');
  });
});
