import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export interface WebApp {
  url: string;
  proc: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/** Starts the built browser-mode backend on a free loopback port with its own data folder. */
export function startWeb(dataDir: string, env: Record<string, string> = {}): Promise<WebApp> {
  const proc = spawn(process.execPath, ['out/main/web.js'], {
    env: { ...process.env, LIUKE_DATA_DIR: dataDir, LIUKE_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output.join('')}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    proc.stdout!.on('data', (d: Buffer) => {
      output.push(d.toString());
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.join(''));
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          proc,
          output,
          stop: () =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null) return done();
              proc.once('exit', () => done());
              proc.kill('SIGTERM');
            }),
        });
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output.join('')}`));
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const shotsDir = join(process.cwd(), 'docs', 'screenshots');

/** Screenshots of the main screens, kept in docs/ for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(shotsDir, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.waitForTimeout(250); // let Mantine's transitions finish
  await page.screenshot({ path });
}

/** First-run setup through the API, as the setup page would do it; returns the passphrase. */
export async function setUpThroughApi(
  url: string,
  owner = { username: 'boss', displayName: '陈老板', password: 'owner-pass-1' },
) {
  const post = async (channel: string, input: unknown) => {
    const res = await fetch(`${url}api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url.replace(/\/$/, '') },
      body: JSON.stringify({ input }),
    });
    const body = (await res.json()) as { ok: boolean; value?: { passphrase?: string } };
    if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body)}`);
    return body.value;
  };
  const { passphrase } = (await post('setup.begin', {})) as { passphrase: string };
  await post('setup.complete', {
    shopName: '好运便利店',
    timeZone: 'Asia/Shanghai',
    owner,
    passphraseConfirm: passphrase,
  });
  return passphrase;
}

export interface BrowserShop {
  browser: Browser;
  app: WebApp;
  page: Page;
  passphrase: string;
  close(): Promise<void>;
}

/**
 * The usual start of an e2e file: a set-up shop in its own data folder, browser mode running, and
 * a Chinese-speaking page open at its sign-in screen. `close` stops both and removes the folder.
 */
export async function openBrowserShop(name: string, env: Record<string, string> = {}): Promise<BrowserShop> {
  const dataDir = mkdtempSync(join(tmpdir(), `liuke-e2e-${name}-`));
  const browser = await launchChromium();
  const app = await startWeb(dataDir, env);
  const passphrase = await setUpThroughApi(app.url);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(app.url);
  return {
    browser,
    app,
    page,
    passphrase,
    close: async () => {
      await app.stop();
      await browser.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in at the sign-in screen as a clerk would, and waits for the counter. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('open-counter-search').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('heading', { name: '登录' }).waitFor();
}

/** A channel called from the page as the app does, with the page's session; throws on a refusal. */
export async function pageApi<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ requestId: crypto.randomUUID(), input: i }),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/**
 * The shop's clock for a test: browser mode reads its offset from this file
 * (LIUKE_TEST_CLOCK_FILE), so a test moves days forward without waiting.
 */
export function testClock() {
  const dir = mkdtempSync(join(tmpdir(), 'liuke-clock-'));
  const file = join(dir, 'offset');
  writeFileSync(file, '0');
  return {
    env: { LIUKE_TEST_CLOCK_FILE: file },
    /** Moves the clock to `days` after the start. */
    setDays(days: number) {
      writeFileSync(file, String(days * 24 * 3600 * 1000));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
