import type { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { defaultWalletSettings } from '../../electron/services/wallet/settings.js';
import type { TillMethod, WalletSettings } from '../../shared/wallet.js';
import type { Client, Harness } from './harness.js';

export { defaultWalletSettings };

export async function setWallet(c: Client, patch: Partial<WalletSettings>) {
  return c.call('wallet.saveSettings', { ...defaultWalletSettings, ...patch });
}

/** The owner saves one active package per [payFen, bonusFen, bonusPoints]; their ids in that order. */
export async function setPackages(c: Client, packages: [number, number, number?][]): Promise<number[]> {
  const cfg = await c.call('wallet.savePackages', {
    packages: packages.map(([payFen, bonusFen, bonusPoints = 0]) => ({ payFen, bonusFen, bonusPoints, active: true })),
  });
  return packages.map(([payFen]) => cfg.packages.find((p) => p.payFen === payFen && p.active)!.id);
}

export async function topUp(
  c: Client,
  memberId: number,
  paidFen: number,
  extra: { paymentMethod?: TillMethod; packageId?: number | null } = {},
  requestId?: ReturnType<typeof randomUUID>,
) {
  return c.call('wallet.topup', { memberId, paidFen, paymentMethod: 'cash', ...extra }, requestId);
}

/** The cached balances as stored (zeros when the member never had stored value). */
export function accountOf(h: Harness, memberId: number): { principal: number; bonus: number } {
  const r = h.backend.raw
    .prepare('select principal_fen as principal, bonus_fen as bonus from wallet_accounts where member_id = ?')
    .get(memberId) as { principal: number; bonus: number } | undefined;
  return r ?? { principal: 0, bonus: 0 };
}

const fingerprintTables = [
  'wallet_ledger',
  'wallet_accounts',
  'wallet_topups',
  'wallet_payouts',
  'wallet_terms',
  'wallet_packages',
  'points_ledger',
  'purchases',
  'purchase_refunds',
  'member_events',
  'audit_log',
  'settings',
];

/**
 * Everything a stored-value act could write, as row counts and a digest of the rows: equal
 * before and after a refusal means the refusal wrote nothing.
 */
export function fingerprint(h: Harness): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of fingerprintTables) out[t] = h.backend.raw.prepare(`select * from ${t} order by rowid`).all();
  return out;
}

/**
 * The stored-value invariants on the stored rows: each cached balance equals its ledger's sums and
 * no part is below zero; every top-up, void, payout, purchase spend and refund return is the
 * ledger entry it names, part for part; no purchase got back more of a part than it took.
 */
export function expectWalletConsistent(h: Harness): void {
  const raw = h.backend.raw;
  const sums = raw
    .prepare(
      `select m.member_id, coalesce(a.principal_fen, 0) as ap, coalesce(a.bonus_fen, 0) as ab,
         coalesce(l.p, 0) as lp, coalesce(l.b, 0) as lb
       from (select member_id from wallet_ledger union select member_id from wallet_accounts) m
       left join wallet_accounts a on a.member_id = m.member_id
       left join (select member_id, sum(principal_fen) as p, sum(bonus_fen) as b from wallet_ledger group by member_id) l
         on l.member_id = m.member_id`,
    )
    .all() as { member_id: number; ap: number; ab: number; lp: number; lb: number }[];
  for (const s of sums) {
    expect({ p: s.ap, b: s.ab }, `member ${s.member_id} cache = ledger`).toEqual({ p: s.lp, b: s.lb });
    expect(s.ap, `member ${s.member_id} principal`).toBeGreaterThanOrEqual(0);
    expect(s.ab, `member ${s.member_id} bonus`).toBeGreaterThanOrEqual(0);
  }
  const bad = (sql: string) => expect(raw.prepare(sql).all(), sql).toEqual([]);
  bad(`select t.id from wallet_topups t join wallet_ledger e on e.id = t.entry_id
       where e.kind <> 'topup' or e.principal_fen <> t.paid_fen or e.bonus_fen <> t.bonus_fen
          or e.ref_type <> 'topup' or e.ref_id <> t.id or e.member_id <> t.member_id`);
  bad(`select t.id from wallet_topups t left join wallet_ledger v on v.id = t.void_entry_id
       where (t.voided_at is null) <> (v.id is null)
          or (v.id is not null and (v.kind <> 'reversal' or v.reverses_id <> t.entry_id
              or v.principal_fen <> -t.paid_fen or v.bonus_fen <> -t.bonus_fen))`);
  bad(`select p.id from wallet_payouts p join wallet_ledger e on e.id = p.entry_id
       where e.kind <> 'payout' or e.principal_fen <> -p.principal_fen or e.bonus_fen <> -p.bonus_forfeited_fen
          or e.ref_id <> p.id or p.payout_fen <> p.principal_fen - p.fee_fen`);
  bad(`select p.id from purchases p
       where p.stored_value_fen <> coalesce((select -sum(principal_fen + bonus_fen) from wallet_ledger
         where kind = 'spend' and ref_type = 'purchase' and ref_id = p.id), 0)`);
  bad(`select r.id from purchase_refunds r
       where r.wallet_principal_fen <> coalesce((select sum(principal_fen) from wallet_ledger
               where kind = 'spendReturn' and ref_type = 'refund' and ref_id = r.id), 0)
          or r.wallet_bonus_fen <> coalesce((select sum(bonus_fen) from wallet_ledger
               where kind = 'spendReturn' and ref_type = 'refund' and ref_id = r.id), 0)`);
  bad(`select p.id from purchases p
       join (select ref_id, -sum(principal_fen) as sp, -sum(bonus_fen) as sb from wallet_ledger
             where kind = 'spend' and ref_type = 'purchase' group by ref_id) s on s.ref_id = p.id
       join (select purchase_id, sum(wallet_principal_fen) as rp, sum(wallet_bonus_fen) as rb from purchase_refunds
             group by purchase_id) r on r.purchase_id = p.id
       where r.rp > s.sp or r.rb > s.sb or r.rp < 0 or r.rb < 0
          or (p.refunded_fen = p.amount_fen and (r.rp <> s.sp or r.rb <> s.sb))`);
}
