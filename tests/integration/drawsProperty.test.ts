import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeShops, openShop, type Client, type Harness } from './harness.js';
import { pointsPrize, setDraw, thanks } from './drawsHelpers.js';
import { expectLedgerConsistent, newMember, replayableSender, setDay, setRules } from './pointsHelpers.js';

/**
 * Random counter days with lucky draws among purchases, points payments, refunds and day changes,
 * through the real dispatcher on an encrypted database (with real randomness in the draws). After
 * every sequence: the ledger holds its invariants; no member drew more than the daily limit on any
 * day; each prize's stock is its start less the times it was won and never below zero; each draw's
 * cost and points prize are exactly its ledger entries; re-sending a request id changes nothing.
 */
type Op =
  | { t: 'buy'; fen: number; pay: number }
  | { t: 'refund'; share: number }
  | { t: 'draw' }
  | { t: 'days'; n: number }
  | { t: 'repeat' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('buy' as const),
      fen: fc.integer({ min: 1, max: 20_000 }),
      pay: fc.integer({ min: 0, max: 40 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('refund' as const), share: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 5, arbitrary: fc.constant({ t: 'draw' as const }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('days' as const), n: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.constant({ t: 'repeat' as const }) },
);

let h: Harness;
let owner: Client;
let day = new Date('2026-03-02T00:00:00Z');
const dayString = () => day.toISOString().slice(0, 10);
const stockAtStart = 40;
let prizeIds: number[] = [];

beforeAll(async () => {
  ({ h, owner } = await openShop());
  owner = await setDay(h, dayString());
  await setRules(owner, { earnPoints: 1, perFen: 100, pointValueFen: 10, freezeDays: 1 });
  const config = await setDraw(owner, [pointsPrize(15, 3000, stockAtStart), pointsPrize(3, 3000), thanks(4000)], {
    cost: 8,
    dailyLimit: 2,
  });
  prizeIds = config.prizes.map((p) => p.id);
});
afterAll(closeShops);

const rowCount = () =>
  h.backend.raw
    .prepare(
      `select (select count(*) from points_ledger) + (select count(*) from draws) + (select count(*) from purchases)
        + (select coalesce(sum(stock), 0) from draw_prizes) as n`,
    )
    .get();

describe('lucky draws under random counter days', () => {
  it('keeps the ledger, the daily limit, the stock and request ids right', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const member = await newMember(owner);
        const purchases: number[] = [];
        const { send, forget, replay } = replayableSender(() => owner);
        for (const o of ops) {
          switch (o.t) {
            case 'buy': {
              const r = await send('purchases.record', {
                memberId: member,
                amountFen: o.fen,
                pointsUsed: Math.min(o.pay, Math.floor(o.fen / 10)),
                paymentMethod: 'cash',
              });
              if (r.ok) purchases.push((r.value as unknown as { purchase: { id: number } }).purchase.id);
              break;
            }
            case 'refund': {
              const id = purchases.at(-1);
              if (id === undefined) break;
              const p = h.backend.raw
                .prepare('select amount_fen - refunded_fen as left from purchases where id = ?')
                .get(id) as { left: number };
              if (p.left > 0)
                await send('purchases.refund', {
                  purchaseId: id,
                  amountFen: Math.max(1, Math.floor((p.left * o.share) / 100)),
                });
              break;
            }
            case 'draw':
              await send('draws.draw', { memberId: member });
              break;
            case 'days':
              day = new Date(day.getTime() + o.n * 86_400_000);
              owner = await setDay(h, dayString());
              forget();
              break;
            case 'repeat':
              await replay(rowCount);
              break;
          }
        }
        expectLedgerConsistent(h);
        const raw = h.backend.raw;
        const overLimit = raw
          .prepare('select member_id, day, count(*) as n from draws group by member_id, day having n > 2')
          .all();
        expect(overLimit).toEqual([]);
        const stock = raw
          .prepare(
            `select stock, (select count(*) from draws where prize_id = p.id and fell_back = 0) as won
             from draw_prizes p where id = ?`,
          )
          .get(prizeIds[0]) as { stock: number; won: number };
        expect(stock.stock).toBeGreaterThanOrEqual(0);
        expect(stock.stock + stock.won).toBe(stockAtStart);
        const badDraws = raw
          .prepare(
            `select d.id from draws d
             left join points_ledger c on c.id = d.cost_entry_id
             left join points_ledger p on p.id = d.prize_entry_id
             where c.points <> -d.cost or c.kind <> 'draw'
                or (d.outcome = 'points') <> (p.id is not null)
                or (p.id is not null and (p.points <> d.points or p.kind <> 'drawPrize'))
                or (d.fell_back = 1 and d.outcome <> 'thanks')`,
          )
          .all();
        expect(badDraws).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
