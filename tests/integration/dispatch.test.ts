import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, ownerAccount, removeDir, setUp, signedIn, silentLog, startBackend, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
  removeDir(h.dir);
});

let recovery = '';
async function ready() {
  h = await startBackend();
  recovery = await setUp(h);
  return signedIn(h, ownerAccount.username, ownerAccount.password);
}

const count = (table: string) => (h.backend.raw.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('dispatch', () => {
  it('answers an unknown channel with NOT_FOUND', async () => {
    const owner = await ready();
    const r = await h.dispatcher.dispatch({ sessionToken: owner.token, clientKey: 'k' }, 'members.delete', {
      input: {},
    });
    expect(r.response).toEqual({ ok: false, error: { code: 'NOT_FOUND', messageKey: 'errors.unknownChannel' } });
  });

  it('validates before anything else, naming the field: missing is required, a wrong type is invalid', async () => {
    h = await startBackend();
    await setUp(h);
    // No session at all: validation still comes first.
    const anon = { sessionToken: undefined, clientKey: 'k' };
    const missing = await h.dispatcher.dispatch(anon, 'members.register', { input: {}, requestId: randomUUID() });
    expect(missing.response).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        messageKey: 'errors.validation',
        fields: { phone: { messageKey: 'errors.required' } },
      },
    });
    const wrongType = await h.dispatcher.dispatch(anon, 'members.register', {
      input: { phone: 13800138000 },
      requestId: randomUUID(),
    });
    expect(wrongType.response).toMatchObject({
      ok: false,
      error: { fields: { phone: { messageKey: 'errors.invalid' } } },
    });
  });

  it('needs a well-formed request id on a mutating channel', async () => {
    const owner = await ready();
    for (const requestId of [undefined, 'short', 'has spaces in it!', 'x'.repeat(65)]) {
      const r = await owner.raw('members.register', { phone: '13800138000' }, requestId);
      expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.requestIdRequired' } });
    }
    expect(count('members')).toBe(0);
  });

  it('refuses the same request id on another channel', async () => {
    const owner = await ready();
    const id = randomUUID();
    await owner.call('members.register', { phone: '13800138000' }, id);
    const settings = await owner.call('settings.get', {});
    expect((await owner.fail('settings.update', settings, id)).code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('does not hand a stored result to another staff member repeating the request id', async () => {
    const owner = await ready();
    await owner.call('staff.create', {
      username: 'xiaoli',
      displayName: '小李',
      role: 'clerk',
      password: 'clerk-pass-1',
    });
    const clerk = await signedIn(h, 'xiaoli', 'clerk-pass-1');
    const id = randomUUID();
    await owner.call('members.register', { phone: '13800138000' }, id);
    expect((await clerk.fail('members.register', { phone: '13800138000' }, id)).code).toBe('IDEMPOTENCY_CONFLICT');
    expect(count('members')).toBe(1);
  });

  it('changes in-memory settings only after the transaction commits', async () => {
    const owner = await ready();
    const before = await owner.call('settings.get', {});
    // Make the audit insert fail at the end of settings.update, after the settings row was written.
    h.backend.raw.exec(
      "create temp trigger fail_audit before insert on audit_log when new.action = 'settings.updated' begin select raise(abort, 'boom'); end",
    );
    const r = await owner.raw('settings.update', { ...before, shopName: '改名失败' }, randomUUID());
    expect(r.ok).toBe(false);
    expect(h.backend.settings?.shopName).toBe(before.shopName);
    expect((await owner.call('settings.get', {})).shopName).toBe(before.shopName);
  });

  it('keeps no secret in a request record, and forgets records after 30 days', async () => {
    const owner = await ready();
    await owner.call('staff.create', {
      username: 'xiaoli',
      displayName: '小李',
      role: 'clerk',
      password: 'clerk-pass-1',
    });
    const id = randomUUID();
    await owner.call('staff.resetPassword', { staffId: 2, password: 'clerk-pass-9' }, id);
    // The same id with another password is the same intent: replayed, not re-applied.
    expect(await owner.call('staff.resetPassword', { staffId: 2, password: 'something-else' }, id)).toEqual({
      ok: true,
    });
    const leaked = createHash('sha256')
      .update('staff.resetPassword')
      .update('\0')
      .update(JSON.stringify({ staffId: 2, password: 'clerk-pass-9' }))
      .digest('hex');
    const hashes = (h.backend.raw.prepare('select input_hash from requests').all() as { input_hash: string }[]).map(
      (r) => r.input_hash,
    );
    expect(hashes).not.toContain(leaked);

    h.backend.raw.prepare("update requests set at = '2026-01-01T00:00:00.000Z' where request_id = ?").run(id);
    const dir = h.dir;
    const pass = recovery;
    await h.close();
    h = await startBackend(dir);
    await new Client(h).call('app.unlock', { passphrase: pass });
    const left = h.backend.raw.prepare('select request_id from requests').all() as { request_id: string }[];
    expect(left.map((r) => r.request_id)).not.toContain(id);
    expect(left.length).toBeGreaterThan(0);
  });

  it('is not ready while locked: only public channels answer, and they say why', async () => {
    h = await startBackend();
    const passphrase = await setUp(h);
    await h.close();
    h = await startBackend(h.dir);
    const c = new Client(h);
    expect(await c.fail('members.list', {})).toEqual({ code: 'BAD_STATE', messageKey: 'errors.app.notReady' });
    expect(await c.fail('auth.signIn', { username: 'boss', password: ownerAccount.password })).toEqual({
      code: 'BAD_STATE',
      messageKey: 'errors.app.notReady',
    });
    expect(await c.call('app.status', {})).toEqual({ state: 'locked', now: expect.any(String) });
    await c.call('app.unlock', { passphrase });
    await signedIn(h, ownerAccount.username, ownerAccount.password);
  });

  it('runs each call in one transaction: a failure late in the call leaves nothing behind', async () => {
    const owner = await ready();
    const before = { audit: count('audit_log'), requests: count('requests') };
    // A temporary trigger lives in memory only: it makes the last write of a registration fail.
    h.backend.raw
      .prepare(
        "create temp trigger fail_member_audit before insert on audit_log when new.action = 'members.registered' begin select raise(abort, 'audit write failed'); end",
      )
      .run();
    const id = randomUUID();
    const e = await owner.fail('members.register', { phone: '13800138000', name: '王小明' }, id);
    expect(e).toEqual({ code: 'INTERNAL', messageKey: 'errors.internal', requestId: id });
    expect(JSON.stringify(e)).not.toContain('audit write failed');
    expect(count('members')).toBe(0);
    expect(count('member_name_grams')).toBe(0);
    expect(count('counters')).toBe(0);
    expect(count('audit_log')).toBe(before.audit);
    expect(count('requests')).toBe(before.requests);
    const logged = silentLog.lines.filter((l) => l.event === 'dispatch.unexpected' && l.details?.requestId === id);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.details?.channel).toBe('members.register');

    // The same request id, retried once the fault is gone, registers the member once.
    h.backend.raw.prepare('drop trigger fail_member_audit').run();
    const m = await owner.call('members.register', { phone: '13800138000', name: '王小明' }, id);
    expect(m.memberNo).toBe('M000001');
    expect(count('members')).toBe(1);
  });

  it('never lets the log carry the passphrase, a password or a phone number', async () => {
    silentLog.lines.length = 0;
    h = await startBackend();
    const passphrase = await setUp(h);
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    await owner.call('members.register', { phone: '13800138000' });
    await new Client(h).fail('auth.signIn', { username: 'boss', password: 'wrong-pass-1' });
    await h.close();
    h = await startBackend(h.dir);
    await new Client(h).fail('app.unlock', { passphrase: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' });
    await new Client(h).call('app.unlock', { passphrase });
    const text = JSON.stringify(silentLog.lines);
    expect(silentLog.lines.length).toBeGreaterThan(0);
    for (const secret of [
      passphrase,
      passphrase.replace(/-/g, ''),
      'AAAA-BBBB',
      ownerAccount.password,
      'wrong-pass-1',
      '13800138000',
    ])
      expect(text).not.toContain(secret);
  });
});
