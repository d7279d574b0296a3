import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addStaff,
  auditRows,
  Client,
  ownerAccount,
  removeDir,
  setUp,
  signedIn,
  startBackend,
  type Harness,
} from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
  removeDir(h.dir);
});

/** Owner set up, a clerk created and signed in. */
async function ready(at?: string) {
  h = await startBackend();
  await setUp(h);
  if (at) h.clock.set(at);
  const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
  const info = await addStaff(owner, 'xiaoli', 'clerk');
  const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
  return { owner, clerk, clerkId: info.id };
}

const memberCount = () => (h.backend.raw.prepare('select count(*) as n from members').get() as { n: number }).n;

describe('registering a member', () => {
  it('stores the phone in E.164, numbers the member and records who and when', async () => {
    const { clerk, clerkId } = await ready();
    const m = await clerk.call('members.register', {
      phone: '１３８－００１３－８０００',
      name: ' 王女士 ',
      gender: 'female',
      birthday: '1990-05-20',
      source: 'referral',
      consents: ['sms', 'wechat'],
    });
    const at = '2026-03-01T02:00:00.000Z';
    const yes = { granted: true, at, by: 'xiaoli' };
    const no = { granted: false, at, by: 'xiaoli' };
    expect(m).toMatchObject({
      id: m.id,
      memberNo: 'M000001',
      name: '王女士',
      phone: '138 0013 8000',
      phoneKind: 'mobile',
      gender: 'female',
      birthday: '1990-05-20',
      source: 'referral',
      consents: { sms: yes, call: no, wechat: yes, email: no },
      createdAt: '2026-03-01T02:00:00.000Z',
      joinedOn: '2026-03-01',
      verifiedAt: at,
      needsReconfirm: false,
      age: 35,
      tags: [],
      cards: [],
      archived: false,
      createdDay: '2026-03-01',
      createdBy: { id: clerkId, displayName: 'xiaoli' },
    });
    const row = h.backend.raw.prepare('select * from members where id = ?').get(m.id) as Record<string, unknown>;
    expect(row).toMatchObject({
      phone: '+8613800138000',
      phone_kind: 'mobile',
      phone_rev: '0008310083168',
      created_by: clerkId,
      created_day: '2026-03-01',
    });
    expect(auditRows(h, 'members.registered')).toMatchObject([{ staff_id: clerkId, details: { memberId: m.id } }]);
    expect(await clerk.call('members.get', { id: m.id })).toEqual(m);
  });

  it('registers with only a phone number', async () => {
    const { clerk } = await ready();
    const m = await clerk.call('members.register', { phone: '13900139000' });
    expect(m).toMatchObject({
      name: '',
      gender: 'unspecified',
      birthday: null,
      source: 'in_store',
      email: null,
      wechat: null,
      lunarBirthday: null,
    });
    expect(Object.values(m.consents).every((c) => c?.granted === false)).toBe(true);
  });

  it('counts member numbers up with the shop prefix', async () => {
    const { clerk } = await ready();
    const nos = [];
    for (const phone of ['13800000001', '13800000002', '13800000003'])
      nos.push((await clerk.call('members.register', { phone })).memberNo);
    expect(nos).toEqual(['M000001', 'M000002', 'M000003']);
  });

  it('accepts landlines and international numbers when marked as such', async () => {
    const { owner } = await ready();
    const land = await owner.call('members.register', { phone: '010-12345678', phoneKind: 'landline' });
    expect(land).toMatchObject({ phone: '010-1234 5678', phoneKind: 'landline' });
    const hk = await owner.call('members.register', { phone: '+852 9123 4567', phoneKind: 'intl' });
    expect(hk).toMatchObject({ phone: '+85291234567', phoneKind: 'intl' });
    const e = await owner.fail('members.register', { phone: '852 9123 4567', phoneKind: 'intl' });
    expect(e.fields?.phone?.messageKey).toBe('errors.phone.needsCountryCode');
  });

  it('stores the business day in the shop’s time zone', async () => {
    const { clerk, clerkId } = await ready('2026-03-01T17:00:00Z');
    const m = await clerk.call('members.register', { phone: '13800138000' });
    expect(m.createdDay).toBe('2026-03-02');
    expect(h.backend.raw.prepare('select created_day, created_by from members').get()).toEqual({
      created_day: '2026-03-02',
      created_by: clerkId,
    });
  });

  it('books the small hours on the previous day when the shop opens past midnight', async () => {
    const { owner } = await ready('2026-03-01T17:30:00Z');
    const settings = await owner.call('settings.get', {});
    await owner.call('settings.update', { ...settings, dayStartHour: 4 });
    expect((await owner.call('members.register', { phone: '13800138000' })).createdDay).toBe('2026-03-01');
  });

  it('refuses a bad phone with the reason on the phone field and creates nothing', async () => {
    const { clerk } = await ready();
    const e = await clerk.fail('members.register', { phone: '12800138000', name: '张三' });
    expect(e).toEqual({
      code: 'VALIDATION',
      messageKey: 'errors.validation',
      fields: { phone: { messageKey: 'errors.phone.invalidMobile' } },
    });
    expect((await clerk.fail('members.register', { phone: '1.38E+10' })).fields?.phone?.messageKey).toBe(
      'errors.phone.badCharacters',
    );
    expect((await clerk.fail('members.register', { phone: '' })).fields?.phone?.messageKey).toBe('errors.required');
    expect(memberCount()).toBe(0);
    expect(auditRows(h, 'members.registered')).toHaveLength(0);
  });

  it('refuses a birthday in the future and an impossible date, accepts today', async () => {
    const { clerk } = await ready();
    const future = await clerk.fail('members.register', { phone: '13800138000', birthday: '2026-03-02' });
    expect(future.fields).toEqual({ birthday: { messageKey: 'errors.member.birthdayInFuture' } });
    const impossible = await clerk.fail('members.register', { phone: '13800138000', birthday: '2023-02-29' });
    expect(impossible.fields).toEqual({ birthday: { messageKey: 'errors.date' } });
    expect(memberCount()).toBe(0);
    expect((await clerk.call('members.register', { phone: '13800138000', birthday: '2026-03-01' })).birthday).toBe(
      '2026-03-01',
    );
  });

  it('refuses a phone that already belongs to someone, however it is typed, and names them', async () => {
    const { owner, clerk } = await ready();
    const first = await owner.call('members.register', { phone: '13800138000', name: '王女士' });
    for (const typed of ['+86 138-0013-8000', '8613800138000', '１３８００１３８０００']) {
      const e = await clerk.fail('members.register', { phone: typed, name: '王先生' });
      expect(e).toMatchObject({
        code: 'CONFLICT',
        messageKey: 'errors.member.phoneTaken',
        fields: { phone: { messageKey: 'errors.member.phoneTaken' } },
        details: { member: { id: first.id, memberNo: 'M000001', name: '王女士', phone: '138****8000' } },
      });
    }
    expect(memberCount()).toBe(1);
    // The refused attempts did not use up member numbers.
    expect((await clerk.call('members.register', { phone: '13900139000' })).memberNo).toBe('M000002');
    // The owner sees the full number of the member who has it.
    const e = await owner.fail('members.register', { phone: '+86 138-0013-8000' });
    expect((e.details?.member as { phone: string }).phone).toBe('138 0013 8000');
  });

  it('treats a +86 number marked international as the mainland number it is', async () => {
    const { owner } = await ready();
    await owner.call('members.register', { phone: '13800138000' });
    const e = await owner.fail('members.register', { phone: '+86 138 0013 8000', phoneKind: 'intl' });
    expect(e.code).toBe('CONFLICT');
  });

  it('registers once for a repeated request id, whoever repeats it', async () => {
    const { clerk } = await ready();
    const id = randomUUID();
    const a = await clerk.call('members.register', { phone: '13800138000', name: '王女士' }, id);
    const b = await clerk.call('members.register', { phone: '13800138000', name: '王女士' }, id);
    expect(b).toEqual(a);
    expect(memberCount()).toBe(1);
    expect(auditRows(h, 'members.registered')).toHaveLength(1);
    const e = await clerk.fail('members.register', { phone: '13800138000', name: '王先生' }, id);
    expect(e).toEqual({ code: 'IDEMPOTENCY_CONFLICT', messageKey: 'errors.idempotencyConflict' });
  });

  it('answers NOT_FOUND for a member that does not exist', async () => {
    const { clerk } = await ready();
    expect(await clerk.fail('members.get', { id: 42 })).toEqual({
      code: 'NOT_FOUND',
      messageKey: 'errors.member.notFound',
    });
  });
});

describe('counter search', () => {
  async function withMembers() {
    const r = await ready();
    const wang = await r.owner.call('members.register', { phone: '13800138000', name: '王小明' });
    const li = await r.owner.call('members.register', { phone: '13912348000', name: '李明' });
    const zhang = await r.owner.call('members.register', { phone: '13700001234', name: '张伟' });
    return { ...r, wang, li, zhang };
  }
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

  it('finds by the full phone, however it is typed', async () => {
    const { owner, wang } = await withMembers();
    for (const q of ['13800138000', '138 0013 8000', '+86 138 0013 8000', '8613800138000', '１３８００１３８０００'])
      expect(ids(await owner.call('members.search', { q })), q).toEqual([wang.id]);
  });

  it('finds by the last four or six digits, newest first', async () => {
    const { owner, wang, li, zhang } = await withMembers();
    expect(ids(await owner.call('members.search', { q: '8000' }))).toEqual([li.id, wang.id]);
    expect(ids(await owner.call('members.search', { q: '138000' }))).toEqual([wang.id]);
    expect(ids(await owner.call('members.search', { q: '348000' }))).toEqual([li.id]);
    expect(ids(await owner.call('members.search', { q: '1234' }))).toEqual([zhang.id]);
    expect(await owner.call('members.search', { q: '5555' })).toEqual([]);
  });

  it('does not match digits in the middle of a number', async () => {
    const { owner } = await withMembers();
    expect(await owner.call('members.search', { q: '0013' })).toEqual([]);
  });

  it('finds by a one-, two- or three-character name fragment', async () => {
    const { owner, wang, li, zhang } = await withMembers();
    expect(ids(await owner.call('members.search', { q: '明' }))).toEqual([li.id, wang.id]);
    expect(ids(await owner.call('members.search', { q: '王' }))).toEqual([wang.id]);
    expect(ids(await owner.call('members.search', { q: '小明' }))).toEqual([wang.id]);
    expect(ids(await owner.call('members.search', { q: '李明' }))).toEqual([li.id]);
    expect(ids(await owner.call('members.search', { q: '王小明' }))).toEqual([wang.id]);
    expect(ids(await owner.call('members.search', { q: '张伟' }))).toEqual([zhang.id]);
    expect(await owner.call('members.search', { q: '王明' })).toEqual([]);
    expect(await owner.call('members.search', { q: '王小红' })).toEqual([]);
  });

  it('matches Latin names without regard to case or spaces', async () => {
    const { owner } = await ready();
    const anna = await owner.call('members.register', { phone: '13800138000', name: 'Anna Li' });
    for (const q of ['anna', 'ANNA', 'na l', 'nali', 'anna li', 'Anna Li', 'li'])
      expect(ids(await owner.call('members.search', { q })), q).toEqual([anna.id]);
    // An ideographic space typed by a Chinese input method is a space too.
    const ou = await owner.call('members.register', { phone: '13900139000', name: '欧阳\u3000娜娜' });
    for (const q of ['欧阳娜娜', '阳娜娜', '欧阳 娜'])
      expect(ids(await owner.call('members.search', { q })), q).toEqual([ou.id]);
  });

  it('finds by member number', async () => {
    const { owner, li } = await withMembers();
    expect(ids(await owner.call('members.search', { q: 'M000002' }))).toEqual([li.id]);
    expect(ids(await owner.call('members.search', { q: 'm000002' }))).toEqual([li.id]);
  });

  it('finds a landline by the number as it is shown and by its tail', async () => {
    const { owner } = await ready();
    const land = await owner.call('members.register', { phone: '010-12345678', phoneKind: 'landline' });
    for (const q of [land.phone, '010-12345678', '5678', '12345678'])
      expect(ids(await owner.call('members.search', { q })), q).toEqual([land.id]);
  });

  it('finds an international number by its full E.164 and its tail', async () => {
    const { owner } = await ready();
    const hk = await owner.call('members.register', { phone: '+852 9123 4567', phoneKind: 'intl' });
    for (const q of ['+852 9123 4567', '+85291234567', '4567', '91234567'])
      expect(ids(await owner.call('members.search', { q })), q).toEqual([hk.id]);
  });

  it('returns nothing for an empty query and honours the limit', async () => {
    const { owner } = await withMembers();
    expect(await owner.call('members.search', { q: '   ' })).toEqual([]);
    expect(await owner.call('members.search', { q: '8000', limit: 1 })).toHaveLength(1);
  });

  it('lists members newest first, a page at a time, with the total', async () => {
    const { clerk, wang, li, zhang } = await withMembers();
    const page1 = await clerk.call('members.list', { page: 1, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(ids(page1.rows)).toEqual([zhang.id, li.id]);
    const page2 = await clerk.call('members.list', { page: 2, pageSize: 2 });
    expect(ids(page2.rows)).toEqual([wang.id]);
  });

  it('is for signed-in staff only', async () => {
    await withMembers();
    expect((await new Client(h).fail('members.search', { q: '8000' })).code).toBe('UNAUTHENTICATED');
  });
});
