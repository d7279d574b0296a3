import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/http/csp.js';
import { startHttpHost, type HttpHost } from '../../electron/http/server.js';
import { Dispatcher } from '../../electron/dispatch.js';
import { addStaff, ownerAccount, removeDir, setUp, signedIn, startBackend, tempDir, type Harness } from './harness.js';

let h: Harness;
let host: HttpHost;
let renderer: string;
let origin: string;

afterEach(async () => {
  await host.close();
  await h.close();
  removeDir(h.dir);
  removeDir(renderer);
});

const indexHtml = '<!doctype html><title>Liuke</title><div id="root"></div>';

/** A set-up shop behind a real HTTP host, with a clerk account. */
async function serve(): Promise<void> {
  h = await startBackend();
  await setUp(h);
  const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
  await addStaff(owner, 'xiaoli', 'clerk');
  renderer = tempDir();
  writeFileSync(join(renderer, 'index.html'), indexHtml);
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  host = await startHttpHost(new Dispatcher(h.backend), renderer, 0);
  origin = host.url.replace(/\/$/, '');
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, which unlike fetch lets a test set Host, leave out Origin and send odd paths. */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function api(
  channel: string,
  body: unknown,
  opts: { cookie?: string; origin?: string | null; contentType?: string } = {},
): Promise<{
  status: number;
  json: { ok: boolean; value?: unknown; error?: { code: string; details?: unknown } };
  setCookie: string | null;
}> {
  const headers: Record<string, string> = { 'Content-Type': opts.contentType ?? 'application/json' };
  if (opts.origin !== null) headers.Origin = opts.origin ?? origin;
  if (opts.cookie) headers.Cookie = opts.cookie;
  const res = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as never, setCookie: res.headers.get('set-cookie') };
}

async function signIn(username: string, password: string): Promise<string> {
  const r = await api('auth.signIn', { input: { username, password } });
  expect(r.json.ok).toBe(true);
  expect(r.setCookie).toBeTruthy();
  return r.setCookie!.split(';')[0]!;
}

describe('the browser-mode API', () => {
  it('binds to 127.0.0.1 and answers app.status to its own origin', async () => {
    await serve();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await api('app.status', { input: {} });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, value: { state: 'ready', shopName: '好运便利店', now: expect.any(String) } });
  });

  it('refuses another origin, even another port on the same host, and a missing origin', async () => {
    await serve();
    const port = Number(new URL(origin).port);
    for (const other of [`http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, 'http://evil.example', 'null']) {
      const r = await api('app.status', { input: {} }, { origin: other });
      expect(r.status, other).toBe(403);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'origin' } } });
    }
    const missing = await raw({
      method: 'POST',
      path: '/api/app.status',
      headers: { 'Content-Type': 'application/json' },
      body: '{"input":{}}',
    });
    expect(missing.status).toBe(403);
  });

  it('refuses anything but a JSON body', async () => {
    await serve();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonfoo',
    ]) {
      const r = await api('app.status', { input: {} }, { contentType: type });
      expect(r.status, type).toBe(415);
    }
    const charset = await api('app.status', { input: {} }, { contentType: 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
  });

  it('answers a body that is not a JSON object with 400, not a crash', async () => {
    await serve();
    for (const body of ['null', '[]', '42', '"x"', '{not json']) {
      const r = await raw({
        method: 'POST',
        path: '/api/app.status',
        headers: { Origin: origin, 'Content-Type': 'application/json' },
        body,
      });
      expect(r.status, body).toBe(400);
      expect(JSON.parse(r.body), body).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', messageKey: 'errors.badJson' },
      });
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    await serve();
    for (const hostHeader of ['evil.example', `localhost:${new URL(origin).port}`, '127.0.0.1']) {
      const r = await raw({
        method: 'POST',
        path: '/api/app.status',
        headers: { Host: hostHeader, Origin: origin, 'Content-Type': 'application/json' },
        body: '{"input":{}}',
      });
      expect(r.status, hostHeader).toBe(421);
    }
    expect((await raw({ path: '/', headers: { Host: 'evil.example' } })).status).toBe(421);
  });

  it('answers only POST on /api/', async () => {
    await serve();
    const r = await raw({ path: '/api/x', headers: { Origin: origin } });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
  });

  it('answers bad JSON and unknown channels with an error, not a crash', async () => {
    await serve();
    const bad = await raw({
      method: 'POST',
      path: '/api/app.status',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await api('members.delete', { input: {} });
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a body over 1 MB', async () => {
    await serve();
    const huge = await api('app.status', { input: { pad: 'x'.repeat(1024 * 1024 + 1) } });
    expect(huge.status).toBe(413);
  });
});

describe('sessions over HTTP', () => {
  it('sets an HttpOnly, SameSite=Strict cookie and refuses a clerk an owner-only channel', async () => {
    await serve();
    const r = await api('auth.signIn', { input: { username: 'xiaoli', password: 'xiaoli-pass-1' } });
    expect(r.setCookie).toMatch(/^liuke_session=[A-Za-z0-9_-]{43}; /);
    expect(r.setCookie).toMatch(/; HttpOnly/);
    expect(r.setCookie).toMatch(/; SameSite=Strict/);
    expect(r.setCookie).toMatch(/; Path=\//);
    const cookie = r.setCookie!.split(';')[0]!;

    const e = await api(
      'staff.create',
      {
        requestId: randomUUID(),
        input: { username: 'xiaowang', displayName: '小王', role: 'owner', password: 'whatever-1' },
      },
      { cookie },
    );
    expect(e.status).toBe(200);
    expect(e.json).toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } });
    expect(h.backend.raw.prepare("select count(*) as n from staff where username = 'xiaowang'").get()).toEqual({
      n: 0,
    });

    const me = await api('auth.me', { input: {} }, { cookie });
    expect(me.json).toMatchObject({ ok: true, value: { staff: { username: 'xiaoli' } } });
  });

  it('refuses the same cookie from another origin', async () => {
    await serve();
    const cookie = await signIn('xiaoli', 'xiaoli-pass-1');
    const port = Number(new URL(origin).port);
    const r = await api(
      'members.register',
      { requestId: randomUUID(), input: { phone: '13800138000' } },
      { cookie, origin: `http://127.0.0.1:${port + 1}` },
    );
    expect(r.status).toBe(403);
    expect(h.backend.raw.prepare('select count(*) as n from members').get()).toEqual({ n: 0 });
  });

  it('needs a session for member work', async () => {
    await serve();
    const r = await api('members.list', { input: {} });
    expect(r.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('creates one member for a repeated request id', async () => {
    await serve();
    const cookie = await signIn('xiaoli', 'xiaoli-pass-1');
    const body = { requestId: randomUUID(), input: { phone: '138 0013 8000', name: '王女士' } };
    const [a, b] = await Promise.all([
      api('members.register', body, { cookie }),
      api('members.register', body, { cookie }),
    ]);
    const c = await api('members.register', body, { cookie });
    expect(a.json.ok).toBe(true);
    expect(b.json).toEqual(a.json);
    expect(c.json).toEqual(a.json);
    expect(h.backend.raw.prepare('select count(*) as n from members').get()).toEqual({ n: 1 });
  });

  it('refuses a mutating call without a request id', async () => {
    await serve();
    const cookie = await signIn('xiaoli', 'xiaoli-pass-1');
    const r = await api('members.register', { input: { phone: '13800138000' } }, { cookie });
    expect(r.json).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.requestIdRequired' } });
  });

  it('clears the cookie on sign-out and refuses it afterwards', async () => {
    await serve();
    const cookie = await signIn('xiaoli', 'xiaoli-pass-1');
    const out = await api('auth.signOut', { input: {} }, { cookie });
    expect(out.setCookie).toMatch(/^liuke_session=; .*Max-Age=0/);
    expect((await api('auth.me', { input: {} }, { cookie })).json).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('rate-limits sign-in attempts', async () => {
    await serve();
    for (let i = 0; i < 10; i++) await api('auth.signIn', { input: { username: 'nobody', password: 'wrong-pass' } });
    const r = await api('auth.signIn', { input: { username: 'xiaoli', password: 'xiaoli-pass-1' } });
    expect(r.json).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(r.setCookie).toBeNull();
  });
});

describe('the renderer files', () => {
  it('serves index.html with the Content-Security-Policy', async () => {
    await serve();
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(indexHtml);
  });

  it('serves assets with their type and the CSP, and the app page for unknown paths', async () => {
    await serve();
    const js = await fetch(`${origin}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await js.text()).toBe('console.log(1)');
    expect(await (await fetch(`${origin}/members/42`)).text()).toBe(indexHtml);
  });

  it('does not leak files outside the renderer folder', async () => {
    await serve();
    writeFileSync(join(h.dir, 'secret.txt'), 'top secret');
    for (const path of [
      '/../../etc/passwd',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      `/..%2f${encodeURIComponent(h.dir.split('/').pop()!)}%2fsecret.txt`,
      '/%2Fetc%2Fpasswd',
    ]) {
      const r = await raw({ path });
      expect(r.body, path).not.toMatch(/root:.*:0:0:/);
      expect(r.body, path).not.toContain('top secret');
      expect([200, 404], path).toContain(r.status);
      if (r.status === 200) expect(r.body, path).toBe(indexHtml);
    }
  });

  it('refuses other methods on static files', async () => {
    await serve();
    expect((await raw({ method: 'PUT', path: '/index.html' })).status).toBe(405);
  });
});
