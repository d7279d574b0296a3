import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyPoints } from '../../electron/services/points/daily.js';
import { closeShops, openShop, type Client, type Harness } from './harness.js';
import { newMember, setDay } from './pointsHelpers.js';
import { sale } from './tiersHelpers.js';

/**
 * Random histories — purchases, partial refunds, days passing with their reviews, manual tiers set
 * by the owner — then a purchase and its full refund (in one to three parts) on one day: the
 * member's growth value, tier, since-day, review date and everything the member page shows are
 * exactly as before the purchase. Growth never goes below zero and a refunded purchase keeps none.
 */
type Op =
  | { t: 'buy'; fen: number }
  | { t: 'refund'; pick: number; share: number }
  | { t: 'days'; n: number }
  | { t: 'manual'; tier: number; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('buy' as const), fen: fc.integer({ min: 1, max: 800_000 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('refund' as const),
      pick: fc.nat(),
      share: fc.integer({ min: 1, max: 100 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('days' as const), n: fc.integer({ min: 1, max: 200 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('manual' as const),
      tier: fc.integer({ min: 0, max: 3 }),
      days: fc.integer({ min: 0, max: 60 }),
    }),
  },
);

let h: Harness;
let owner: Client;
let day = new Date('2026-03-01T00:00:00Z');
const dayString = () => day.toISOString().slice(0, 10);

beforeAll(async () => {
  ({ h, owner } = await openShop());
});
afterAll(closeShops);

const tierRow = (member: number) => h.backend.raw.prepare('select * from member_tiers where member_id = ?').get(member);

describe('growth value and tier under random histories', () => {
  it('a purchase and its full refund on one day leave growth and tier as they were', async () => {
    const tiers = (await owner.call('tiers.config', {})).tiers;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 2, maxLength: 14 }),
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 0, maxLength: 2 }),
        async (history, fen, parts) => {
          const member = await newMember(owner);
          const purchases: number[] = [];
          for (const o of history) {
            if (o.t === 'buy') purchases.push((await owner.call('purchases.record', sale(member, o.fen))).purchase.id);
            else if (o.t === 'refund' && purchases.length) {
              const id = purchases[o.pick % purchases.length]!;
              const { left } = h.backend.raw
                .prepare('select amount_fen - refunded_fen as left from purchases where id = ?')
                .get(id) as { left: number };
              if (left > 0)
                await owner.call('purchases.refund', {
                  purchaseId: id,
                  amountFen: Math.max(1, Math.floor((left * o.share) / 100)),
                });
            } else if (o.t === 'days') {
              day = new Date(day.getTime() + o.n * 86_400_000);
              owner = await setDay(h, dayString());
              await runDailyPoints(h.backend);
            } else if (o.t === 'manual') {
              const until = new Date(day.getTime() + o.days * 86_400_000).toISOString().slice(0, 10);
              await owner.call('tiers.setManual', {
                memberId: member,
                tierId: tiers[o.tier]!.id,
                until,
                reason: '随机',
              });
            }
          }
          const before = { view: await owner.call('tiers.member', { memberId: member }), row: tierRow(member) };
          const p = (await owner.call('purchases.record', sale(member, fen))).purchase;
          let refunded = 0;
          for (const share of parts) {
            const amount = Math.max(1, Math.floor(((fen - refunded) * share) / 100));
            if (refunded + amount >= fen) break;
            await owner.call('purchases.refund', { purchaseId: p.id, amountFen: amount });
            refunded += amount;
          }
          await owner.call('purchases.refund', { purchaseId: p.id, amountFen: fen - refunded });
          expect(await owner.call('tiers.member', { memberId: member })).toEqual(before.view);
          expect(tierRow(member)).toEqual(before.row);
          const bad = h.backend.raw
            .prepare(
              `select p.id from purchases p where p.member_id = ? and (
                 (select coalesce(sum(growth), 0) from growth_ledger g where g.ref_type = 'purchase' and g.ref_id = p.id) < 0
                 or (p.refunded_fen = p.amount_fen and
                   (select coalesce(sum(growth), 0) from growth_ledger g where g.ref_type = 'purchase' and g.ref_id = p.id) <> 0))`,
            )
            .all(member);
          expect(bad).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 600_000);
});
