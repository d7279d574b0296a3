import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Backend } from '../../electron/backend.js';
import { ManualClock } from '../../electron/core/clock.js';
import type { Logger } from '../../electron/core/log.js';
import { Dispatcher, type Caller } from '../../electron/dispatch.js';
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract/index.js';
import type { StaffInfo } from '../../shared/domain.js';
import type { AppErrorData } from '../../shared/errors.js';

export const silentLog: Logger & { lines: { event: string; details?: Record<string, unknown> }[] } = {
  lines: [],
  info(event, details) {
    this.lines.push({ event, ...(details ? { details } : {}) });
  },
  error(event, details) {
    this.lines.push({ event, ...(details ? { details } : {}) });
  },
};

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'liuke-test-'));
}

export interface Harness {
  dir: string;
  clock: ManualClock;
  backend: Backend;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export async function startBackend(dir = tempDir(), deviceId = 'device-a'): Promise<Harness> {
  const clock = new ManualClock('2026-03-01T02:00:00.000Z');
  const backend = new Backend({ dataDir: dir, clock, log: silentLog, device: { id: deviceId, name: deviceId } });
  await backend.start();
  return {
    dir,
    clock,
    backend,
    dispatcher: new Dispatcher(backend),
    close: () => backend.close(),
  };
}

/** A client as a transport would be: remembers its session token like a cookie jar. */
export class Client {
  token: string | undefined;
  constructor(
    private readonly h: Harness,
    readonly clientKey = `client-${randomUUID()}`,
  ) {}

  async raw<C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
    requestId?: string,
  ): Promise<{ ok: true; value: OutputOf<C> } | { ok: false; error: AppErrorData }> {
    const caller: Caller = { sessionToken: this.token, clientKey: this.clientKey };
    const r = await this.h.dispatcher.dispatch(caller, channel, { input, ...(requestId ? { requestId } : {}) });
    if (r.session && 'set' in r.session) this.token = r.session.set;
    else if (r.session) this.token = undefined;
    return r.response as { ok: true; value: OutputOf<C> } | { ok: false; error: AppErrorData };
  }

  async call<C extends ChannelName>(channel: C, input: InputOf<C>, requestId = randomUUID()): Promise<OutputOf<C>> {
    const r = await this.raw(channel, input, requestId);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  }

  async fail<C extends ChannelName>(channel: C, input: InputOf<C>, requestId = randomUUID()): Promise<AppErrorData> {
    const r = await this.raw(channel, input, requestId);
    if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return r.error;
  }
}

export const ownerAccount = { username: 'boss', displayName: '老板', password: 'owner-pass-1' };

/** Runs first-run setup; returns the recovery passphrase. */
export async function setUp(h: Harness): Promise<string> {
  const c = new Client(h);
  const { passphrase } = await c.call('setup.begin', {});
  await c.call('setup.complete', {
    shopName: '好运便利店',
    timeZone: 'Asia/Shanghai',
    owner: ownerAccount,
    passphraseConfirm: passphrase,
  });
  return passphrase;
}

export async function signedIn(h: Harness, username: string, password: string): Promise<Client> {
  const c = new Client(h);
  await c.call('auth.signIn', { username, password });
  return c;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The owner creates a staff member; their password is `<username>-pass-1` unless given. */
export async function addStaff(
  owner: Client,
  username: string,
  role: 'owner' | 'manager' | 'clerk',
  password = `${username}-pass-1`,
): Promise<StaffInfo> {
  return owner.call('staff.create', { username, displayName: username, role, password });
}

export interface AuditRow {
  id: number;
  at: string;
  staff_id: number | null;
  action: string;
  details: Record<string, unknown>;
}

/** Audit rows as stored, oldest first, optionally only one action. */
export function auditRows(h: Harness, action?: string): AuditRow[] {
  const rows = (
    action
      ? h.backend.raw.prepare('select * from audit_log where action = ? order by id').all(action)
      : h.backend.raw.prepare('select * from audit_log order by id').all()
  ) as (Omit<AuditRow, 'details'> & { details: string })[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

export const minutes = (n: number) => n * 60_000;

const opened: Harness[] = [];

/** The usual start of a test: a set-up shop with its owner signed in; `closeShops` cleans up. */
export async function openShop(): Promise<{ h: Harness; owner: Client; passphrase: string }> {
  const h = await startBackend();
  opened.push(h);
  const passphrase = await setUp(h);
  return { h, passphrase, owner: await signedIn(h, ownerAccount.username, ownerAccount.password) };
}

/** `afterEach(closeShops)`: closes every shop `openShop` opened and removes its folder. */
export async function closeShops(): Promise<void> {
  for (const h of opened.splice(0)) {
    await h.close();
    removeDir(h.dir);
  }
}
