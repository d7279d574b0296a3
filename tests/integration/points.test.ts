import { afterEach, describe, expect, it } from 'vitest';
import { runDailyPoints } from '../../electron/services/points/daily.js';
import { runExpiry } from '../../electron/services/points/expiry.js';
import { addStaff, auditRows, closeShops, openShop, signedIn } from './harness.js';
import { expectLedgerConsistent, newMember, setDay, setRules } from './pointsHelpers.js';

afterEach(closeShops);

const sale = (memberId: number, amountFen: number, extra: Record<string, unknown> = {}) => ({
  memberId,
  amountFen,
  paymentMethod: 'wechat' as const,
  ...extra,
});

describe('expiry', () => {
  it('expires what is left of each lot on the rolling policy, never spent points, once', async () => {
    const { h } = await openShop();
    let owner = await setDay(h, '2026-03-10');
    await setRules(owner, { earnPoints: 1, perFen: 100, pointValueFen: 1, expiry: { kind: 'rolling', months: 1 } });
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 10000)); // lot A: 100, last day 2026-04-09
    owner = await setDay(h, '2026-03-20');
    await owner.call('purchases.record', sale(m, 5000)); // lot B: 50, last day 2026-04-19
    // Spending takes the soonest-expiring lot first: 70 of A.
    await owner.call('purchases.record', sale(m, 70, { pointsUsed: 70 }));
    const s = await owner.call('points.get', { memberId: m });
    expect(s.expiries).toEqual([
      { on: '2026-04-09', points: 30 },
      { on: '2026-04-19', points: 50 },
    ]);
    owner = await setDay(h, '2026-04-10');
    expect(await runExpiry(h.backend)).toMatchObject({ lots: 1, points: 30 });
    expect(await runExpiry(h.backend)).toMatchObject({ lots: 0, points: 0 });
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(50);
    const timeline = await owner.call('members.timeline', { id: m });
    expect(timeline.rows[0]).toMatchObject({ kind: 'pointsExpired', data: { points: 30 } });
    expectLedgerConsistent(h);
  });

  it('clears points earned in year Y on the set date of Y+1', async () => {
    const { h } = await openShop();
    let owner = await setDay(h, '2026-03-10');
    await setRules(owner, { earnPoints: 1, perFen: 100, expiry: { kind: 'annual', monthDay: '03-31' } });
    const m = await newMember(owner);
    const r = await owner.call('purchases.record', sale(m, 10000));
    expect(r.summary.expiries).toEqual([{ on: '2027-03-31', points: 100 }]);
    owner = await setDay(h, '2027-03-31');
    await runExpiry(h.backend);
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(100);
    owner = await setDay(h, '2027-04-01');
    await runExpiry(h.backend);
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(0);
  });

  it('does not expire anything while the clock is in doubt', async () => {
    const { h } = await openShop();
    const owner = await setDay(h, '2026-03-10');
    await setRules(owner, { earnPoints: 1, perFen: 100, expiry: { kind: 'rolling', months: 1 } });
    const m = await newMember(owner);
    await owner.call('purchases.record', sale(m, 10000));
    await setDay(h, '2026-06-01');
    // The clock then jumps back by two days: the guard holds it until the owner confirms.
    h.clock.set('2026-05-30T02:00:00.000Z');
    await h.backend.touch(h.backend.db);
    await expect(runExpiry(h.backend)).rejects.toMatchObject({ data: { code: 'CLOCK_HELD' } });
    expect(await runDailyPoints(h.backend)).toBeNull();
    expect(h.backend.raw.prepare(`select count(*) as n from points_ledger where kind = 'expire'`).get()).toEqual({
      n: 0,
    });
  });

  it('lists members whose points expire within N days', async () => {
    const { h } = await openShop();
    let owner = await setDay(h, '2026-03-10');
    await setRules(owner, { earnPoints: 1, perFen: 100, expiry: { kind: 'rolling', months: 1 } });
    const soon = await newMember(owner);
    await owner.call('purchases.record', sale(soon, 10000));
    owner = await setDay(h, '2026-04-01');
    const later = await newMember(owner);
    await owner.call('purchases.record', sale(later, 20000));
    owner = await setDay(h, '2026-04-05');
    const list = await owner.call('points.expiring', { days: 20 });
    expect(list.rows.map((r) => [r.memberId, r.points, r.on])).toEqual([[soon, 100, '2026-04-09']]);
    expect((await owner.call('points.expiring', { days: 30 })).total).toBe(2);
  });
});

describe('adjustments and voids', () => {
  it('needs a reason and a manager, audits, and voids by a reversing entry', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const noReason = await owner.fail('points.adjust', { memberId: m, points: 50, reason: '  ' });
    expect(noReason.fields?.reason?.messageKey).toBe('errors.required');
    await owner.call('points.adjust', { memberId: m, points: 50, reason: '老会员补录' });
    const tooMuch = await owner.fail('points.adjust', { memberId: m, points: -51, reason: '扣错' });
    expect(tooMuch.fields?.points?.messageKey).toBe('errors.points.notEnough');
    await owner.call('points.adjust', { memberId: m, points: -20, reason: '多给了' });
    const ledger = await owner.call('points.ledger', { memberId: m });
    const deduction = ledger.rows.find((r) => r.points === -20)!;
    const after = await owner.call('points.void', { entryId: deduction.id, reason: '扣错了' });
    expect(after.balance).toBe(50);
    expect((await owner.fail('points.void', { entryId: deduction.id, reason: '再来' })).messageKey).toBe(
      'errors.points.alreadyVoided',
    );
    const rows = (await owner.call('points.ledger', { memberId: m })).rows;
    expect(rows.find((r) => r.id === deduction.id)?.voidedBy).toBe(rows[0]!.id);
    expect(auditRows(h, 'points.adjusted')).toHaveLength(2);
    expect(auditRows(h, 'points.voided')[0]!.details).toMatchObject({ reason: '扣错了' });
    expectLedgerConsistent(h);
  });

  it('refuses to void a credit the member already spent, and purchases are not voidable', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { earnPoints: 1, perFen: 100, pointValueFen: 1 });
    const m = await newMember(owner);
    await owner.call('points.adjust', { memberId: m, points: 100, reason: '活动补发' });
    await owner.call('purchases.record', sale(m, 500, { pointsUsed: 60 }));
    const rows = (await owner.call('points.ledger', { memberId: m })).rows;
    const credit = rows.find((r) => r.kind === 'adjust')!;
    expect((await owner.fail('points.void', { entryId: credit.id, reason: '发错' })).messageKey).toBe(
      'errors.points.voidSpent',
    );
    const purchase = rows.find((r) => r.kind === 'pay')!;
    expect((await owner.fail('points.void', { entryId: purchase.id, reason: 'x' })).messageKey).toBe(
      'errors.points.notVoidable',
    );
    expectLedgerConsistent(h);
  });
});

describe('other earning', () => {
  it('check-in: once a day, a streak across days, the 7th-day bonus, reset after a gap', async () => {
    const { h, owner: first } = await openShop();
    await addStaff(first, 'xiaoli', 'clerk');
    await setRules(first, { checkIn: { points: 1, streakBonuses: [{ day: 3, points: 10 }] } });
    let clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const m = await newMember(clerk);
    const day = async (d: string) => {
      h.clock.set(`${d}T02:00:00.000Z`);
      clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    };
    await day('2026-03-02');
    expect(await clerk.call('points.checkIn', { memberId: m })).toMatchObject({ streak: 1, points: 1 });
    expect((await clerk.fail('points.checkIn', { memberId: m })).messageKey).toBe('errors.points.checkedInToday');
    await day('2026-03-03');
    expect(await clerk.call('points.checkIn', { memberId: m })).toMatchObject({ streak: 2, points: 1 });
    await day('2026-03-04');
    expect(await clerk.call('points.checkIn', { memberId: m })).toMatchObject({ streak: 3, points: 11, bonus: 10 });
    await day('2026-03-06');
    expect(await clerk.call('points.get', { memberId: m })).toMatchObject({ streak: 0, checkedInToday: false });
    expect(await clerk.call('points.checkIn', { memberId: m })).toMatchObject({ streak: 1, points: 1 });
    expect(await clerk.call('points.get', { memberId: m })).toMatchObject({
      balance: 14,
      streak: 1,
      checkedInToday: true,
    });
  });

  it('pays a referrer once on registration and once on the first purchase', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { referral: { onRegister: 20, onFirstPurchase: 30 } });
    const referrer = await newMember(owner);
    const friend = await newMember(owner, { referrerId: referrer });
    expect((await owner.call('points.get', { memberId: referrer })).balance).toBe(20);
    await owner.call('purchases.record', sale(friend, 1000));
    await owner.call('purchases.record', sale(friend, 1000));
    expect((await owner.call('points.get', { memberId: referrer })).balance).toBe(50);
    const events = await owner.call('members.timeline', { id: referrer });
    expect(events.rows.filter((e) => e.kind === 'referralBonus')).toHaveLength(2);
    expectLedgerConsistent(h);
  });

  it('activities pay each attendee once, from the activity day', async () => {
    const { h, owner } = await openShop();
    const a = await owner.call('activities.save', { name: '新品试吃', day: '2026-03-05', points: 15, active: true });
    const m = await newMember(owner);
    expect((await owner.fail('activities.attend', { activityId: a.id, memberId: m })).messageKey).toBe(
      'errors.points.activityNotYet',
    );
    // The counter offers only what the member can attend now: not before the day, not twice.
    expect(await owner.call('activities.list', { forMember: m })).toEqual([]);
    const o2 = await setDay(h, '2026-03-05');
    expect((await o2.call('activities.list', { forMember: m })).map((x) => x.id)).toEqual([a.id]);
    expect((await o2.call('activities.attend', { activityId: a.id, memberId: m })).balance).toBe(15);
    expect((await o2.fail('activities.attend', { activityId: a.id, memberId: m })).messageKey).toBe(
      'errors.points.alreadyAttended',
    );
    expect((await o2.call('activities.list', {}))[0]).toMatchObject({ attendees: 1 });
    expect(await o2.call('activities.list', { forMember: m })).toEqual([]);
  });

  it('pays the birthday bonus once a year, on the birthday or within the days after', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { birthdayPoints: 88 });
    const m = await newMember(owner, { birthday: '1990-03-04' });
    const other = await newMember(owner, { birthday: '1990-07-01' });
    await setDay(h, '2026-03-06');
    await runDailyPoints(h.backend);
    await runDailyPoints(h.backend);
    const o = await setDay(h, '2026-03-07');
    await runDailyPoints(h.backend);
    expect((await o.call('points.get', { memberId: m })).balance).toBe(88);
    expect((await o.call('points.get', { memberId: other })).balance).toBe(0);
  });
});

describe('merge', () => {
  it('moves purchases and points to the survivor: the balances add up', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { earnPoints: 1, perFen: 100 });
    const a = await newMember(owner);
    const b = await newMember(owner);
    await owner.call('purchases.record', sale(a, 1000));
    await owner.call('purchases.record', sale(b, 2500));
    await owner.call('members.merge', { survivorId: a, mergedId: b, take: [] });
    expect((await owner.call('points.get', { memberId: a })).balance).toBe(35);
    expectLedgerConsistent(h);
  });
});
