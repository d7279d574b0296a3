import { afterEach, describe, expect, it } from 'vitest';
import { runDailyPoints } from '../../electron/services/points/daily.js';
import { lastSweep } from '../../electron/services/tiers/review.js';
import { addStaff, auditRows, closeShops, openShop, signedIn } from './harness.js';
import { expectLedgerConsistent, newMember, setDay, setRules } from './pointsHelpers.js';
import { editTiers, sale } from './tiersHelpers.js';

afterEach(closeShops);

// Default table: 普通会员 0 · 银卡会员 1000 (keep 500, ×1.1) · 金卡会员 5000 (keep 2500, ×1.2) · 钻石会员 20000.
describe('tiers: growth value and upgrades', () => {
  it('upgrades in the purchase itself, and the new multiplier applies from the next purchase', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const first = await owner.call('purchases.record', sale(m, 5000_00));
    // Earned at the tier held when buying: 50 points at 100%.
    expect(first.purchase.pointsEarned).toBe(50);
    expect(first.tier).toEqual({
      growthDelta: 5000,
      change: { kind: 'upgrade', from: '普通会员', to: '金卡会员', color: '#fab005' },
    });
    const second = await owner.call('purchases.record', sale(m, 1000_00));
    expect(second.purchase.pointsEarned).toBe(12);
    expect(second.tier.change).toBeNull();
    const tier = await owner.call('tiers.member', { memberId: m });
    expect(tier).toMatchObject({
      tier: { name: '金卡会员', multiplierPct: 120, discountPct: 95 },
      growth: 6000,
      next: { tier: { name: '钻石会员' }, missing: 14000 },
      // Today's growth leaves the window the day before the review (2026-03-02 … 2027-03-01).
      review: { on: '2027-03-01', retention: 2500, counted: 0, missing: 2500, dropsTo: { name: '普通会员' } },
      since: '2026-03-01',
      manual: null,
    });
    const timeline = await owner.call('members.timeline', { id: m });
    expect(timeline.rows.map((e) => e.kind)).toContain('tierChange');
    expectLedgerConsistent(h);
  });

  it('counts only what was paid in money: the points and coupon parts earn no growth', async () => {
    const { owner } = await openShop();
    const m = await newMember(owner);
    await owner.call('points.adjust', { memberId: m, points: 500, reason: '测试' });
    const r = await owner.call('purchases.record', { ...sale(m, 1200_00), pointsUsed: 100, couponFen: 50_00 });
    // ¥1,200 − ¥100 in points − ¥50 coupon = ¥1,050.
    expect(r.tier.growthDelta).toBe(1050);
    expect(r.tier.change?.to).toBe('银卡会员');
  });

  it('a full refund takes the growth back and reverts the upgrade; a partial one that keeps the threshold does not', async () => {
    const { owner } = await openShop();
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 600_00));
    const before = await owner.call('tiers.member', { memberId: m });
    const big = await owner.call('purchases.record', sale(m, 5000_00));
    expect(big.tier.change?.to).toBe('金卡会员');
    const part = await owner.call('purchases.refund', { purchaseId: big.purchase.id, amountFen: 500_00 });
    expect(part.tier).toEqual({ growthDelta: -500, change: null });
    const rest = await owner.call('purchases.refund', { purchaseId: big.purchase.id, amountFen: 4500_00 });
    expect(rest.tier).toMatchObject({ growthDelta: -4500, change: { kind: 'upgradeReverted', to: '普通会员' } });
    expect(await owner.call('tiers.member', { memberId: m })).toEqual(before);
  });

  it('activities earn growth only when the shop says so', async () => {
    const { owner } = await openShop();
    await editTiers(owner, (c) => (c.settings.activityGrowth = 1000));
    const m = await newMember(owner);
    const a = await owner.call('activities.save', { name: '品鉴会', day: '2026-03-01', points: 5, active: true });
    await owner.call('activities.attend', { activityId: a.id, memberId: m });
    expect(await owner.call('tiers.member', { memberId: m })).toMatchObject({
      growth: 1000,
      tier: { name: '银卡会员' },
    });
  });
});

describe('tiers: reviews (保级)', () => {
  it('drops at the review date when the window misses retention, keeps it when it reaches it', async () => {
    const { h, owner } = await openShop();
    const keep = await newMember(owner);
    const lose = await newMember(owner);
    await owner.call('purchases.record', sale(keep, 5000_00));
    await owner.call('purchases.record', sale(lose, 5000_00));
    const later = await setDay(h, '2026-06-01');
    await later.call('purchases.record', sale(keep, 2500_00));
    await later.call('purchases.record', sale(lose, 2499_00));
    // The day before the review nothing changes.
    await setDay(h, '2027-02-28');
    await runDailyPoints(h.backend);
    const o = await setDay(h, '2027-03-01');
    expect((await o.call('tiers.member', { memberId: lose })).tier.name).toBe('金卡会员');
    await runDailyPoints(h.backend);
    // The March 2026 purchase has left the window (2026-03-02 … 2027-03-01).
    expect(await o.call('tiers.member', { memberId: keep })).toMatchObject({
      tier: { name: '金卡会员' },
      growth: 2500,
      since: '2027-03-01',
      review: { on: '2028-03-01' },
    });
    expect(await o.call('tiers.member', { memberId: lose })).toMatchObject({
      tier: { name: '银卡会员' },
      growth: 2499,
      review: { on: '2028-03-01' },
    });
    const history = await o.call('tiers.history', { memberId: lose });
    expect(history[0]).toMatchObject({ kind: 'downgrade', fromTier: '金卡会员', toTier: '银卡会员', growth: 2499 });
    // Run again: nothing more happens.
    await runDailyPoints(h.backend);
    expect(await o.call('tiers.history', { memberId: lose })).toHaveLength(history.length);
  });

  it('a purchase after a missed review is judged on the tier the review gives, before the daily run', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 5000_00));
    // The review day has passed but the daily run has not (the PC was just started).
    const o = await setDay(h, '2027-03-02');
    const r = await o.call('purchases.record', sale(m, 1000_00));
    // Reviewed first (growth 0 of 2,500): back to the base tier, so ×1, not gold's ×1.2.
    expect(r.purchase.pointsEarned).toBe(10);
    expect((await o.call('tiers.history', { memberId: m }))[1]).toMatchObject({ kind: 'downgrade', day: '2027-03-01' });
    expect((await o.call('tiers.member', { memberId: m })).tier.name).toBe('银卡会员');
  });

  it('drops one level at a time when the shop says so', async () => {
    const { h, owner } = await openShop();
    await editTiers(owner, (c) => (c.settings.dropMode = 'oneLevel'));
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 20000_00));
    const o = await setDay(h, '2027-03-01');
    await runDailyPoints(h.backend);
    expect((await o.call('tiers.member', { memberId: m })).tier.name).toBe('金卡会员');
  });

  it('lists members who drop within 30 days unless they buy, with what they miss', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 5000_00));
    const soon = await setDay(h, '2026-12-01');
    await soon.call('purchases.record', sale(m, 1000_00));
    const o = await setDay(h, '2027-02-10');
    const list = await o.call('tiers.atRisk', { days: 30 });
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({
      memberId: m,
      tier: '金卡会员',
      reviewOn: '2027-03-01',
      growth: 1000,
      retention: 2500,
      missing: 1500,
      dropsTo: '银卡会员',
    });
    expect(list.rows[0]!.phone).toMatch(/^139/);
    await o.call('purchases.record', sale(m, 1500_00));
    expect((await o.call('tiers.atRisk', { days: 30 })).total).toBe(0);
  });
});

describe('tiers: manual tiers', () => {
  it('needs a reason and an end date, is audited, and ends as set', async () => {
    const { h, owner } = await openShop();
    const clerk = await addStaff(owner, 'xiaoli', 'clerk').then(() => signedIn(h, 'xiaoli', 'xiaoli-pass-1'));
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 1200_00));
    const diamond = (await owner.call('tiers.config', {})).tiers[3]!;
    expect(
      (await clerk.fail('tiers.setManual', { memberId: m, tierId: diamond.id, until: '2026-03-31', reason: '老客户' }))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      await owner.fail('tiers.setManual', { memberId: m, tierId: diamond.id, until: '2026-02-28', reason: '老客户' }),
    ).toMatchObject({ fields: { until: { messageKey: 'errors.tiers.untilPast' } } });
    expect(
      await owner.fail('tiers.setManual', { memberId: m, tierId: diamond.id, until: '2026-03-31', reason: ' ' }),
    ).toMatchObject({ fields: { reason: { messageKey: 'errors.required' } } });
    const set = await owner.call('tiers.setManual', {
      memberId: m,
      tierId: diamond.id,
      until: '2026-03-31',
      reason: '投诉补偿',
    });
    expect(set).toMatchObject({
      tier: { name: '钻石会员' },
      manual: { until: '2026-03-31', reason: '投诉补偿' },
      review: null,
    });
    expect(auditRows(h, 'tiers.setManual')[0]!.details).toMatchObject({ to: '钻石会员', until: '2026-03-31' });
    // While it lasts, the multiplier is the manual tier's.
    expect((await owner.call('purchases.record', sale(m, 100_00))).purchase.pointsEarned).toBe(1);
    await setDay(h, '2026-03-31');
    await runDailyPoints(h.backend);
    const o = await setDay(h, '2026-04-01');
    await runDailyPoints(h.backend);
    // Back to what the growth (1,300) qualifies for, reviewed a year on.
    expect(await o.call('tiers.member', { memberId: m })).toMatchObject({
      tier: { name: '银卡会员' },
      manual: null,
      review: { on: '2027-04-01' },
    });
    expect((await o.call('tiers.history', { memberId: m }))[0]).toMatchObject({
      kind: 'manualEnd',
      toTier: '银卡会员',
    });
  });

  it('the owner may end it early, with a reason', async () => {
    const { owner } = await openShop();
    const m = await newMember(owner);
    const gold = (await owner.call('tiers.config', {})).tiers[2]!;
    await owner.call('tiers.setManual', { memberId: m, tierId: gold.id, until: '2026-12-31', reason: '开业活动' });
    const ended = await owner.call('tiers.endManual', { memberId: m, reason: '活动取消' });
    expect(ended).toMatchObject({ tier: { name: '普通会员' }, manual: null });
    expect((await owner.fail('tiers.endManual', { memberId: m, reason: '再来' })).messageKey).toBe(
      'errors.tiers.notManual',
    );
  });
});

describe('tiers: benefits', () => {
  it('free services per period: used, refused when used up, undone', async () => {
    const { h, owner } = await openShop();
    await editTiers(owner, (c) => c.tiers[1]!.services.push({ name: '免费洗车', quantity: 2, period: 'quarter' }));
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 1000_00));
    const service = (await owner.call('tiers.member', { memberId: m })).services[0]!;
    expect(service).toMatchObject({ name: '免费洗车', periodKey: '2026-Q1', used: 0, left: 2 });
    await owner.call('tiers.useService', { memberId: m, serviceId: service.id });
    const two = await owner.call('tiers.useService', { memberId: m, serviceId: service.id });
    expect(two.services[0]).toMatchObject({ used: 2, left: 0 });
    expect(await owner.fail('tiers.useService', { memberId: m, serviceId: service.id })).toMatchObject({
      messageKey: 'errors.tiers.serviceUsedUp',
      params: { quantity: 2 },
    });
    const clerk = await addStaff(owner, 'xiaoli', 'clerk').then(() => signedIn(h, 'xiaoli', 'xiaoli-pass-1'));
    const undone = await clerk.call('tiers.undoService', { memberId: m, serviceId: service.id, reason: '点错了' });
    expect(undone.services[0]).toMatchObject({ used: 1, left: 1 });
    // A new quarter starts afresh.
    const april = await setDay(h, '2026-04-01');
    expect((await april.call('tiers.member', { memberId: m })).services[0]).toMatchObject({
      periodKey: '2026-Q2',
      left: 2,
    });
    // A base-tier member has no such service.
    const other = await newMember(april);
    expect((await april.fail('tiers.useService', { memberId: other, serviceId: service.id })).messageKey).toBe(
      'errors.tiers.serviceNotInTier',
    );
  });

  it('a tier’s birthday bonus replaces the rules’ one', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { birthdayPoints: 10 });
    await editTiers(owner, (c) => (c.tiers[2]!.birthdayPoints = 100));
    const gold = await newMember(owner, { birthday: '1990-03-05' });
    const plain = await newMember(owner, { birthday: '1990-03-05' });
    await owner.call('purchases.record', sale(gold, 5000_00));
    const o = await setDay(h, '2026-03-05');
    await runDailyPoints(h.backend);
    const points = async (m: number) => (await o.call('points.get', { memberId: m })).balance;
    expect(await points(gold)).toBe(50 + 100);
    expect(await points(plain)).toBe(10);
  });
});

describe('tiers: the table', () => {
  it('refuses a bad table field by field and changes nothing', async () => {
    const { owner } = await openShop();
    const before = await owner.call('tiers.config', {});
    const e = await editTiers(owner, (c) => {
      c.tiers[2]!.threshold = 900;
      c.tiers[1]!.retention = 2000;
      c.tiers[3]!.name = '金卡会员';
    }).catch((err: Error) => JSON.parse(err.message.slice(err.message.indexOf('{'))) as { fields: object });
    expect(Object.keys((e as { fields: object }).fields).sort()).toEqual([
      'tiers.1.retention',
      'tiers.2.retention',
      'tiers.2.threshold',
      'tiers.3.name',
    ]);
    expect(await owner.call('tiers.config', {})).toEqual(before);
    // The base tier holds every member without a row: it cannot move from the first row.
    const moved = await editTiers(owner, (c) => {
      const [base, silver] = [c.tiers[0]!, c.tiers[1]!];
      c.tiers[0] = { ...silver, threshold: 0, retention: 0 };
      c.tiers[1] = { ...base, threshold: 1000 };
    }).catch((err: Error) => err.message);
    expect(moved).toContain('errors.tiers.baseFirst');
  });

  it('a lower threshold upgrades members who now qualify; a tier members hold cannot be removed', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 800_00));
    await editTiers(owner, (c) => (c.tiers[1]!.threshold = 800));
    expect(await lastSweep(h.backend)).toBe(1);
    expect((await owner.call('tiers.member', { memberId: m })).tier.name).toBe('银卡会员');
    const refused = await owner
      .call('tiers.save', {
        ...(await editInput(owner)),
        tiers: (await editInput(owner)).tiers.filter((_, i) => i !== 1),
      })
      .catch((err: Error) => err.message);
    expect(refused).toContain('errors.tiers.inUse');
    const dist = await owner.call('tiers.distribution', {});
    expect(dist.map((d) => d.members)).toEqual([0, 1, 0, 0]);
    const changes = await owner.call('tiers.changes', { from: '2026-03-01', to: '2026-03-31', direction: 'up' });
    expect(changes.rows).toMatchObject([{ memberId: m, kind: 'upgrade', toTier: '银卡会员' }]);
    expect((await owner.call('tiers.changes', { from: '2026-03-01', to: '2026-03-31', direction: 'down' })).total).toBe(
      0,
    );
    expect(auditRows(h, 'tiers.save')).toHaveLength(1);
  });

  it('two silver records merged reach gold at once; imported lifetime spend upgrades at the next daily run', async () => {
    const { h, owner } = await openShop();
    const a = await newMember(owner);
    const b = await newMember(owner);
    await owner.call('purchases.record', sale(a, 3000_00));
    await owner.call('purchases.record', sale(b, 3000_00));
    await owner.call('members.merge', { survivorId: a, mergedId: b });
    expect(await owner.call('tiers.member', { memberId: a })).toMatchObject({
      tier: { name: '金卡会员' },
      growth: 6000,
    });
    const c = await newMember(owner);
    h.backend.raw
      .prepare(
        `insert into member_opening_balances (member_id, points, spend_fen, at, day) values (?, 0, 2500000, '2026-03-01T02:00:00Z', '2026-03-01')`,
      )
      .run(c);
    await runDailyPoints(h.backend);
    expect(await owner.call('tiers.member', { memberId: c })).toMatchObject({
      tier: { name: '钻石会员' },
      growth: 25000,
    });
    // Seen once: the next run does not look at it again.
    expect((await owner.call('tiers.history', { memberId: c })).length).toBe(1);
    await runDailyPoints(h.backend);
    expect((await owner.call('tiers.history', { memberId: c })).length).toBe(1);
  });

  it('merging two records keeps the higher tier and both growths', async () => {
    const { owner } = await openShop();
    const a = await newMember(owner);
    const b = await newMember(owner);
    await owner.call('purchases.record', sale(a, 1000_00));
    await owner.call('purchases.record', sale(b, 5000_00));
    await owner.call('members.merge', { survivorId: a, mergedId: b });
    expect(await owner.call('tiers.member', { memberId: a })).toMatchObject({
      tier: { name: '金卡会员' },
      growth: 6000,
    });
  });
});

async function editInput(owner: Parameters<typeof editTiers>[0]) {
  const { asInput } = await import('./tiersHelpers.js');
  return asInput(await owner.call('tiers.config', {}));
}
