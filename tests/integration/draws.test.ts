import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, closeShops, openShop, signedIn, type Client, type Harness } from './harness.js';
import { pointsPrize, setDraw, thanks } from './drawsHelpers.js';
import { expectLedgerConsistent, newMember, setDay, setRules } from './pointsHelpers.js';

afterEach(closeShops);

/** A member with `points` usable points, earned by a purchase at 1 point per ¥1. */
async function memberWith(owner: Client, points: number): Promise<number> {
  const m = await newMember(owner);
  if (points > 0) await owner.call('purchases.record', { memberId: m, amountFen: points * 100, paymentMethod: 'cash' });
  return m;
}

async function shop(): Promise<{ h: Harness; owner: Client }> {
  const { h } = await openShop();
  const owner = await setDay(h, '2026-03-10');
  await setRules(owner, { earnPoints: 1, perFen: 100 });
  return { h, owner };
}

const count = (h: Harness, table: string) =>
  (h.backend.raw.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('lucky draw', () => {
  it('debits the cost, credits a points prize as a new lot, records the draw, timeline and audit', async () => {
    const { h, owner } = await shop();
    await setDraw(owner, [pointsPrize(50, 10_000)], { cost: 20 });
    const m = await memberWith(owner, 100);
    const r = await owner.call('draws.draw', { memberId: m });
    expect(r.draw).toMatchObject({ outcome: 'points', points: 50, cost: 20, fellBack: false, prizeName: '50 积分' });
    expect(r.summary.balance).toBe(130);
    expect(r).toMatchObject({ drawsToday: 1, dailyLimit: 3 });
    const entries = h.backend.raw
      .prepare(`select kind, points, ref_type, ref_id, remaining from points_ledger where member_id = ? order by id`)
      .all(m);
    expect(entries).toEqual([
      { kind: 'purchase', points: 100, ref_type: 'purchase', ref_id: expect.any(Number), remaining: 80 },
      { kind: 'draw', points: -20, ref_type: 'draw', ref_id: r.draw.id, remaining: null },
      { kind: 'drawPrize', points: 50, ref_type: 'draw', ref_id: r.draw.id, remaining: 50 },
    ]);
    const row = h.backend.raw.prepare('select * from draws where id = ?').get(r.draw.id) as Record<string, unknown>;
    expect(row).toMatchObject({ member_id: m, day: '2026-03-10', staff_id: 1 });
    expect(row.cost_entry_id).toEqual(expect.any(Number));
    expect(row.prize_entry_id).toEqual(expect.any(Number));
    expect(row.request_id).toEqual(expect.any(String));
    const timeline = await owner.call('members.timeline', { id: m });
    expect(timeline.rows[0]).toMatchObject({ kind: 'luckyDraw', data: { cost: 20, prize: '50 积分', points: 50 } });
    expect(auditRows(h, 'draws.drawn')).toHaveLength(1);
    expect(auditRows(h, 'draws.configSaved')).toHaveLength(1);
    const mine = await owner.call('draws.list', { memberId: m });
    expect(mine.rows.map((d) => d.id)).toEqual([r.draw.id]);
    expect((await owner.call('draws.list', {})).total).toBe(1);
    expectLedgerConsistent(h);
  });

  it('refuses without enough usable points and changes nothing', async () => {
    const { h, owner } = await shop();
    await setDraw(owner, [pointsPrize(50, 10_000, 5)], { cost: 20 });
    const m = await memberWith(owner, 19);
    const before = [count(h, 'points_ledger'), count(h, 'draws'), count(h, 'member_events'), count(h, 'audit_log')];
    const err = await owner.fail('draws.draw', { memberId: m });
    expect(err).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.draws.notEnough', params: { usable: 19 } });
    expect([count(h, 'points_ledger'), count(h, 'draws'), count(h, 'member_events'), count(h, 'audit_log')]).toEqual(
      before,
    );
    expect((await owner.call('draws.config', {})).prizes[0]!.stock).toBe(5);
  });

  it('frozen points cannot pay for a draw', async () => {
    const { h, owner } = await shop();
    await setRules(owner, { earnPoints: 1, perFen: 100, freezeDays: 7 });
    await setDraw(owner, [thanks(10_000)], { cost: 10 });
    const m = await memberWith(owner, 100);
    expect(await owner.fail('draws.draw', { memberId: m })).toMatchObject({ messageKey: 'errors.draws.notEnough' });
    const later = await setDay(h, '2026-03-17');
    expect((await later.call('draws.draw', { memberId: m })).summary.balance).toBe(90);
  });

  it('limits draws per member per shop business day', async () => {
    const { h, owner } = await shop();
    await setDraw(owner, [thanks(10_000)], { cost: 1, dailyLimit: 2 });
    const m = await memberWith(owner, 100);
    const other = await memberWith(owner, 100);
    await owner.call('draws.draw', { memberId: m });
    await owner.call('draws.draw', { memberId: m });
    expect(await owner.fail('draws.draw', { memberId: m })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.draws.dailyLimit',
      params: { limit: 2 },
    });
    await owner.call('draws.draw', { memberId: other });
    // 23:30 in Shanghai is still the same business day; 00:30 is the next one.
    h.clock.set('2026-03-10T15:30:00.000Z');
    let c = await signedIn(h, 'boss', 'owner-pass-1');
    expect(await c.fail('draws.draw', { memberId: m })).toMatchObject({ messageKey: 'errors.draws.dailyLimit' });
    h.clock.set('2026-03-10T16:30:00.000Z');
    c = await signedIn(h, 'boss', 'owner-pass-1');
    expect((await c.call('draws.draw', { memberId: m })).draw.day).toBe('2026-03-11');
    expect((await c.call('draws.memberStatus', { memberId: m })).drawsToday).toBe(1);
  });

  it('takes stock down and pays "thank you" once a prize is gone, shown in the odds', async () => {
    const { h, owner } = await shop();
    const config = await setDraw(owner, [pointsPrize(5, 10_000, 1)], { cost: 1 });
    const m = await memberWith(owner, 100);
    expect((await owner.call('draws.draw', { memberId: m })).draw).toMatchObject({ outcome: 'points', points: 5 });
    expect((await owner.call('draws.config', {})).prizes[0]).toMatchObject({ stock: 0, won: 1 });
    const status = await owner.call('draws.memberStatus', { memberId: m });
    expect(status.odds).toEqual([
      { prizeId: config.prizes[0]!.id, name: '5 积分', kind: 'points', points: 5, bp: 0, outOfStock: true },
      { prizeId: null, name: '', kind: 'thanks', points: 0, bp: 10_000, outOfStock: false },
    ]);
    const r = await owner.call('draws.draw', { memberId: m });
    expect(r.draw).toMatchObject({ outcome: 'thanks', fellBack: true, points: 0, prizeName: '5 积分' });
    expect(r.summary.balance).toBe(100 - 1 + 5 - 1);
    expect((await owner.call('members.timeline', { id: m })).rows[0]).toMatchObject({ kind: 'luckyDrawThanks' });
    expectLedgerConsistent(h);
  });

  it('moves an exhausted prize to the shop\'s own "thank you" line', async () => {
    const { owner } = await shop();
    await setDraw(owner, [pointsPrize(5, 2_500, 0), thanks(7_500)]);
    const m = await memberWith(owner, 0);
    const odds = (await owner.call('draws.memberStatus', { memberId: m })).odds;
    expect(odds.map((o) => [o.kind, o.bp, o.outOfStock])).toEqual([
      ['points', 0, true],
      ['thanks', 10_000, false],
    ]);
  });

  it('applies a repeated request id once', async () => {
    const { h, owner } = await shop();
    await setDraw(owner, [pointsPrize(7, 10_000, 10)], { cost: 3 });
    const m = await memberWith(owner, 100);
    const id = randomUUID();
    const first = await owner.call('draws.draw', { memberId: m }, id);
    const again = await owner.call('draws.draw', { memberId: m }, id);
    expect(again).toEqual(first);
    expect(count(h, 'draws')).toBe(1);
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(104);
    expect((await owner.call('draws.config', {})).prizes[0]!.stock).toBe(9);
  });

  it('validates the chances add up to 100% in the main process, naming the field', async () => {
    const { owner } = await shop();
    const err = await owner.fail('draws.saveConfig', {
      enabled: true,
      cost: 10,
      dailyLimit: 1,
      prizes: [pointsPrize(5, 2_000), thanks(7_999)],
    });
    expect(err).toMatchObject({
      code: 'VALIDATION',
      fields: { prizes: { messageKey: 'errors.draws.probabilitySum', params: { total: '99.99' } } },
    });
    const bad = await owner.fail('draws.saveConfig', {
      enabled: true,
      cost: -1,
      dailyLimit: 0,
      prizes: [{ kind: 'points', name: '', points: 0, probabilityBp: 10_001, stock: null }],
    });
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual([
      'cost',
      'dailyLimit',
      'prizes.0.name',
      'prizes.0.points',
      'prizes.0.probabilityBp',
    ]);
  });

  it('updates prizes in place and retires those left off; past draws keep their prize', async () => {
    const { owner } = await shop();
    const first = await setDraw(owner, [pointsPrize(5, 5_000), thanks(5_000)], { cost: 0 });
    const m = await memberWith(owner, 0);
    const d = await owner.call('draws.draw', { memberId: m });
    const [five, ty] = first.prizes;
    const second = await setDraw(owner, [{ ...thanks(10_000), id: ty!.id, name: '下次好运' }], { cost: 0 });
    expect(second.prizes).toEqual([expect.objectContaining({ id: ty!.id, name: '下次好运', probabilityBp: 10_000 })]);
    expect((await owner.call('draws.list', { memberId: m })).rows[0]!.prizeName).toBe(d.draw.prizeName);
    expect(
      await owner.fail('draws.saveConfig', { ...second, prizes: [{ ...thanks(10_000), id: five!.id }] }),
    ).toMatchObject({ fields: { 'prizes.0.id': { messageKey: 'errors.draws.prizeNotFound' } } });
  });

  it('refuses when the draw is off, and follows roles', async () => {
    const { h, owner } = await shop();
    const m = await memberWith(owner, 100);
    expect(await owner.fail('draws.draw', { memberId: m })).toMatchObject({ messageKey: 'errors.draws.off' });
    await addStaff(owner, 'clerk1', 'clerk');
    await addStaff(owner, 'mgr1', 'manager');
    const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
    const manager = await signedIn(h, 'mgr1', 'mgr1-pass-1');
    const config = { enabled: true, cost: 1, dailyLimit: 1, prizes: [thanks(10_000)] };
    expect(await clerk.fail('draws.saveConfig', config)).toMatchObject({ code: 'FORBIDDEN' });
    await manager.call('draws.saveConfig', config);
    expect((await clerk.call('draws.draw', { memberId: m })).draw.outcome).toBe('thanks');
    expect((await clerk.call('draws.config', {})).enabled).toBe(true);
  });

  it('grants a catalog reward as a prize at no points cost, with its code, and falls back when it runs out', async () => {
    const { h, owner } = await shop();
    const coupon = await owner.call('rewards.save', {
      name: '¥10 代金券',
      kind: 'coupon',
      pointsCost: 500,
      valueFen: 1000,
      stock: 1,
      active: true,
    });
    await setDraw(
      owner,
      [{ kind: 'reward', name: '代金券', rewardId: coupon.id, probabilityBp: 10_000, stock: null }],
      {
        cost: 5,
      },
    );
    const m = await memberWith(owner, 100);
    const r = await owner.call('draws.draw', { memberId: m });
    expect(r.draw).toMatchObject({ outcome: 'reward', redemptionId: expect.any(Number), code: expect.any(String) });
    expect(r.summary.balance).toBe(95);
    const redemption = h.backend.raw
      .prepare('select source, source_id, points, code from redemptions where id = ?')
      .get(r.draw.redemptionId);
    expect(redemption).toEqual({ source: 'draw', source_id: r.draw.id, points: 0, code: r.draw.code });
    // The coupon's own stock is gone: the prize shows out of stock and pays "thank you".
    const status = await owner.call('draws.memberStatus', { memberId: m });
    expect(status.odds.map((o) => [o.kind, o.bp, o.outOfStock])).toEqual([
      ['reward', 0, true],
      ['thanks', 10_000, false],
    ]);
    const again = await owner.call('draws.draw', { memberId: m });
    expect(again.draw).toMatchObject({ outcome: 'thanks', fellBack: true, redemptionId: null, code: null });
    expect(
      await owner.fail('draws.saveConfig', {
        enabled: true,
        cost: 1,
        dailyLimit: 1,
        prizes: [{ kind: 'reward', name: 'x', rewardId: 999, probabilityBp: 10_000, stock: null }],
      }),
    ).toMatchObject({ fields: { 'prizes.0.rewardId': { messageKey: 'errors.draws.rewardNotFound' } } });
    expectLedgerConsistent(h);
  });
});
