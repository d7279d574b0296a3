import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels, isChannelName, requestIdPattern, uploadChannels } from '../../shared/contract/index.js';
import { registerMemberInput } from '../../shared/contract/members.js';
import { settingsInput } from '../../shared/contract/settings.js';
import { permissions } from '../../shared/permissions.js';
import { handlers } from '../../electron/handlers.js';
import { validationError } from '../../electron/validation.js';

const channelNames = Object.keys(channels).sort();

/** Parses the way dispatch does, so validationError sees what it sees in production. */
function errorsOf(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return validationError(r.error);
}

describe('the channel table', () => {
  it('has a handler for every channel and a channel for every handler', () => {
    expect(Object.keys(handlers).sort()).toEqual(channelNames);
    for (const name of channelNames) expect(typeof handlers[name as keyof typeof handlers]).toBe('function');
  });

  it('gives every channel a known access level', () => {
    const allowed = new Set<string>(['public', 'session', ...permissions]);
    for (const [name, def] of Object.entries(channels)) expect(allowed.has(def.access), name).toBe(true);
  });

  it('keeps the public surface to status, setup, unlock, sign-in and restoring at start', () => {
    const open = channelNames.filter((n) => channels[n as keyof typeof channels].access === 'public');
    expect(open).toEqual([
      'app.status',
      'app.unlock',
      'auth.pinUsers',
      'auth.resetOwnerPassword',
      'auth.signIn',
      'auth.signInPin',
      'backups.restoreAtStart',
      'setup.begin',
      'setup.complete',
    ]);
  });

  it('rate-limits every channel that checks a secret', () => {
    for (const name of [
      'app.unlock',
      'backups.restore',
      'backups.restoreAtStart',
      'auth.signIn',
      'auth.signInPin',
      'auth.resetOwnerPassword',
      'auth.changePassword',
      'auth.setPin',
      'key.changePassphrase',
    ] as const)
      expect(channels[name].rateLimited, name).toBe(true);
  });

  it('needs a request id on every channel except reads and the few that cannot store a result', () => {
    // Reads change nothing. Setup and unlock run before there is a database to store a result in;
    // a repeated sign-in or sign-out just opens or closes a session; the two "prepare"/"acknowledge"
    // calls only touch memory. Every other channel — including any added later — must be idempotent.
    const exempt = new Set([
      'app.status',
      'auth.me',
      'auth.pinUsers',
      'settings.get',
      'audit.list',
      'staff.list',
      'tags.list',
      'members.get',
      'members.list',
      'members.search',
      'members.timeline',
      'duplicates.list',
      'purchases.list',
      'purchases.habits',
      'points.get',
      'points.ledger',
      'points.rules',
      'points.expiring',
      'points.report',
      'activities.list',
      'draws.config',
      'draws.memberStatus',
      'draws.list',
      'leaderboard.get',
      'rewards.list',
      'rewards.offers',
      'rewards.redemptions',
      'rewards.lookupCode',
      'tiers.config',
      'tiers.member',
      'tiers.atRisk',
      'tiers.changes',
      'tiers.history',
      'tiers.distribution',
      'followups.list',
      'surveys.list',
      'surveys.members',
      'complaints.report',
      'complaints.config',
      'complaints.list',
      'complaints.get',
      'wallet.config',
      'wallet.summary',
      'wallet.ledger',
      'wallet.shift',
      'wallet.dayClose',
      'wallet.closes',
      'wallet.report',
      'visitcards.products',
      'visitcards.list',
      'visitcards.uses',
      'visitcards.expiring',
      'staff.openWork',
      'staff.assignees',
      'backups.status',
      'backups.listFolder',
      // Outside a transaction (VACUUM INTO, replacing the database): nothing to store a result in.
      'backups.create',
      'backups.restore',
      'backups.restoreAtStart',
      'support.downloadLog',
      'io.batches',
      'io.mappings',
      'io.errorReport',
      // Hands over a finished export's file once; it changes nothing (the export was audited when written).
      'io.downloadExport',
      'jobs.get',
      // A repeat stages the file again, previews again or asks a stopping job to stop again:
      // nothing in the database to apply twice.
      'io.stageFile',
      'io.previewImport',
      'jobs.cancel',
      'setup.begin',
      'setup.complete',
      'app.unlock',
      'auth.signIn',
      'auth.signInPin',
      'auth.signOut',
      'app.acknowledgeDevice',
      'key.preparePassphrase',
    ]);
    for (const name of channelNames) {
      const def = channels[name as keyof typeof channels];
      expect(def.idempotent, name).toBe(!exempt.has(name));
    }
  });

  it('names exactly the channels that bring a file as upload channels', () => {
    const uploads = channelNames.filter((n) => channels[n as keyof typeof channels].file === 'upload');
    expect(uploads).toEqual([...uploadChannels]);
  });

  it('restricts owner-only work to permissions a clerk does not have', () => {
    expect(channels['staff.create'].access).toBe('staff.manage');
    expect(channels['settings.update'].access).toBe('settings.manage');
    expect(channels['clock.confirm'].access).toBe('clock.confirm');
    expect(channels['key.changePassphrase'].access).toBe('key.manage');
  });

  it('recognises only its own channel names', () => {
    expect(isChannelName('members.register')).toBe(true);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
    expect(isChannelName('members.delete')).toBe(false);
  });

  it('accepts uuids as request ids and refuses odd ones', () => {
    expect(requestIdPattern.test('7f1c2b9e-2a44-4f0e-9d39-3a1d4d0d8c11')).toBe(true);
    expect(requestIdPattern.test('short')).toBe(false);
    expect(requestIdPattern.test('has space in it')).toBe(false);
    expect(requestIdPattern.test('x'.repeat(65))).toBe(false);
  });
});

describe('input schemas speak in i18n keys', () => {
  it('fills registration defaults', () => {
    expect(registerMemberInput.parse({ phone: ' 138 0013 8000 ' })).toEqual({
      phone: '138 0013 8000',
      phoneKind: 'mobile',
      name: '',
      gender: 'unspecified',
      birthday: null,
      source: 'in_store',
      lunarBirthday: null,
      occupation: '',
      phone2: '',
      email: '',
      wechat: '',
      address: '',
      notes: '',
      referrerId: null,
      joinedOn: null,
      consents: [],
    });
  });

  it('names the field and the key for each bad registration value', () => {
    const e = errorsOf(registerMemberInput, {
      phone: '',
      phoneKind: 'fax',
      name: '王'.repeat(41),
      gender: 'x',
      birthday: '2023-02-29',
      source: 'street',
      consents: ['fax'],
      email: 'not-an-email',
      wechat: '1a',
      lunarBirthday: '13-01',
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.messageKey).toBe('errors.validation');
    expect(e.fields).toEqual({
      phone: { messageKey: 'errors.required', params: { limit: 1 } },
      phoneKind: { messageKey: 'errors.choice' },
      name: { messageKey: 'errors.tooLong', params: { limit: 40 } },
      gender: { messageKey: 'errors.choice' },
      birthday: { messageKey: 'errors.date' },
      source: { messageKey: 'errors.choice' },
      'consents.0': { messageKey: 'errors.choice' },
      email: { messageKey: 'errors.email' },
      wechat: { messageKey: 'errors.wechat' },
      lunarBirthday: { messageKey: 'errors.lunarBirthday' },
    });
  });

  it('tells a missing field from a value of the wrong type', () => {
    expect(errorsOf(registerMemberInput, {}).fields).toEqual({ phone: { messageKey: 'errors.required' } });
    expect(errorsOf(registerMemberInput, { phone: 13800138000 }).fields).toEqual({
      phone: { messageKey: 'errors.invalid' },
    });
  });

  it('refuses bad staff and sign-in input with keys', () => {
    const e = errorsOf(channels['staff.create'].input, {
      username: 'a b',
      displayName: '  ',
      role: 'boss',
      password: 'short',
    });
    expect(e.fields).toEqual({
      username: { messageKey: 'errors.username' },
      displayName: { messageKey: 'errors.required', params: { limit: 1 } },
      role: { messageKey: 'errors.choice' },
      password: { messageKey: 'errors.passwordTooShort', params: { limit: 8 } },
    });
    expect(errorsOf(channels['auth.signInPin'].input, { username: 'boss', pin: '12a4' }).fields).toEqual({
      pin: { messageKey: 'errors.pin' },
    });
    expect(
      errorsOf(channels['setup.complete'].input, {
        shopName: 'x',
        timeZone: 'Mars/Olympus',
        owner: { username: 'boss', displayName: 'B', password: 'long-enough' },
        passphraseConfirm: 'ABCD',
      }).fields,
    ).toEqual({ timeZone: { messageKey: 'errors.timeZone' } });
  });

  it('maps nested fields by their dotted path', () => {
    const e = errorsOf(channels['setup.complete'].input, {
      shopName: 'x',
      timeZone: 'Asia/Shanghai',
      owner: { username: 'boss', displayName: 'B', password: '1' },
      passphraseConfirm: 'ABCD',
    });
    expect(e.fields).toEqual({ 'owner.password': { messageKey: 'errors.passwordTooShort', params: { limit: 8 } } });
  });

  it('lower-cases and trims user names', () => {
    expect(channels['auth.signIn'].input.parse({ username: '  XiaoLi ', password: 'p' })).toEqual({
      username: 'xiaoli',
      password: 'p',
    });
  });

  it('keeps settings inside their ranges', () => {
    const e = errorsOf(settingsInput, {
      shopName: 'x',
      timeZone: 'UTC',
      dayStartHour: 7,
      memberNoPrefix: 'TOO-LONG',
      idleLockMinutes: 0,
      reconfirmMonths: 61,
    });
    expect(e.fields).toEqual({
      dayStartHour: { messageKey: 'errors.range', params: { limit: 6 } },
      memberNoPrefix: { messageKey: 'errors.memberNoPrefix' },
      idleLockMinutes: { messageKey: 'errors.range', params: { limit: 1 } },
      reconfirmMonths: { messageKey: 'errors.range', params: { limit: 60 } },
    });
  });

  it('only ever produces keys under errors.', () => {
    const samples: [z.ZodType, unknown][] = [
      [registerMemberInput, { phone: null, birthday: 5, gender: 1 }],
      [channels['members.search'].input, { q: 'x'.repeat(41), limit: 0 }],
      [channels['members.list'].input, { page: 0, pageSize: 1000 }],
      [channels['staff.update'].input, { staffId: -1, displayName: '', role: null }],
      [channels['auth.setPin'].input, { currentPassword: '', pin: '1' }],
      [channels['app.unlock'].input, { passphrase: 'x'.repeat(201) }],
    ];
    for (const [schema, input] of samples) {
      const e = errorsOf(schema, input);
      expect(Object.keys(e.fields ?? {}).length).toBeGreaterThan(0);
      for (const f of Object.values(e.fields ?? {})) expect(f.messageKey).toMatch(/^errors\./);
    }
  });

  it('reports one message per field, the first', () => {
    const e = errorsOf(channels['staff.create'].input, { username: 'ok_name', displayName: 'x', role: 'clerk' });
    expect(Object.keys(e.fields ?? {})).toEqual(['password']);
    expect(e.fields?.password).toEqual({ messageKey: 'errors.required' });
  });
});
