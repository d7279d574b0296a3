import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeShops, openShop, type Client, type Harness } from './harness.js';
import { newMember, replayableSender, setDay } from './pointsHelpers.js';
import { at, expectCardsConsistent, giveWallet, newProduct } from './visitcardsHelpers.js';

/**
 * Random counter days for count cards — sales (cash or stored value), visits, undos, refunds,
 * stored value given, moves of the clock by days or by hours across midnight and the shop's 04:00
 * day start, and repeated request ids — through the real dispatcher on an encrypted database.
 * After every sequence: no card used more than its count, the uses_left cache equals the rows, no
 * visit broke expiry, the weekdays-only rule or the per-day limit, every refund paid exactly the
 * pro-rata value less the fee (to stored value in the sale's parts), and stored value equals its
 * ledger; re-sending any request id changes nothing.
 */
type Op =
  | { t: 'sell'; pick: number; wallet: boolean }
  | { t: 'use'; pick: number; service: number }
  | { t: 'undo'; pick: number }
  | { t: 'refund'; pick: number }
  | { t: 'credit'; principal: number; bonus: number }
  | { t: 'days'; n: number }
  | { t: 'hours'; n: number }
  | { t: 'repeat' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('sell' as const), pick: fc.nat(), wallet: fc.boolean() }) },
  {
    weight: 12,
    arbitrary: fc.record({ t: fc.constant('use' as const), pick: fc.nat(), service: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('undo' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('refund' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('credit' as const),
      principal: fc.integer({ min: 0, max: 50_000 }),
      bonus: fc.integer({ min: 0, max: 10_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('days' as const), n: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('hours' as const), n: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 2, arbitrary: fc.constant({ t: 'repeat' as const }) },
);

const feePct = 7;
let h: Harness;
let owner: Client;
let now = new Date('2026-03-02T02:00:00Z').getTime();
let products: number[] = [];

beforeAll(async () => {
  ({ h, owner } = await openShop());
  owner = await setDay(h, '2026-03-02');
  const settings = await owner.call('settings.get', {});
  await owner.call('settings.update', { ...settings, dayStartHour: 4 });
  const { settings: wallet } = await owner.call('wallet.config', {});
  await owner.call('wallet.saveSettings', {
    ...wallet,
    terms: wallet.terms.replace(/\n/g, ' '),
    visitcardRefundFeePct: feePct,
  });
  products = [
    await newProduct(owner, {
      name: '限次',
      uses: 5,
      priceFen: 9_999,
      validity: { kind: 'days', days: 3 },
      perDayLimit: 2,
    }),
    await newProduct(owner, {
      name: '工作日',
      services: ['洗车', '打蜡'],
      uses: 3,
      priceFen: 10_001,
      validity: { kind: 'none' },
      weekdaysOnly: true,
    }),
    await newProduct(owner, { name: '小额', uses: 7, priceFen: 7, validity: { kind: 'until', until: '2030-12-31' } }),
    await newProduct(owner, {
      name: '十次',
      uses: 10,
      priceFen: 26_850,
      validity: { kind: 'days', days: 10 },
      perDayLimit: 1,
    }),
  ];
});
afterAll(closeShops);

const rowCount = () =>
  h.backend.raw
    .prepare(
      `select (select count(*) from visitcards) + (select count(*) from visitcard_uses)
        + (select count(*) from wallet_ledger) + (select count(*) from visitcards where refunded_at is not null) as n`,
    )
    .get();

describe('count cards under random counter days', () => {
  it('never use more than the count; the cache equals the rows; refunds are exact; requests apply once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
        const member = await newMember(owner);
        await giveWallet(owner, member, 30_000, 3_000);
        const cards: number[] = [];
        const { send, forget, replay } = replayableSender(() => owner);
        const move = async (ms: number) => {
          now += ms;
          [owner] = (await at(h, new Date(now).toISOString())) as [Client];
          forget();
        };
        for (const o of ops) {
          switch (o.t) {
            case 'sell': {
              const r = await send('visitcards.sell', {
                memberId: member,
                productId: products[o.pick % products.length]!,
                paymentMethod: o.wallet ? 'storedValue' : 'cash',
              });
              if (r.ok) cards.push((r.value as unknown as { card: { id: number } }).card.id);
              break;
            }
            case 'use':
              if (cards.length)
                await send('visitcards.use', {
                  cardId: cards[o.pick % cards.length]!,
                  service: ['', '洗车', '打蜡'][o.service]!,
                });
              break;
            case 'undo': {
              const uses = h.backend.raw
                .prepare('select id from visitcard_uses where member_id = ? and uses = 1 order by id')
                .all(member) as { id: number }[];
              if (uses.length)
                await send('visitcards.undoUse', { useId: uses[o.pick % uses.length]!.id, reason: '撤销' });
              break;
            }
            case 'refund':
              if (cards.length)
                await send('visitcards.refund', {
                  cardId: cards[o.pick % cards.length]!,
                  payoutMethod: 'cash',
                  reason: '退',
                });
              break;
            case 'credit':
              if (o.principal + o.bonus > 0) await giveWallet(owner, member, o.principal, o.bonus);
              break;
            case 'days':
              await move(o.n * 86_400_000);
              break;
            case 'hours':
              await move(o.n * 3_600_000);
              break;
            case 'repeat':
              await replay(rowCount);
              break;
          }
        }
        expectCardsConsistent(h, feePct);
        const overUsed = h.backend.raw
          .prepare(
            `select c.id from visitcards c where c.uses_left < 0
               or (select coalesce(sum(uses), 0) from visitcard_uses u where u.visitcard_id = c.id) + c.refunded_uses > c.uses_total`,
          )
          .all();
        expect(overUsed).toEqual([]);
      }),
      { numRuns: 80 },
    );
  }, 300_000);
});
