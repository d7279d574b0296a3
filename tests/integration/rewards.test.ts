import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract/index.js';
import { addStaff, auditRows, closeShops, openShop, signedIn, type Client, type Harness } from './harness.js';
import { setDraw } from './drawsHelpers.js';
import { expectLedgerConsistent, newMember, setDay, setRules } from './pointsHelpers.js';

afterEach(closeShops);

const coupon = (extra: Partial<InputOf<'rewards.save'>> = {}): InputOf<'rewards.save'> => ({
  name: '20元代金券',
  kind: 'coupon',
  pointsCost: 200,
  valueFen: 2000,
  stock: null,
  active: true,
  ...extra,
});

/** A member with `points` usable points from one adjustment. */
async function memberWith(c: Client, points: number): Promise<number> {
  const m = await newMember(c);
  await c.call('points.adjust', { memberId: m, points, reason: '测试积分' });
  return m;
}

const count = (h: Harness, table: string) =>
  (h.backend.raw.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('rewards catalog', () => {
  it('redeems a coupon: points from the soonest-expiring lots, a unique code, stock down', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { expiry: { kind: 'rolling', months: 12 } });
    const m = await newMember(owner);
    await owner.call('points.adjust', { memberId: m, points: 150, reason: '早的' });
    await setDay(h, '2026-05-01').then(async (o) => {
      await o.call('points.adjust', { memberId: m, points: 150, reason: '晚的' });
      const r = await o.call('rewards.save', coupon({ stock: 2, codeValidDays: 30 }));
      const res = await o.call('rewards.redeem', { memberId: m, rewardId: r.id });
      expect(res.redemption).toMatchObject({ status: 'issued', points: 200, validUntil: '2026-05-30', kind: 'coupon' });
      expect(res.redemption.code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
      expect(res.summary.balance).toBe(100);
      // The March lot (expiring first) is used up, 50 come from the May lot.
      const lots = res.summary.lots.map((l) => l.remaining);
      expect(lots).toEqual([100]);
      expect((await o.call('rewards.list', {}))[0]).toMatchObject({ stock: 1, redeemed: 1 });
      const timeline = await o.call('members.timeline', { id: m });
      expect(timeline.rows[0]).toMatchObject({ kind: 'rewardRedeemed', data: { points: 200 } });
    });
    expectLedgerConsistent(h);
  });

  it('refuses without enough points, out of stock, over the limit, outside the window — changing nothing', async () => {
    const { h, owner } = await openShop();
    const m = await memberWith(owner, 500);
    const poor = await memberWith(owner, 50);
    const r = await owner.call('rewards.save', coupon({ stock: 1, perMemberLimit: 1 }));
    expect(await owner.fail('rewards.redeem', { memberId: poor, rewardId: r.id })).toMatchObject({
      messageKey: 'errors.rewards.block.notEnoughPoints',
      params: { usable: 50, cost: 200 },
    });
    await owner.call('rewards.redeem', { memberId: m, rewardId: r.id });
    expect((await owner.fail('rewards.redeem', { memberId: m, rewardId: r.id })).messageKey).toBe(
      'errors.rewards.block.outOfStock',
    );
    await owner.call('rewards.save', { ...coupon({ stock: 5, perMemberLimit: 1 }), id: r.id });
    expect((await owner.fail('rewards.redeem', { memberId: m, rewardId: r.id })).messageKey).toBe(
      'errors.rewards.block.limitReached',
    );
    const later = await owner.call('rewards.save', coupon({ availableFrom: '2026-04-01' }));
    expect((await owner.fail('rewards.redeem', { memberId: m, rewardId: later.id })).messageKey).toBe(
      'errors.rewards.block.notYet',
    );
    const off = await owner.call('rewards.save', coupon({ active: false }));
    expect((await owner.fail('rewards.redeem', { memberId: m, rewardId: off.id })).messageKey).toBe(
      'errors.rewards.block.inactive',
    );
    expect(count(h, 'redemptions')).toBe(1);
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(300);
    const offers = await owner.call('rewards.offers', { memberId: m });
    expect(offers.find((o) => o.id === r.id)).toMatchObject({ block: 'limitReached', leftForMember: 0 });
    expectLedgerConsistent(h);
  });

  it('a repeated request id redeems once', async () => {
    const { h, owner } = await openShop();
    const m = await memberWith(owner, 1000);
    const r = await owner.call('rewards.save', coupon());
    const id = '00000000-0000-4000-8000-0000000000aa';
    const [a, b] = await Promise.all([
      owner.call('rewards.redeem', { memberId: m, rewardId: r.id }, id),
      owner.call('rewards.redeem', { memberId: m, rewardId: r.id }, id),
    ]);
    expect(a.redemption.id).toBe(b.redemption.id);
    expect(count(h, 'redemptions')).toBe(1);
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(800);
  });

  it('cancelling restores the points to the lots they came from, keeping their expiry, and the stock', async () => {
    const { h, owner } = await openShop();
    await setRules(owner, { expiry: { kind: 'rolling', months: 6 } });
    const m = await newMember(owner);
    await owner.call('points.adjust', { memberId: m, points: 120, reason: '三月' });
    const o = await setDay(h, '2026-04-10');
    await o.call('points.adjust', { memberId: m, points: 200, reason: '四月' });
    const before = (await o.call('points.get', { memberId: m })).lots.map((l) => [l.id, l.expiresOn, l.remaining]);
    const r = await o.call('rewards.save', coupon({ stock: 3 }));
    const red = await o.call('rewards.redeem', { memberId: m, rewardId: r.id });
    expect(red.summary.lots.map((l) => l.remaining)).toEqual([120]);
    const back = await o.call('rewards.cancel', { redemptionId: red.redemption.id, reason: '会员改主意' });
    expect(back.redemption.status).toBe('cancelled');
    expect(back.summary.lots.map((l) => [l.id, l.expiresOn, l.remaining])).toEqual(before);
    expect((await o.call('rewards.list', {}))[0]).toMatchObject({ stock: 3, redeemed: 0 });
    expect((await o.fail('rewards.cancel', { redemptionId: red.redemption.id, reason: '再来' })).messageKey).toBe(
      'errors.rewards.alreadyCancelled',
    );
    expect((await o.fail('rewards.useCode', { code: red.redemption.code! })).messageKey).toBe(
      'errors.rewards.codeCancelled',
    );
    expect(auditRows(h, 'rewards.cancelled')).toHaveLength(1);
    expectLedgerConsistent(h);
  });

  it('marks a code used once, refuses an expired one, and a used code cannot be cancelled', async () => {
    const { h, owner } = await openShop();
    const m = await memberWith(owner, 1000);
    const r = await owner.call('rewards.save', coupon({ codeValidDays: 1 }));
    const a = (await owner.call('rewards.redeem', { memberId: m, rewardId: r.id })).redemption;
    const b = (await owner.call('rewards.redeem', { memberId: m, rewardId: r.id })).redemption;
    expect(a.code).not.toBe(b.code);
    const typed = `${a.code!.slice(0, 4).toLowerCase()} ${a.code!.slice(4, 8)}-${a.code!.slice(8)}`;
    expect((await owner.call('rewards.lookupCode', { code: typed })).id).toBe(a.id);
    expect(await owner.call('rewards.useCode', { code: typed })).toMatchObject({ status: 'used' });
    expect((await owner.fail('rewards.useCode', { code: a.code! })).messageKey).toBe('errors.rewards.codeUsed');
    expect((await owner.fail('rewards.cancel', { redemptionId: a.id, reason: '不要了' })).messageKey).toBe(
      'errors.rewards.usedCannotCancel',
    );
    expect((await owner.fail('rewards.lookupCode', { code: 'ZZZZZZZZZZZZ' })).messageKey).toBe(
      'errors.rewards.codeNotFound',
    );
    const o = await setDay(h, '2026-03-02');
    expect((await o.fail('rewards.useCode', { code: b.code! })).messageKey).toBe('errors.rewards.codeExpired');
    expect((await o.call('rewards.lookupCode', { code: b.code! })).expired).toBe(true);
  });

  it('goods are handed over at once; a clerk may cancel only on the day, a manager later', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'clerk1', 'clerk');
    const m = await memberWith(owner, 1000);
    const r = await owner.call('rewards.save', {
      name: '保温杯',
      kind: 'goods',
      pointsCost: 300,
      stock: 10,
      active: true,
    });
    const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
    const red = (await clerk.call('rewards.redeem', { memberId: m, rewardId: r.id })).redemption;
    expect(red).toMatchObject({ status: 'used', code: null, kind: 'goods' });
    const second = (await clerk.call('rewards.redeem', { memberId: m, rewardId: r.id })).redemption;
    await clerk.call('rewards.cancel', { redemptionId: red.id, reason: '退回礼品' });
    h.clock.set('2026-03-02T02:00:00.000Z');
    const clerkTomorrow = await signedIn(h, 'clerk1', 'clerk1-pass-1');
    const listed = await clerkTomorrow.call('rewards.redemptions', { memberId: m });
    expect(listed.rows.find((x) => x.id === second.id)).toMatchObject({ cancellable: false });
    expect((await clerkTomorrow.fail('rewards.cancel', { redemptionId: second.id, reason: '退回' })).code).toBe(
      'FORBIDDEN',
    );
    const o = await signedIn(h, 'boss', 'owner-pass-1');
    expect((await o.call('rewards.redemptions', { memberId: m })).rows.find((x) => x.id === second.id)).toMatchObject({
      cancellable: true,
    });
    await o.call('rewards.cancel', { redemptionId: second.id, reason: '退回' });
    expect((await o.call('points.get', { memberId: m })).balance).toBe(1000);
    expect((await clerkTomorrow.fail('rewards.save', coupon())).code).toBe('FORBIDDEN');
    expectLedgerConsistent(h);
  });

  it('validates the catalog form field by field', async () => {
    const { h, owner } = await openShop();
    const e = await owner.fail('rewards.save', {
      ...coupon({ valueFen: null, availableFrom: '2026-05-01', availableTo: '2026-04-01' }),
      pointsCost: 0,
    });
    expect(e.fields).toMatchObject({
      pointsCost: { messageKey: 'errors.range' },
      valueFen: { messageKey: 'errors.rewards.valueRequired' },
      availableTo: { messageKey: 'errors.member.dateRange' },
    });
    const v = await owner.fail('rewards.save', {
      name: '八五折',
      kind: 'voucher',
      pointsCost: 100,
      stock: null,
      active: true,
    });
    expect(v.fields).toMatchObject({ discountPct: { messageKey: 'errors.rewards.discountRequired' } });
    const img = await owner.fail('rewards.save', coupon({ image: 'data:image/gif;base64,AAAA' }));
    expect(img.fields).toMatchObject({ image: { messageKey: 'errors.rewards.imageType' } });
    expect(count(h, 'rewards')).toBe(0);
  });
});

describe('rewards reserved for a tier', () => {
  /** The default tier table's id for a tier name (普通 0, 银卡 1, 金卡 2, 钻石 3). */
  async function tierId(c: Client, name: string): Promise<number> {
    return (await c.call('tiers.config', {})).tiers.find((t) => t.name === name)!.id;
  }
  const buy = (c: Client, memberId: number, yuan: number) =>
    c.call('purchases.record', { memberId, amountFen: yuan * 100, paymentMethod: 'cash' });
  const stockOf = (h: Harness, id: number) =>
    (h.backend.raw.prepare('select stock from rewards where id = ?').get(id) as { stock: number }).stock;

  it('a lower tier is offered it blocked and refused, changing nothing; reaching the tier opens it', async () => {
    const { h, owner } = await openShop();
    const gold = await tierId(owner, '金卡会员');
    const r = await owner.call('rewards.save', coupon({ stock: 5, minTierId: gold }));
    expect(r).toMatchObject({ minTierId: gold, minTierName: '金卡会员' });
    expect((await owner.call('rewards.list', {}))[0]).toMatchObject({ minTierId: gold, minTierName: '金卡会员' });
    const open = await owner.call('rewards.save', coupon({ name: '人人可兑' }));
    expect(open).toMatchObject({ minTierId: null, minTierName: null });
    const m = await memberWith(owner, 1000);

    const refuse = async (): Promise<void> => {
      const before = (await owner.call('points.get', { memberId: m })).balance;
      expect(await owner.fail('rewards.redeem', { memberId: m, rewardId: r.id })).toMatchObject({
        code: 'CONFLICT',
        messageKey: 'errors.rewards.block.tierTooLow',
        params: { tier: '金卡会员' },
      });
      expect((await owner.call('points.get', { memberId: m })).balance).toBe(before);
      expect(stockOf(h, r.id)).toBe(5);
      expect(count(h, 'redemptions')).toBe(0);
      const offers = await owner.call('rewards.offers', { memberId: m });
      expect(offers.find((o) => o.id === r.id)).toMatchObject({ block: 'tierTooLow', minTierName: '金卡会员' });
      expect(offers.find((o) => o.id === open.id)).toMatchObject({ block: null });
    };
    await refuse();
    // ¥1,000 is 1,000 growth: 银卡会员 (rank 1), still below 金卡会员.
    expect((await buy(owner, m, 1000)).tier.change).toMatchObject({ to: '银卡会员' });
    await refuse();
    // ¥4,000 more reaches 5,000: 金卡会员.
    expect((await buy(owner, m, 4000)).tier.change).toMatchObject({ to: '金卡会员' });
    expect((await owner.call('rewards.offers', { memberId: m })).find((o) => o.id === r.id)).toMatchObject({
      block: null,
    });
    const before = (await owner.call('points.get', { memberId: m })).balance;
    const res = await owner.call('rewards.redeem', { memberId: m, rewardId: r.id });
    expect(res.summary.balance).toBe(before - 200);
    expect(stockOf(h, r.id)).toBe(4);
    expectLedgerConsistent(h);
  });

  it('a higher tier may redeem a reward reserved for a lower one', async () => {
    const { h, owner } = await openShop();
    const silver = await tierId(owner, '银卡会员');
    const r = await owner.call('rewards.save', coupon({ minTierId: silver }));
    const m = await memberWith(owner, 1000);
    h.backend.raw
      .prepare('insert into member_tiers (member_id, tier_id, since) values (?, ?, ?)')
      .run(m, await tierId(owner, '钻石会员'), '2026-03-01');
    expect((await owner.call('rewards.redeem', { memberId: m, rewardId: r.id })).redemption.status).toBe('issued');
  });

  it('a draw prize is granted whatever the tier: the reservation limits only redemption', async () => {
    const { h, owner } = await openShop();
    const r = await owner.call('rewards.save', coupon({ minTierId: await tierId(owner, '金卡会员') }));
    await setDraw(owner, [{ kind: 'reward', name: '代金券', rewardId: r.id, probabilityBp: 10_000, stock: null }]);
    const m = await memberWith(owner, 100);
    const d = await owner.call('draws.draw', { memberId: m });
    expect(d.draw).toMatchObject({ outcome: 'reward', fellBack: false, redemptionId: expect.any(Number) });
    expectLedgerConsistent(h);
  });

  it('saves only an active tier, and the tier table keeps a tier a reward is reserved for', async () => {
    const { h, owner } = await openShop();
    expect((await owner.fail('rewards.save', coupon({ minTierId: 999 }))).fields).toMatchObject({
      minTierId: { messageKey: 'errors.rewards.tierNotFound' },
    });
    expect(count(h, 'rewards')).toBe(0);
    const gold = await tierId(owner, '金卡会员');
    const r = await owner.call('rewards.save', coupon({ minTierId: gold }));
    const config = await owner.call('tiers.config', {});
    const withoutGold = {
      settings: config.settings,
      tiers: config.tiers.filter((t) => t.id !== gold).map(({ members: _m, rank: _r, ...t }) => t),
    };
    expect(await owner.fail('tiers.save', withoutGold)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.tiers.reserved',
      params: { name: '金卡会员' },
    });
    expect((await owner.call('tiers.config', {})).tiers.map((t) => t.name)).toContain('金卡会员');
    // Once the reward is open to everyone, the tier can go.
    await owner.call('rewards.save', { ...coupon({ minTierId: null }), id: r.id });
    await owner.call('tiers.save', withoutGold);
    expect((await owner.call('tiers.config', {})).tiers.map((t) => t.name)).not.toContain('金卡会员');
    expect((await owner.fail('rewards.save', coupon({ minTierId: gold }))).fields).toMatchObject({
      minTierId: { messageKey: 'errors.rewards.tierNotFound' },
    });
  });
});
