import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, closeShops, openShop, signedIn, type Client, type Harness } from './harness.js';
import { setRules } from './pointsHelpers.js';
import { earnedKindsSql } from '../../electron/services/draws/leaderboard.js';

afterEach(closeShops);

/** Sets the shop's clock to an instant and signs the owner in again (sessions lapse over the jump). */
async function at(h: Harness, iso: string): Promise<Client> {
  h.clock.set(iso);
  return signedIn(h, 'boss', 'owner-pass-1');
}

const buy = (c: Client, memberId: number, yuan: number) =>
  c.call('purchases.record', { memberId, amountFen: yuan * 100, paymentMethod: 'cash' });

describe('points leaderboard', () => {
  it('ranks by points earned in the shop-time month, net of refunds and voids, masked', async () => {
    const { h } = await openShop();
    let c = await at(h, '2026-03-05T02:00:00.000Z');
    await setRules(c, { earnPoints: 1, perFen: 100, checkIn: { points: 3, streakBonuses: [] } });
    const reg = async (phone: string, name: string) => (await c.call('members.register', { phone, name })).id;
    const wang = await reg('13800138000', '王女士');
    const li = await reg('13900139000', '李先生');
    const zhao = await reg('13700137000', '赵');
    const adjusted = await reg('13600136000', '钱多多');
    const archived = await reg('13500135000', '孙');

    const checkin = await c.call('points.checkIn', { memberId: wang }); // +3 in March
    await c.call('points.adjust', { memberId: adjusted, points: 5000, reason: '补录' }); // not earned
    await buy(c, archived, 999);
    await c.call('members.setArchived', { id: archived, archived: true });
    c = await at(h, '2026-03-20T02:00:00.000Z');
    const big = await buy(c, zhao, 300); // March, refunded in April: counts nowhere
    // 23:00 on 31 March in Shanghai: March.
    c = await at(h, '2026-03-31T15:00:00.000Z');
    await buy(c, wang, 100);
    // 00:30 on 1 April in Shanghai (still 31 March in UTC): April.
    c = await at(h, '2026-03-31T16:30:00.000Z');
    await buy(c, li, 200);
    c = await at(h, '2026-04-02T02:00:00.000Z');
    await c.call('purchases.refund', { purchaseId: big.purchase.id, amountFen: 30000, reason: '退货' });
    await buy(c, wang, 50);

    const march = await c.call('leaderboard.get', { period: '2026-03' });
    expect(march).toMatchObject({ period: '2026-03', from: '2026-03-01', to: '2026-03-31', today: '2026-04-02' });
    expect(march.rows).toEqual([{ rank: 1, memberId: wang, name: '王*', phone: '138****8000', points: 103 }]);

    const april = await c.call('leaderboard.get', {});
    expect(april.period).toBe('2026-04');
    expect(april.rows.map((r) => [r.rank, r.name, r.phone, r.points])).toEqual([
      [1, '李*', '139****9000', 200],
      [2, '王*', '138****8000', 50],
    ]);
    // The whole name and number never leave the main process.
    expect(JSON.stringify(april)).not.toMatch(/王女士|李先生|13800138000|8001 ?3800/);

    // Voiding the March check-in takes it off March, even though the void is in April.
    await c.call('points.void', { entryId: checkin.summary.lots[0]!.id, reason: '误操作' });
    expect((await c.call('leaderboard.get', { period: '2026-03' })).rows[0]!.points).toBe(100);

    const q1 = await c.call('leaderboard.get', { period: '2026-Q1' });
    expect(q1).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    const year = await c.call('leaderboard.get', { period: '2026', limit: 50 });
    expect(year.rows.map((r) => r.points)).toEqual([200, 150]);
    expect((await c.fail('leaderboard.get', { period: '2026-13' })).fields).toHaveProperty('period');
    expect((await c.fail('leaderboard.get', { limit: 30 })).fields).toHaveProperty('limit');
  });

  it('gives equal totals the same rank and is open to every signed-in role', async () => {
    const { h } = await openShop();
    const c = await at(h, '2026-05-10T02:00:00.000Z');
    await setRules(c, { earnPoints: 1, perFen: 100 });
    const ids: number[] = [];
    for (const [i, yuan] of [50, 80, 80, 10].entries()) {
      const id = (await c.call('members.register', { phone: `1371000000${i}`, name: `Member ${i}` })).id;
      ids.push(id);
      await buy(c, id, yuan);
    }
    await addStaff(c, 'clerk1', 'clerk');
    const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
    const board = await clerk.call('leaderboard.get', {});
    expect(board.rows.map((r) => [r.rank, r.memberId, r.name])).toEqual([
      [1, ids[1], 'M*'],
      [1, ids[2], 'M*'],
      [3, ids[0], 'M*'],
      [4, ids[3], 'M*'],
    ]);
  });

  it('reads the earning entries from the points_ledger_earned index', async () => {
    // The partial index is used only when the query names the same kinds word for word.
    const { h } = await openShop();
    const plan = h.backend.raw
      .prepare(
        `explain query plan select member_id, points from points_ledger where ${earnedKindsSql} and day >= ? and day <= ?`,
      )
      .all('2026-03-01', '2026-03-31') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/COVERING INDEX points_ledger_earned/);
  });
});
