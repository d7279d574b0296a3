import { expect } from 'vitest';
import type { InputOf } from '../../shared/contract/index.js';
import { refundFee, runningShare, unusedValue } from '../../shared/rules/wallet.js';
import { ownerAccount, signedIn, type Client, type Harness } from './harness.js';

/** A product input: 10 visits of 洗车 for ¥300, 30 days, no limits, unless told otherwise. */
export const productInput = (
  extra: Partial<InputOf<'visitcards.saveProduct'>> = {},
): InputOf<'visitcards.saveProduct'> => ({
  name: '洗车十次卡',
  services: ['洗车'],
  uses: 10,
  priceFen: 30_000,
  validity: { kind: 'days', days: 30 },
  perDayLimit: null,
  weekdaysOnly: false,
  active: true,
  ...extra,
});

/** Saves a product and returns its id (the newest product). */
export async function newProduct(c: Client, extra: Partial<InputOf<'visitcards.saveProduct'>> = {}): Promise<number> {
  const all = await c.call('visitcards.saveProduct', productInput(extra));
  return Math.max(...all.map((p) => p.id));
}

/** Sets the clock to an instant and signs the owner (and any other staff named) in again. */
export async function at(h: Harness, iso: string, ...others: string[]): Promise<Client[]> {
  h.clock.set(iso);
  const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
  const rest = await Promise.all(others.map((u) => signedIn(h, u, `${u}-pass-1`)));
  return [owner, ...rest];
}

/** Gives a member stored value by the owner's manual adjustment: exact principal and bonus. */
export async function giveWallet(
  owner: Client,
  memberId: number,
  principalFen: number,
  bonusFen: number,
): Promise<void> {
  await owner.call('wallet.adjust', { memberId, principalFen, bonusFen, reason: '测试储值' });
}

export function walletOf(h: Harness, memberId: number): { principal: number; bonus: number } {
  const r = h.backend.raw
    .prepare('select principal_fen as principal, bonus_fen as bonus from wallet_accounts where member_id = ?')
    .get(memberId) as { principal: number; bonus: number } | undefined;
  return r ?? { principal: 0, bonus: 0 };
}

const watched = [
  'visitcard_products',
  'visitcards',
  'visitcard_uses',
  'wallet_ledger',
  'wallet_accounts',
  'points_ledger',
  'member_events',
  'audit_log',
];

/** Every row a count-card act could write: equal before and after a refusal. */
export function fingerprint(h: Harness): string {
  return JSON.stringify(watched.map((t) => h.backend.raw.prepare(`select * from ${t} order by rowid`).all()));
}

export const count = (h: Harness, table: string): number =>
  (h.backend.raw.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

interface CardRow {
  id: number;
  uses_total: number;
  uses_left: number;
  refunded_uses: number;
  price_fen: number;
  payment_method: string;
  wallet_entry_id: number | null;
  refund_entry_id: number | null;
  refunded_at: string | null;
  refund_fen: number;
  refund_method: string | null;
  per_day_limit: number | null;
  weekdays_only: number;
  expires_on: string | null;
}

/**
 * The count-card invariants on the stored rows: the `uses_left` cache equals uses_total − net
 * visits − refunded visits; net visits never exceed the count; no visit was deducted past the last
 * day, on a weekend of a weekdays-only card or over the per-day limit; an undo reverses one visit
 * once; a refund paid exactly the pro-rata value less the fee, to stored value in the parts the
 * sale took; and every member's cached stored value equals their ledger.
 */
export function expectCardsConsistent(h: Harness, feePct = 0): void {
  const raw = h.backend.raw;
  const cards = raw.prepare('select * from visitcards').all() as CardRow[];
  for (const c of cards) {
    const net = (
      raw.prepare('select coalesce(sum(uses), 0) as n from visitcard_uses where visitcard_id = ?').get(c.id) as {
        n: number;
      }
    ).n;
    expect(c.uses_left, `card ${c.id} cache`).toBe(c.uses_total - net - c.refunded_uses);
    expect(net, `card ${c.id} net visits`).toBeLessThanOrEqual(c.uses_total);
    expect(net).toBeGreaterThanOrEqual(0);
    if (c.refunded_at === null) {
      expect(c.refunded_uses).toBe(0);
      continue;
    }
    const value = unusedValue(c.price_fen, c.uses_total, c.refunded_uses);
    expect(c.refund_fen, `card ${c.id} refund`).toBe(value - refundFee(value, feePct));
    expect(c.uses_left).toBe(0);
    if (c.payment_method !== 'storedValue') {
      expect(c.refund_entry_id).toBeNull();
      continue;
    }
    expect(c.refund_method).toBe('storedValue');
    if (c.wallet_entry_id === null || c.refund_fen === 0) {
      expect(c.refund_entry_id).toBeNull();
      continue;
    }
    const entry = (id: number | null) =>
      raw.prepare('select * from wallet_ledger where id = ?').get(id) as {
        kind: string;
        principal_fen: number;
        bonus_fen: number;
        ref_type: string;
        ref_id: number;
      };
    const sale = entry(c.wallet_entry_id);
    const back = entry(c.refund_entry_id);
    expect(back).toMatchObject({ kind: 'spendReturn', ref_type: 'visitcardRefund', ref_id: c.id });
    expect(back.principal_fen + back.bonus_fen).toBe(c.refund_fen);
    expect(back.principal_fen).toBe(runningShare(-sale.principal_fen, c.price_fen, c.refund_fen, 0));
    expect(back.bonus_fen).toBeLessThanOrEqual(-sale.bonus_fen);
    expect(back.bonus_fen).toBeGreaterThanOrEqual(0);
  }
  const bad = raw
    .prepare(
      `select u.id from visitcard_uses u join visitcards c on c.id = u.visitcard_id
       where (u.uses = 1 and (u.reverses_id is not null or u.day > coalesce(c.expires_on, '9999')
                or (c.weekdays_only = 1 and strftime('%w', u.day) in ('0', '6'))))
          or (u.uses = -1 and (u.reverses_id is null
                or (select r.uses from visitcard_uses r where r.id = u.reverses_id and r.visitcard_id = u.visitcard_id) <> 1))`,
    )
    .all();
  expect(bad).toEqual([]);
  const overLimit = raw
    .prepare(
      `select u.visitcard_id, u.day from visitcard_uses u join visitcards c on c.id = u.visitcard_id
       where u.uses = 1 and c.per_day_limit is not null
         and not exists (select 1 from visitcard_uses r where r.reverses_id = u.id)
       group by u.visitcard_id, u.day having count(*) > max(c.per_day_limit)`,
    )
    .all();
  expect(overLimit).toEqual([]);
  const wallets = raw
    .prepare(
      `select a.member_id from wallet_accounts a
       left join (select member_id, sum(principal_fen) as p, sum(bonus_fen) as b from wallet_ledger group by member_id) l
         on l.member_id = a.member_id
       where a.principal_fen <> coalesce(l.p, 0) or a.bonus_fen <> coalesce(l.b, 0)
          or a.principal_fen < 0 or a.bonus_fen < 0`,
    )
    .all();
  expect(wallets).toEqual([]);
}
