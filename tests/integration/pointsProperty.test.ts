import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExpiry } from '../../electron/services/points/expiry.js';
import { closeShops, openShop, type Client, type Harness } from './harness.js';
import { expectLedgerConsistent, newMember, replayableSender, setDay, setRules } from './pointsHelpers.js';

/**
 * Random counter days — purchases (some paid partly with points), partial and full refunds,
 * check-ins, referrals, adjustments, voids, activities, reward redemptions, their cancellation and
 * used codes, and expiry runs across simulated days —
 * through the real dispatcher on an encrypted database. After every sequence the stored ledger
 * must hold its invariants, and re-sending any request id must change nothing.
 */
type Op =
  | { t: 'buy'; fen: number; pay: number }
  | { t: 'refund'; pick: number; share: number }
  | { t: 'checkIn' }
  | { t: 'refer' }
  | { t: 'adjust'; points: number }
  | { t: 'void'; pick: number }
  | { t: 'attend' }
  | { t: 'days'; n: number }
  | { t: 'expire' }
  | { t: 'redeem'; pick: number }
  | { t: 'cancel'; pick: number }
  | { t: 'use'; pick: number }
  | { t: 'repeat' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('buy' as const),
      fen: fc.integer({ min: 1, max: 200_000 }),
      pay: fc.integer({ min: 0, max: 300 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('refund' as const),
      pick: fc.nat(),
      share: fc.integer({ min: 1, max: 100 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ t: 'checkIn' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'refer' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('adjust' as const),
      points: fc.integer({ min: -300, max: 300 }).filter((n) => n !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ t: 'attend' as const }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('days' as const), n: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'expire' as const }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('redeem' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('use' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ t: 'repeat' as const }) },
);

let h: Harness;
let owner: Client;
let day = new Date('2026-03-02T00:00:00Z');
/** Catalog rewards with their starting stock: a coupon, a gift, and one that soon runs out. */
let rewards: { id: number; stock: number }[] = [];
const dayString = () => day.toISOString().slice(0, 10);

beforeAll(async () => {
  ({ h, owner } = await openShop());
  owner = await setDay(h, dayString());
  await setRules(owner, {
    earnPoints: 1,
    perFen: 100,
    pointValueFen: 10,
    freezeDays: 3,
    expiry: { kind: 'rolling', months: 1 },
    checkIn: { points: 2, streakBonuses: [{ day: 3, points: 5 }] },
    referral: { onRegister: 7, onFirstPurchase: 11 },
  });
  const save = async (name: string, kind: 'coupon' | 'goods', pointsCost: number, stock: number) => {
    const r = await owner.call('rewards.save', {
      name,
      kind,
      pointsCost,
      stock,
      active: true,
      ...(kind === 'coupon' ? { valueFen: 500, codeValidDays: 20 } : {}),
    });
    return { id: r.id, stock };
  };
  rewards = [
    await save('券', 'coupon', 30, 100_000),
    await save('杯子', 'goods', 55, 100_000),
    await save('限量', 'goods', 20, 3),
  ];
});
afterAll(closeShops);

const rowCount = () =>
  h.backend.raw
    .prepare(
      `select (select count(*) from points_ledger) + (select count(*) from purchases)
        + (select count(*) from redemptions where status = 'cancelled') + (select count(*) from redemptions) as n`,
    )
    .get();

describe('the points ledger under random counter days', () => {
  it('keeps balance = sum of ledger ≥ 0, refunds within what was earned, expiry off spent points, requests once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const member = await newMember(owner);
        const purchases: number[] = [];
        const { send, forget, replay } = replayableSender(() => owner);
        for (const o of ops) {
          switch (o.t) {
            case 'buy': {
              const pay = Math.min(o.pay, Math.floor(o.fen / 10));
              const r = await send('purchases.record', {
                memberId: member,
                amountFen: o.fen,
                pointsUsed: pay,
                paymentMethod: 'cash',
              });
              if (r.ok) purchases.push((r.value as unknown as { purchase: { id: number } }).purchase.id);
              break;
            }
            case 'refund': {
              if (purchases.length === 0) break;
              const id = purchases[o.pick % purchases.length]!;
              const p = h.backend.raw
                .prepare('select amount_fen - refunded_fen as left from purchases where id = ?')
                .get(id) as { left: number };
              if (p.left === 0) break;
              await send('purchases.refund', {
                purchaseId: id,
                amountFen: Math.max(1, Math.floor((p.left * o.share) / 100)),
              });
              break;
            }
            case 'checkIn':
              await send('points.checkIn', { memberId: member });
              break;
            case 'refer':
              await send('members.register', {
                phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
                referrerId: member,
              });
              break;
            case 'adjust':
              await send('points.adjust', { memberId: member, points: o.points, reason: '随机调整' });
              break;
            case 'void': {
              const rows = h.backend.raw
                .prepare(
                  `select id from points_ledger where member_id = ? and kind in ('adjust', 'checkin', 'referral', 'activity') order by id`,
                )
                .all(member) as { id: number }[];
              if (rows.length) await send('points.void', { entryId: rows[o.pick % rows.length]!.id, reason: '作废' });
              break;
            }
            case 'attend': {
              const a = await owner.call('activities.save', {
                name: '活动',
                day: dayString(),
                points: 9,
                active: true,
              });
              await send('activities.attend', { activityId: a.id, memberId: member });
              break;
            }
            case 'days':
              day = new Date(day.getTime() + o.n * 86_400_000);
              owner = await setDay(h, dayString());
              forget();
              break;
            case 'expire':
              await runExpiry(h.backend);
              break;
            case 'redeem':
              await send('rewards.redeem', { memberId: member, rewardId: rewards[o.pick % rewards.length]!.id });
              break;
            case 'cancel':
            case 'use': {
              const rows = h.backend.raw
                .prepare(`select id, code from redemptions where member_id = ? order by id`)
                .all(member) as { id: number; code: string | null }[];
              const r = rows[o.pick % Math.max(1, rows.length)];
              if (!r) break;
              if (o.t === 'cancel') await send('rewards.cancel', { redemptionId: r.id, reason: '取消' });
              else if (r.code) await send('rewards.useCode', { code: r.code });
              break;
            }
            case 'repeat':
              await replay(rowCount);
              break;
          }
        }
        expectLedgerConsistent(h);
        const expired = h.backend.raw
          .prepare(
            `select count(*) as n from points_allocations a join points_ledger e on e.id = a.entry_id
             join points_ledger lot on lot.id = a.lot_id where e.kind = 'expire' and lot.expires_on >= e.day`,
          )
          .get() as { n: number };
        expect(expired.n).toBe(0);
        // Stock is what it started with, less every redemption not cancelled.
        for (const r of rewards) {
          const now = h.backend.raw
            .prepare(
              `select stock, (select count(*) from redemptions where reward_id = ? and status <> 'cancelled') as taken
               from rewards where id = ?`,
            )
            .get(r.id, r.id) as { stock: number; taken: number };
          expect(now.stock + now.taken).toBe(r.stock);
        }
        // A redemption's points are its debit; a cancelled one was given back in full, exactly once.
        const badRedemptions = h.backend.raw
          .prepare(
            `select r.id from redemptions r
             left join points_ledger d on d.id = r.entry_id
             left join points_ledger c on c.id = r.cancel_entry_id
             where r.source = 'redeem' and (d.points <> -r.points
               or (r.status = 'cancelled') <> (c.id is not null) or (c.id is not null and c.points <> r.points))`,
          )
          .all();
        expect(badRedemptions).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});
