import type { Backend } from '../../electron/backend.js';
import { standaloneCtx, type Ctx, type StaffRow } from '../../electron/context.js';
import { shopToday } from '../../electron/services/members/view.js';
import { recordPurchase } from '../../electron/services/purchases/record.js';
import { walletSummary } from '../../electron/services/wallet/summary.js';
import { topup } from '../../electron/services/wallet/topup.js';
import { businessDay } from '../../shared/rules/businessDay.js';
import { addDays } from '../../shared/rules/earning.js';
import type { Client } from '../integration/harness.js';
import { Rng } from './random.js';
import { int, ms, summarize, type Summary } from './stats.js';

export interface WalletBench {
  /** Members holding stored value, ledger rows and count cards written before timing. */
  holders: number;
  entries: number;
  cards: number;
  populateSeconds: number;
  /** Sequential calls through the Dispatcher: validation, session, idempotency record, service, commit. */
  topupDispatcher: number;
  payDispatcher: number;
  /** The service functions alone, each call in its own transaction (BEGIN … COMMIT). */
  topupService: number;
  payService: number;
  /** The service functions alone, 100 calls per transaction: what the code costs without the commit. */
  topupServiceBatched: number;
  payServiceBatched: number;
  /** One-row inserts, one transaction each, on the raw connection: the commit floor, same run. */
  baselinePerSecond: number;
  summaryDispatcher: Summary;
  summaryService: Summary;
  ledger: Summary;
  dayClose: Summary;
  report: Summary;
  expiring: Summary;
}

/**
 * A year of stored value for a fifth of the members (one to three top-ups each, half of them
 * partly spent) and a count card for one in twenty, written with prepared statements as the app
 * writes them: ledger rows, top-up rows, the cached balances.
 */
export function populateWallets(backend: Backend, members: number, seed: number, ownerId: number) {
  const raw = backend.raw;
  const rng = new Rng(seed);
  const s = backend.settings!;
  const now = backend.clock.now().getTime();
  const entry = raw.prepare(
    `insert into wallet_ledger (member_id, kind, principal_fen, bonus_fen, ref_type, ref_id, staff_id, at, day)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const top = raw.prepare(
    `insert into wallet_topups (member_id, paid_fen, bonus_fen, payment_method, entry_id, staff_id, at, day)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setRef = raw.prepare(`update wallet_ledger set ref_id = ? where id = ?`);
  const account = raw.prepare(
    `insert into wallet_accounts (member_id, principal_fen, bonus_fen, updated_at) values (?, ?, ?, ?)`,
  );
  const product = Number(
    raw
      .prepare(
        `insert into visitcard_products (name, services, uses, price_fen, validity_kind, validity_days, created_at)
         values ('bench 10', '["wash"]', 10, 30000, 'days', 365, ?)`,
      )
      .run(new Date(now).toISOString()).lastInsertRowid,
  );
  const card = raw.prepare(
    `insert into visitcards (member_id, product_id, name, services, uses_total, uses_left, price_fen, expires_on,
       payment_method, staff_id, at, day)
     values (?, ?, 'bench 10', '["wash"]', 10, ?, 30000, ?, 'cash', ?, ?, ?)`,
  );
  const methods = ['cash', 'wechat', 'alipay', 'card'];
  let holders = 0;
  let entries = 0;
  let cards = 0;
  const batch = raw.transaction((from: number, to: number) => {
    for (let m = from; m < to; m++) {
      if (m % 20 === 0) {
        const at = new Date(now - rng.int(300) * 86_400_000).toISOString();
        const day = businessDay(at, s.timeZone, s.dayStartHour);
        card.run(m, product, 1 + rng.int(10), addDays(day, 365), ownerId, at, day);
        cards++;
      }
      if (m % 5 !== 0) continue;
      let principal = 0;
      let bonus = 0;
      for (let k = 1 + rng.int(3); k > 0; k--) {
        const at = new Date(now - rng.int(365) * 86_400_000 - rng.int(36_000_000)).toISOString();
        const day = businessDay(at, s.timeZone, s.dayStartHour);
        const paid = 50_000 + 50_000 * rng.int(2);
        const gift = paid / 10;
        const id = Number(entry.run(m, 'topup', paid, gift, 'topup', null, ownerId, at, day).lastInsertRowid);
        setRef.run(Number(top.run(m, paid, gift, rng.pick(methods), id, ownerId, at, day).lastInsertRowid), id);
        principal += paid;
        bonus += gift;
        entries++;
      }
      if (rng.int(2) === 0) {
        const at = new Date(now - rng.int(30) * 86_400_000).toISOString();
        const day = businessDay(at, s.timeZone, s.dayStartHour);
        const spent = 1000 + rng.int(principal / 2);
        const fromBonus = Math.ceil((spent * bonus) / (principal + bonus));
        entry.run(m, 'spend', -(spent - fromBonus), -fromBonus, 'purchase', null, ownerId, at, day);
        principal -= spent - fromBonus;
        bonus -= fromBonus;
        entries++;
      }
      account.run(m, principal, bonus, new Date(now).toISOString());
      holders++;
    }
  });
  const t0 = performance.now();
  for (let i = 1; i <= members; i += 20_000) batch(i, Math.min(members + 1, i + 20_000));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  return { holders, entries, cards, seconds: (performance.now() - t0) / 1000 };
}

async function timed(times: number, fn: (i: number) => Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** Calls per second of `fn` over `n` calls, committing every `perCommit` calls on the raw connection. */
async function serviceRate(backend: Backend, n: number, perCommit: number, fn: (i: number) => Promise<unknown>) {
  const t0 = performance.now();
  for (let i = 0; i < n; i += perCommit) {
    backend.raw.exec('begin immediate');
    try {
      for (let k = i; k < Math.min(n, i + perCommit); k++) await fn(k);
      backend.raw.exec('commit');
    } catch (e) {
      backend.raw.exec('rollback');
      throw e;
    }
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function benchWallet(opts: {
  backend: Backend;
  client: Client;
  owner: StaffRow;
  members: number;
  seed: number;
  progress: (line: string) => void;
}): Promise<WalletBench> {
  const { backend, client, progress } = opts;
  progress('writing a year of stored value and count cards…');
  const pop = populateWallets(backend, opts.members, opts.seed, opts.owner.id);
  backend.raw.pragma('optimize');
  progress(
    `  ${int(pop.holders)} members with stored value, ${int(pop.entries)} ledger rows in ${pop.seconds.toFixed(1)} s`,
  );
  const rng = new Rng(opts.seed + 1);
  // Members with no stored value yet (not a multiple of 5): the cap never refuses a bench top-up.
  const fresh = () => {
    const m = 1 + rng.int(opts.members);
    return m % 5 === 0 ? m + 1 : m;
  };

  const n = 2000;
  progress(`${int(n)} top-ups and ${int(n)} stored-value purchases through the Dispatcher…`);
  const toppedUp = Array.from({ length: n }, fresh);
  let t0 = performance.now();
  for (const memberId of toppedUp)
    await client.call('wallet.topup', { memberId, paidFen: 100_000, paymentMethod: 'cash', packageId: null });
  const topupDispatcher = n / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (const memberId of toppedUp)
    await client.call('purchases.record', {
      memberId,
      amountFen: 2_650,
      storedValueFen: 2_650,
      paymentMethod: 'storedValue',
    });
  const payDispatcher = n / ((performance.now() - t0) / 1000);

  progress('the same through the service functions, one transaction each, then 100 per transaction…');
  const ctx = (): Ctx => ({ ...standaloneCtx(backend, opts.owner), requestId: null });
  const topupOnce = (memberId: number) =>
    topup(ctx(), { memberId, paidFen: 10_000, paymentMethod: 'wechat', packageId: null });
  const payOnce = (memberId: number) =>
    recordPurchase(ctx(), {
      memberId,
      amountFen: 1_000,
      pointsUsed: 0,
      couponFen: 0,
      storedValueFen: 1_000,
      receiptNo: '',
      category: '',
      items: '',
      paymentMethod: 'storedValue',
    });
  const topupService = await serviceRate(backend, n, 1, (i) => topupOnce(toppedUp[i]!));
  const payService = await serviceRate(backend, n, 1, (i) => payOnce(toppedUp[i]!));
  const topupServiceBatched = await serviceRate(backend, n, 100, (i) => topupOnce(toppedUp[i]!));
  const payServiceBatched = await serviceRate(backend, n, 100, (i) => payOnce(toppedUp[i]!));
  const one = backend.raw.prepare(`insert into wallet_terms (body, at) values ('bench', ?)`);
  const nowIso = backend.clock.now().toISOString();
  t0 = performance.now();
  for (let i = 0; i < n; i++) backend.raw.transaction(() => one.run(nowIso))();
  const baselinePerSecond = n / ((performance.now() - t0) / 1000);

  progress('balance summaries, a member’s ledger, today’s day close, a 30-day report, the expiring list…');
  const sample = Array.from({ length: 1000 }, () => 1 + rng.int(opts.members));
  const summaryDispatcher = await timed(1000, (i) => client.call('wallet.summary', { memberId: sample[i]! }));
  const serviceCtx = standaloneCtx(backend, opts.owner);
  const summaryService = await timed(1000, (i) => walletSummary(serviceCtx, sample[i]!));
  const ledger = await timed(200, (i) => client.call('wallet.ledger', { memberId: 5 * (1 + (i % 1000)) }));
  const today = shopToday(serviceCtx);
  const dayClose = await timed(20, () => client.call('wallet.dayClose', { day: today }));
  const report = await timed(5, () => client.call('wallet.report', { from: addDays(today, -29), to: today }));
  const expiring = await timed(100, () => client.call('visitcards.expiring', {}));
  return {
    holders: pop.holders,
    entries: pop.entries,
    cards: pop.cards,
    populateSeconds: pop.seconds,
    topupDispatcher,
    payDispatcher,
    topupService,
    payService,
    topupServiceBatched,
    payServiceBatched,
    baselinePerSecond,
    summaryDispatcher,
    summaryService,
    ledger,
    dayClose,
    report,
    expiring,
  };
}

export function walletMarkdown(b: WalletBench, members: number): string {
  const rate = (r: number) => `${int(r)}/s (${(r / b.baselinePerSecond).toFixed(2)}×)`;
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const row = (label: string, s: Summary) => `| ${label} | ${ms(s.p95)} ms (median ${ms(s.median)}) | | |`;
  return [
    `Stored value and count cards, ${int(members)} members, ${int(b.holders)} holding stored value ` +
      `(${int(b.entries)} ledger rows), ${int(b.cards)} count cards; one-row commit baseline ` +
      `${int(b.baselinePerSecond)}/s in the same run (rates below also as × that baseline):`,
    '',
    '| figure | measured | target | |',
    '| --- | --- | --- | --- |',
    `| top-up, service, one transaction each | ${rate(b.topupService)} | ≥ 3,000/s | ${met(b.topupService >= 3000)} |`,
    `| stored-value purchase, service, one transaction each | ${rate(b.payService)} | ≥ 3,000/s | ${met(b.payService >= 3000)} |`,
    `| top-up, service, 100 per transaction | ${rate(b.topupServiceBatched)} | | |`,
    `| stored-value purchase, service, 100 per transaction | ${rate(b.payServiceBatched)} | | |`,
    `| top-up through the Dispatcher | ${rate(b.topupDispatcher)} | | |`,
    `| stored-value purchase through the Dispatcher | ${rate(b.payDispatcher)} | | |`,
    `| balance summary, p95 | ${ms(b.summaryDispatcher.p95)} ms via Dispatcher (median ${ms(b.summaryDispatcher.median)}), ` +
      `${ms(b.summaryService.p95)} ms service-only | ≤ 5 ms | ${met(b.summaryDispatcher.p95 <= 5)} |`,
    row('a member’s stored-value ledger, first page, p95', b.ledger),
    row('today’s day close, p95 of 20', b.dayClose),
    row('30-day stored value report, p95 of 5', b.report),
    row('count cards expiring soon, first page, p95', b.expiring),
  ].join('\n');
}
