import { afterEach, describe, expect, it } from 'vitest';
import { auditRows, closeShops } from './harness.js';
import { newMember, setDay } from './pointsHelpers.js';
import { sale } from './tiersHelpers.js';
import {
  category,
  complaintIn,
  complaintsShop,
  count,
  logFor,
  signInAgain,
  stepRows,
  walkIn,
} from './complaintsHelpers.js';

afterEach(closeShops);

// The shop clock starts at 2026-03-01 10:00 Beijing time (02:00 UTC); the shop day starts at midnight.
describe('complaints: intake', () => {
  it('logs a member’s complaint with its due times, a log step, a timeline event and an audit row', async () => {
    const { h, manager, clerk, ids } = await complaintsShop();
    const m = await manager.call('members.register', { phone: '13812345678', name: '王女士' });
    const { purchase } = await manager.call('purchases.record', { ...sale(m.id, 88_00), receiptNo: 'R-001' });
    const quality = await category(clerk);
    const c = await logFor(clerk, m.id, { purchaseId: purchase.id, channel: 'phone', description: '酸奶胀袋' });
    expect(c).toMatchObject({
      memberId: m.id,
      memberName: '王女士',
      // The complaint page shows the whole number to a clerk too, like the member page.
      phone: '138 1234 5678',
      channel: 'phone',
      category: { id: quality, key: 'quality', name: null, active: true },
      severity: 'normal',
      priority: 0,
      status: 'new',
      assigneeId: null,
      description: '酸奶胀袋',
      loggedAt: '2026-03-01T02:00:00.000Z',
      // 24 hours to answer; three shop days to resolve, by the end of 4 March.
      firstResponseDue: '2026-03-02T02:00:00.000Z',
      resolutionDue: '2026-03-04T16:00:00.000Z',
      overdue: false,
      purchaseId: purchase.id,
      purchaseReceipt: 'R-001',
      compensation: null,
      csat: null,
      loggedByName: 'xiaoli',
      limitFen: 5000,
    });
    expect(c.steps).toMatchObject([{ action: 'log', fromStatus: null, toStatus: 'new', staffName: 'xiaoli' }]);
    expect((await manager.call('complaints.get', { id: c.id })).phone).toBe('138 1234 5678');
    expect((await clerk.call('complaints.get', { id: c.id })).phone).toBe('138 1234 5678');
    expect((await clerk.call('complaints.list', { view: 'all' })).rows[0]!.phone).toBe('138****5678');
    const [event] = (await manager.call('members.timeline', { id: m.id })).rows;
    expect(event).toMatchObject({
      kind: 'complaintLogged',
      body: '酸奶胀袋',
      data: { complaintId: c.id, severity: 'normal', categoryId: quality },
    });
    expect(auditRows(h, 'complaints.logged')).toMatchObject([
      { staff_id: ids.clerk, details: { complaintId: c.id, memberId: m.id, severity: 'normal', priority: 0 } },
    ]);
    expect(JSON.stringify(auditRows(h))).not.toContain('酸奶胀袋');
  });

  it('takes a walk-in complaint: a name and a phone, no member, nothing on any timeline', async () => {
    const { h, manager, clerk } = await complaintsShop();
    const c = await logFor(clerk, null, walkIn({ severity: 'urgent' }));
    // A walk-in has no member page: the complaint page gives every role the number to call back.
    expect(c).toMatchObject({ memberId: null, memberName: '路人甲', phone: '137 0013 7000', priority: 0 });
    // Urgent: one hour to answer, resolved by the end of the shop day it came in.
    expect(c.firstResponseDue).toBe('2026-03-01T03:00:00.000Z');
    expect(c.resolutionDue).toBe('2026-03-01T16:00:00.000Z');
    expect((await manager.call('complaints.get', { id: c.id })).phone).toBe('137 0013 7000');
    expect((await clerk.call('complaints.get', { id: c.id })).phone).toBe('137 0013 7000');
    expect((await clerk.call('complaints.list', { view: 'all' })).rows[0]!.phone).toBe('137****7000');
    expect(count(h, 'select count(*) as n from member_events')).toBe(0);
    const missing = await clerk.fail('complaints.log', {
      memberId: null,
      channel: 'store',
      categoryId: await category(clerk),
      severity: 'low',
      description: '没人理',
    });
    expect(Object.keys(missing.fields ?? {}).sort()).toEqual(['contactName', 'contactPhone']);
  });

  it('refuses bad input as field errors and writes nothing', async () => {
    const { h, owner, manager, clerk, ids } = await complaintsShop();
    const m = await newMember(manager);
    const other = await newMember(manager);
    const { purchase } = await manager.call('purchases.record', sale(other, 10_00));
    const cats = (await owner.call('complaints.config', {})).categories;
    await owner.call('complaints.saveCategories', {
      categories: cats.map((c) => ({ id: c.id, name: c.name ?? '', active: c.key !== 'price' })),
    });
    const before = [count(h, 'select count(*) as n from complaints'), auditRows(h).length];
    const cases: [Parameters<typeof logFor>[2], number | null, string, string][] = [
      [{ categoryId: 999 }, m, 'categoryId', 'errors.complaints.categoryNotFound'],
      [{ categoryId: cats.find((c) => c.key === 'price')!.id }, m, 'categoryId', 'errors.complaints.categoryRetired'],
      [{ purchaseId: purchase.id }, m, 'purchaseId', 'errors.complaints.purchaseNotMembers'],
      [{ purchaseId: 999 }, m, 'purchaseId', 'errors.complaints.purchaseNotMembers'],
      [{ ...walkIn(), purchaseId: purchase.id }, null, 'purchaseId', 'errors.complaints.purchaseNotMembers'],
      [{ assigneeId: 999 }, m, 'assigneeId', 'errors.complaints.assigneeNotFound'],
    ];
    for (const [extra, memberId, field, key] of cases) {
      const e = await clerk.fail('complaints.log', {
        memberId,
        channel: 'store',
        categoryId: await category(clerk),
        severity: 'normal',
        description: '坏了',
        ...extra,
      });
      expect(e.fields?.[field]?.messageKey, key).toBe(key);
    }
    // A clerk may take a new complaint at intake, not hand it to someone else.
    const forbidden = await clerk.fail('complaints.log', {
      memberId: m,
      channel: 'store',
      categoryId: await category(clerk),
      severity: 'normal',
      description: '坏了',
      assigneeId: ids.clerk2,
    });
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.complaints.assignNeedsManager' });
    expect((await clerk.fail('complaints.log', { ...(await base(clerk)), memberId: 999 })).code).toBe('NOT_FOUND');
    expect([count(h, 'select count(*) as n from complaints'), auditRows(h).length]).toEqual(before);

    const taken = await logFor(clerk, m, { assigneeId: ids.clerk });
    expect(taken).toMatchObject({ status: 'assigned', assigneeId: ids.clerk, assigneeName: 'xiaoli' });
    expect(stepRows(h, taken.id)).toMatchObject([
      { action: 'log', from_status: null, to_status: 'new' },
      { action: 'assign', from_status: 'new', to_status: 'assigned', assignee_id: ids.clerk },
    ]);
  });

  it('a gold member’s tier priority shortens both targets; the walk-in keeps the full ones', async () => {
    const { manager } = await complaintsShop();
    const gold = await newMember(manager);
    await manager.call('purchases.record', sale(gold, 5000_00));
    expect((await manager.call('tiers.member', { memberId: gold })).tier).toMatchObject({ complaintPriority: 2 });
    const base = await logFor(manager, await newMember(manager));
    const fast = await logFor(manager, gold);
    expect(fast.priority).toBe(2);
    // Twice 25% off: 12 hours instead of 24, and 1.5 shop days rounded down to 1 instead of 3.
    expect(fast.firstResponseDue).toBe('2026-03-01T14:00:00.000Z');
    expect(fast.resolutionDue).toBe('2026-03-02T16:00:00.000Z');
    expect(fast.firstResponseDue < base.firstResponseDue).toBe(true);
    expect(fast.resolutionDue < base.resolutionDue).toBe(true);
    // High (one day) cut in half would be due the same day: a cut target keeps at least one day.
    const high = await logFor(manager, gold, { severity: 'high' });
    expect(high.firstResponseDue).toBe('2026-03-01T04:00:00.000Z');
    expect(high.resolutionDue).toBe('2026-03-02T16:00:00.000Z');
    // Urgent is the same day by its own target, and stays so.
    expect((await logFor(manager, gold, { severity: 'urgent' })).resolutionDue).toBe('2026-03-01T16:00:00.000Z');
  });
});

async function base(c: Parameters<typeof category>[0]) {
  return {
    memberId: null,
    channel: 'store' as const,
    categoryId: await category(c),
    severity: 'normal' as const,
    description: 'x',
  };
}

describe('complaints: the lists', () => {
  it('open views put the soonest due first, overdue lists what is late, all is newest first', async () => {
    const { h, manager, ids } = await complaintsShop();
    const m = await newMember(manager);
    const a = (await logFor(manager, m, { severity: 'urgent' })).id;
    const b = (await logFor(manager, m, { assigneeId: ids.clerk })).id;
    const c = await complaintIn(manager, m, 'closed', ids.manager);
    const d = await complaintIn(manager, m, 'inProgress', ids.manager);
    const list = async (view: 'open' | 'mine' | 'overdue' | 'all', who = manager, extra = {}) =>
      (await who.call('complaints.list', { view, ...extra })).rows.map((r) => r.id);
    // a: answer by 11:00; b: answer by tomorrow 10:00; d (answered): resolve by the end of 4 March.
    expect(await list('open')).toEqual([a, b, d]);
    expect(await list('overdue')).toEqual([]);
    expect(await list('all')).toEqual([d, c, b, a]);
    expect((await manager.call('complaints.list', { view: 'all' })).total).toBe(4);
    expect(await list('all', manager, { status: 'closed' })).toEqual([c]);
    expect(await list('open', manager, { severity: 'urgent' })).toEqual([a]);
    expect(await list('all', manager, { memberId: await newMember(manager) })).toEqual([]);
    expect(await list('all', manager, { categoryId: await category(manager, 'price') })).toEqual([]);

    h.clock.advance(2 * 3_600_000);
    const s = await signInAgain(h);
    expect(await list('mine', s.clerk)).toEqual([b]);
    const late = await s.clerk.call('complaints.list', { view: 'overdue' });
    expect(late.rows.map((r) => [r.id, r.overdue])).toEqual([[a, true]]);
    expect((await s.clerk.call('complaints.list', { view: 'open' })).rows.map((r) => r.overdue)).toEqual([
      true,
      false,
      false,
    ]);
    // Phones in the list are masked for a clerk.
    expect(late.rows[0]!.phone).toMatch(/^139\*{4}\d{4}$/);

    // On 5 March d has missed its resolution too; b never got its first response.
    const o = await setDay(h, '2026-03-05');
    expect(await list('overdue', o)).toEqual([a, b, d]);
    expect((await o.call('complaints.list', { view: 'overdue', pageSize: 2 })).total).toBe(3);
  });
});

describe('complaints: waiting to be closed', () => {
  it('toClose lists the resolved ones, the longest waiting first, until closed or reopened', async () => {
    const { h, manager, ids } = await complaintsShop();
    const m = await newMember(manager);
    const resolveNow = async (id: number) =>
      manager.call('complaints.resolve', { id, resolution: '已处理', compensation: { kind: 'apology' } });
    // Logged in this order, resolved in the other: the order is by when each was resolved.
    const first = await complaintIn(manager, m, 'inProgress', ids.manager);
    const second = await complaintIn(manager, m, 'inProgress', ids.manager);
    const third = await complaintIn(manager, m, 'inProgress', ids.manager);
    await complaintIn(manager, m, 'closed', ids.manager);
    await complaintIn(manager, m, 'assigned', ids.manager);
    h.clock.advance(60_000);
    await resolveNow(third);
    h.clock.advance(60_000);
    await resolveNow(first);
    h.clock.advance(60_000);
    await resolveNow(second);
    const toClose = async () => (await manager.call('complaints.list', { view: 'toClose' })).rows.map((r) => r.id);
    expect(await toClose()).toEqual([third, first, second]);
    expect((await manager.call('complaints.list', { view: 'toClose' })).total).toBe(3);
    // Not among the open ones: nothing is left to do but close.
    expect((await manager.call('complaints.list', { view: 'open' })).rows.map((r) => r.status)).toEqual(['assigned']);
    await manager.call('complaints.close', { id: third, note: '', csat: null });
    await manager.call('complaints.reopen', { id: first, note: '又坏了' });
    expect(await toClose()).toEqual([second]);
  });
});

describe('complaints: settings and categories', () => {
  it('saves settings whole, and audits them', async () => {
    const { h, owner, clerk } = await complaintsShop();
    const { settings } = await owner.call('complaints.config', {});
    expect(settings).toEqual({
      firstResponseHours: { low: 48, normal: 24, high: 4, urgent: 1 },
      resolutionDays: { low: 7, normal: 3, high: 1, urgent: 0 },
      priorityCutPct: 25,
      clerkLimitFen: 5000,
      managerLimitFen: 50000,
      reopenDays: 7,
      followupDays: 3,
    });
    const next = { ...settings, firstResponseHours: { ...settings.firstResponseHours, normal: 8 }, reopenDays: 3 };
    expect((await owner.call('complaints.saveSettings', next)).settings).toEqual(next);
    expect((await clerk.call('complaints.config', {})).settings).toEqual(next);
    expect((await clerk.fail('complaints.saveSettings', next)).code).toBe('FORBIDDEN');
    expect(auditRows(h, 'complaints.settingsSaved')).toMatchObject([{ details: next }]);
    // New complaints use the new target.
    expect((await logFor(clerk, await newMember(clerk))).firstResponseDue).toBe('2026-03-01T10:00:00.000Z');
  });

  it('renames, adds, orders and retires categories; a category in use keeps showing on its complaints', async () => {
    const { h, owner, manager } = await complaintsShop();
    const cats = (await owner.call('complaints.config', {})).categories;
    expect(cats.map((c) => [c.key, c.name, c.active])).toEqual(
      ['quality', 'attitude', 'price', 'returns', 'environment', 'other'].map((k) => [k, null, true]),
    );
    const byKey = (k: string) => cats.find((c) => c.key === k)!.id;
    const used = await logFor(manager, await newMember(manager), { categoryId: byKey('environment') });
    const saved = await owner.call('complaints.saveCategories', {
      categories: [
        { name: '停车', active: true },
        { id: byKey('quality'), name: '商品质量', active: true },
        { id: byKey('attitude'), name: '', active: true },
        { id: byKey('price'), name: '', active: true },
        { id: byKey('returns'), name: '', active: true },
        { id: byKey('environment'), name: '', active: false },
      ],
    });
    expect(saved.categories.map((c) => [c.key, c.name, c.active])).toEqual([
      [null, '停车', true],
      ['quality', '商品质量', true],
      ['attitude', null, true],
      ['price', null, true],
      ['returns', null, true],
      ['environment', null, false],
      // Left off the list: retired, not deleted.
      ['other', null, false],
    ]);
    expect(auditRows(h, 'complaints.categoriesSaved')).toMatchObject([{ details: { categories: saved.categories } }]);
    expect((await manager.call('complaints.get', { id: used.id })).category).toMatchObject({
      key: 'environment',
      active: false,
    });
    expect(count(h, 'select count(*) as n from complaint_categories')).toBe(7);

    const own = saved.categories[0]!.id;
    const e = await owner.fail('complaints.saveCategories', { categories: [{ id: own, name: '', active: true }] });
    expect(e.fields?.['categories.0.name']?.messageKey).toBe('errors.required');
    const unknown = await owner.fail('complaints.saveCategories', {
      categories: [{ id: 999, name: 'x', active: true }],
    });
    expect(unknown.fields?.['categories.0.id']?.messageKey).toBe('errors.complaints.categoryNotFound');
    const fresh = await owner.fail('complaints.saveCategories', { categories: [{ name: '', active: true }] });
    expect(fresh.code).toBe('VALIDATION');
    expect((await owner.call('complaints.config', {})).categories).toEqual(saved.categories);
  });
});
