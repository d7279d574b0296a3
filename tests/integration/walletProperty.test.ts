import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundFee } from '../../shared/rules/wallet.js';
import { tillMethods } from '../../shared/wallet.js';
import { closeShops, openShop, type Client, type Harness } from './harness.js';
import { expectLedgerConsistent, newMember, replayableSender, setDay, setRules } from './pointsHelpers.js';
import { accountOf, expectWalletConsistent, setPackages, setWallet } from './walletHelpers.js';

/**
 * Random counter days with stored value — top-ups with and without packages, purchases paid partly
 * or wholly from it, partial and full refunds of those, card refunds, adjustments and their
 * reversals, voided top-ups, day jumps and re-sent requests — through the real dispatcher on an
 * encrypted database, under random shop settings. After every step: each cached balance equals its
 * ledger, no part is below zero, every row matches the entry it names; a refusal writes nothing, a
 * card refund pays exactly the principal left less the fee, and a re-sent request changes nothing.
 */
type Op =
  | { t: 'topup'; fen: number; pkg: number }
  | { t: 'buy'; fen: number; svPct: number; whole: boolean }
  | { t: 'refund'; pick: number; share: number }
  | { t: 'payout'; method: number }
  | { t: 'adjust'; p: number; b: number }
  | { t: 'reverse'; pick: number }
  | { t: 'void'; pick: number }
  | { t: 'days'; n: number }
  | { t: 'repeat' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('topup' as const),
      fen: fc.integer({ min: 1, max: 300_000 }),
      pkg: fc.integer({ min: -1, max: 2 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('buy' as const),
      fen: fc.integer({ min: 1, max: 150_000 }),
      svPct: fc.integer({ min: 0, max: 100 }),
      whole: fc.boolean(),
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
  { weight: 1, arbitrary: fc.record({ t: fc.constant('payout' as const), method: fc.nat(tillMethods.length - 1) }) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        t: fc.constant('adjust' as const),
        p: fc.integer({ min: -50_000, max: 50_000 }),
        b: fc.integer({ min: -5_000, max: 5_000 }),
      })
      .filter((o) => o.p !== 0 || o.b !== 0),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('days' as const), n: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.constant({ t: 'repeat' as const }) },
);

const settingsArb = fc.record({
  drawOrder: fc.constantFrom('proportional' as const, 'bonusFirst' as const),
  pointsOnStoredValue: fc.constantFrom('all' as const, 'principal' as const, 'none' as const),
  refundFeePct: fc.integer({ min: 0, max: 10 }),
  capFen: fc.constantFrom(500_000, 2_000_000),
});

let h: Harness;
let owner: Client;
let packages: number[] = [];
let day = new Date('2026-03-02T00:00:00Z');
const dayString = () => day.toISOString().slice(0, 10);

beforeAll(async () => {
  ({ h, owner } = await openShop());
  owner = await setDay(h, dayString());
  await setRules(owner, { earnPoints: 1, perFen: 100 });
  packages = await setPackages(owner, [
    [10000, 1000, 10],
    [50000, 8000, 0],
    [100000, 15000, 100],
  ]);
});
afterAll(closeShops);

/** What any stored-value act writes: equal before and after means nothing was written. */
const walletDigest = () =>
  h.backend.raw
    .prepare(
      `select (select count(*) from wallet_ledger) as entries,
         (select coalesce(sum(principal_fen), 0) from wallet_accounts) as p,
         (select coalesce(sum(bonus_fen), 0) from wallet_accounts) as b,
         (select count(*) from wallet_topups where voided_at is not null) as voided,
         (select count(*) from wallet_topups) + (select count(*) from wallet_payouts) as rows,
         (select count(*) from purchases) + (select count(*) from purchase_refunds) as sales,
         (select count(*) from points_ledger) as points,
         (select count(*) from member_events) as events`,
    )
    .get();

describe('stored value under random counter days', () => {
  it('keeps cache = ledger ≥ 0 per part, exact card refunds, refusals and repeats writing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(settingsArb, fc.array(op, { minLength: 5, maxLength: 25 }), async (settings, ops) => {
        await setWallet(owner, settings);
        const member = await newMember(owner);
        const purchases: number[] = [];
        const { send, forget, replay } = replayableSender(() => owner);
        /** Sends one request; a refusal must leave every stored-value row as it was. */
        const act = async (channel: string, input: unknown) => {
          const before = walletDigest();
          const r = await send(channel, input);
          if (!r.ok) expect(walletDigest(), `${channel} refused: ${r.error.messageKey}`).toEqual(before);
          return r;
        };
        for (const o of ops) {
          switch (o.t) {
            case 'topup':
              await act('wallet.topup', {
                memberId: member,
                paidFen: o.fen,
                paymentMethod: 'cash',
                packageId: o.pkg < 0 ? null : packages[o.pkg],
              });
              break;
            case 'buy': {
              const r = o.whole
                ? await act('purchases.record', { memberId: member, amountFen: o.fen, paymentMethod: 'storedValue' })
                : await act('purchases.record', {
                    memberId: member,
                    amountFen: o.fen,
                    storedValueFen: Math.floor((o.fen * o.svPct) / 100),
                    paymentMethod: 'alipay',
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
              await act('purchases.refund', {
                purchaseId: id,
                amountFen: Math.max(1, Math.floor((p.left * o.share) / 100)),
              });
              break;
            }
            case 'payout': {
              const before = accountOf(h, member);
              const r = await act('wallet.refundBalance', {
                memberId: member,
                payoutMethod: tillMethods[o.method],
                reason: '退卡',
              });
              if (!r.ok) {
                expect(before).toEqual({ principal: 0, bonus: 0 });
                break;
              }
              const v = r.value as unknown as {
                principalFen: number;
                bonusForfeitedFen: number;
                feeFen: number;
                payoutFen: number;
              };
              expect(v.principalFen).toBe(before.principal);
              expect(v.bonusForfeitedFen).toBe(before.bonus);
              expect(v.feeFen).toBe(refundFee(before.principal, settings.refundFeePct));
              expect(v.payoutFen).toBe(before.principal - v.feeFen);
              expect(accountOf(h, member)).toEqual({ principal: 0, bonus: 0 });
              break;
            }
            case 'adjust':
              await act('wallet.adjust', { memberId: member, principalFen: o.p, bonusFen: o.b, reason: '随机调整' });
              break;
            case 'reverse': {
              const rows = h.backend.raw
                .prepare(`select id from wallet_ledger where member_id = ? and kind = 'adjust' order by id`)
                .all(member) as { id: number }[];
              if (rows.length) await act('wallet.reverse', { entryId: rows[o.pick % rows.length]!.id, reason: '冲正' });
              break;
            }
            case 'void': {
              const rows = h.backend.raw
                .prepare('select id from wallet_topups where member_id = ? order by id')
                .all(member) as { id: number }[];
              if (rows.length)
                await act('wallet.voidTopup', { topupId: rows[o.pick % rows.length]!.id, reason: '作废' });
              break;
            }
            case 'days':
              day = new Date(day.getTime() + o.n * 86_400_000);
              owner = await setDay(h, dayString());
              forget();
              break;
            case 'repeat':
              await replay(walletDigest);
              break;
          }
          expectWalletConsistent(h);
        }
        expectLedgerConsistent(h);
      }),
      { numRuns: 60 },
    );
    // The runs reached every kind of act, not only refusals.
    const kinds = h.backend.raw
      .prepare(
        `select kind, ref_type, count(*) as n from wallet_ledger group by kind, ref_type order by kind, ref_type`,
      )
      .all() as { kind: string; ref_type: string; n: number }[];
    expect(kinds.map((k) => `${k.kind}/${k.ref_type}`)).toEqual([
      'adjust/',
      'payout/payout',
      'reversal/',
      'reversal/topup',
      'spend/purchase',
      'spendReturn/refund',
      'topup/topup',
    ]);
  }, 300_000);
});
