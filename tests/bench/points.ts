import type { Backend } from '../../electron/backend.js';
import { standaloneCtx, type StaffRow } from '../../electron/context.js';
import { runExpiry } from '../../electron/services/points/expiry.js';
import { pointsSummary } from '../../electron/services/points/summary.js';
import { defaultPointsRules } from '../../electron/services/points/rules.js';
import { businessDay } from '../../shared/rules/businessDay.js';
import { lotExpiresOn } from '../../shared/rules/earning.js';
import type { Client } from '../integration/harness.js';
import { Rng } from './random.js';
import { int, ms, summarize, type Summary } from './stats.js';

export interface PointsBench {
  purchases: number;
  populateSeconds: number;
  /** Sequential purchases through the Dispatcher (validation, session, idempotency, service, commit). */
  purchasePerSecond: number;
  /** The same number of one-row inserts, one transaction each, on the raw connection: the floor. */
  baselinePerSecond: number;
  summaryDispatcher: Summary;
  summaryService: Summary;
  expiry: { seconds: number; lots: number; members: number; points: number };
}

/**
 * Purchases and points at scale: `perMember` purchases for every member on average, each with its
 * points lot, spread over the last 30 months under an annual clear date (12-31), so the lots of two
 * years ago are due at the expiry run, and its growth value. Written with prepared statements, as
 * the app writes them.
 */
function populatePurchases(backend: Backend, members: number, perMember: number, seed: number, ownerId: number) {
  const raw = backend.raw;
  const rng = new Rng(seed);
  const s = backend.settings!;
  const now = backend.clock.now().getTime();
  const purchase = raw.prepare(
    `insert into purchases (member_id, amount_fen, payment_method, points_earned, at, day, staff_id)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const lot = raw.prepare(
    `insert into points_ledger (member_id, kind, points, ref_type, ref_id, staff_id, at, day, usable_on, expires_on, remaining)
     values (?, 'purchase', ?, 'purchase', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const growth = raw.prepare(
    `insert into growth_ledger (member_id, kind, growth, ref_type, ref_id, day, at) values (?, 'purchase', ?, 'purchase', ?, ?, ?)`,
  );
  const methods = ['cash', 'wechat', 'alipay', 'card'];
  const total = members * perMember;
  const policy = { kind: 'annual', monthDay: '12-31' } as const;
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const memberId = 1 + rng.int(members);
      const amount = 500 + rng.int(50_000);
      const at = new Date(now - rng.int(900) * 86_400_000 - rng.int(36_000_000)).toISOString();
      const day = businessDay(at, s.timeZone, s.dayStartHour);
      const points = Math.floor(amount / 100);
      const id = Number(purchase.run(memberId, amount, rng.pick(methods), points, at, day, ownerId).lastInsertRowid);
      lot.run(memberId, points, id, ownerId, at, day, day, lotExpiresOn(policy, day), points);
      // Growth value: one per whole yuan, as the default tier settings.
      growth.run(memberId, points, id, day, at);
    }
  });
  const t0 = performance.now();
  for (let i = 0; i < total; i += 20_000) batch(i, Math.min(total, i + 20_000));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  return { purchases: total, seconds: (performance.now() - t0) / 1000 };
}

export async function benchPoints(opts: {
  backend: Backend;
  client: Client;
  owner: StaffRow;
  members: number;
  perMember: number;
  seed: number;
  progress: (line: string) => void;
}): Promise<PointsBench> {
  const { backend, client, progress } = opts;
  await client.call('points.saveRules', {
    ...defaultPointsRules,
    earnPoints: 1,
    perFen: 100,
    expiry: { kind: 'annual', monthDay: '12-31' },
  });
  progress(`generating ${int(opts.members * opts.perMember)} purchases with their points lots…`);
  const pop = populatePurchases(backend, opts.members, opts.perMember, opts.seed, opts.owner.id);
  progress(`  ${int(pop.purchases)} purchases in ${pop.seconds.toFixed(1)} s`);

  const rng = new Rng(opts.seed + 7);
  const sample = Array.from({ length: 1000 }, () => 1 + rng.int(opts.members));
  progress('points summary: 1,000 members through the Dispatcher, then service-only…');
  const viaDispatcher: number[] = [];
  for (const memberId of sample) {
    const t0 = performance.now();
    await client.call('points.get', { memberId });
    viaDispatcher.push(performance.now() - t0);
  }
  const ctx = standaloneCtx(backend, opts.owner);
  const viaService: number[] = [];
  for (const memberId of sample) {
    const t0 = performance.now();
    await pointsSummary(ctx, memberId);
    viaService.push(performance.now() - t0);
  }

  const n = 3000;
  progress(`${int(n)} sequential purchases through the Dispatcher, then the raw one-row baseline…`);
  const methods = ['cash', 'wechat', 'alipay'] as const;
  let t0 = performance.now();
  for (let i = 0; i < n; i++)
    await client.call('purchases.record', {
      memberId: 1 + rng.int(opts.members),
      amountFen: 500 + rng.int(50_000),
      paymentMethod: methods[i % 3]!,
    });
  const purchasePerSecond = n / ((performance.now() - t0) / 1000);
  const one = backend.raw.prepare(
    `insert into purchases (member_id, amount_fen, payment_method, at, day) values (?, ?, 'cash', ?, ?)`,
  );
  const nowIso = backend.clock.now().toISOString();
  t0 = performance.now();
  for (let i = 0; i < n; i++)
    backend.raw.transaction(() => one.run(1 + rng.int(opts.members), 1000, nowIso, '2026-01-01'))();
  const baselinePerSecond = n / ((performance.now() - t0) / 1000);

  progress('expiry run over every member…');
  t0 = performance.now();
  const expired = await runExpiry(backend);
  const expiry = { seconds: (performance.now() - t0) / 1000, ...expired };
  progress(`  expired ${int(expired.points)} points in ${int(expired.lots)} lots in ${expiry.seconds.toFixed(1)} s`);
  return {
    purchases: pop.purchases,
    populateSeconds: pop.seconds,
    purchasePerSecond,
    baselinePerSecond,
    summaryDispatcher: summarize(viaDispatcher),
    summaryService: summarize(viaService),
    expiry,
  };
}

export function pointsMarkdown(b: PointsBench, members: number): string {
  const row = (what: string, value: string, target: string, met: boolean) =>
    `| ${what} | ${value} | ${target} | ${met ? 'met' : '**missed**'} |`;
  return [
    `Purchases and points, ${int(members)} members and ${int(b.purchases)} purchases (each with its lot):`,
    '',
    '| figure | measured | target | |',
    '| --- | --- | --- | --- |',
    row(
      'purchase through the Dispatcher, sequential',
      `${int(b.purchasePerSecond)}/s (${(b.purchasePerSecond / b.baselinePerSecond).toFixed(2)}× the ${int(b.baselinePerSecond)}/s one-row-insert baseline)`,
      '≥ 3,000/s',
      b.purchasePerSecond >= 3000,
    ),
    row(
      'points summary (balance, lots, expiries), p95',
      `${ms(b.summaryDispatcher.p95)} ms via Dispatcher (median ${ms(b.summaryDispatcher.median)}), ${ms(b.summaryService.p95)} ms service-only`,
      '≤ 5 ms',
      b.summaryDispatcher.p95 <= 5,
    ),
    row(
      'expiry run over all members',
      `${b.expiry.seconds.toFixed(1)} s (${int(b.expiry.lots)} lots, ${int(b.expiry.points)} points)`,
      '≤ 20 s',
      b.expiry.seconds <= 20,
    ),
  ].join('\n');
}
