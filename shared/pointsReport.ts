import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { LedgerKind } from './points.js';

dayjs.extend(utc);

/**
 * The owner's points view (issue 5 §10): what the shop owes in points, and where points came from
 * and went, month by month. Pure rules, used by the main process (which sums the ledger) and the
 * renderer (which labels the flows).
 */

/**
 * Where a ledger entry's points go in the owner's figures:
 * - issued: points the shop gave (purchases, check-ins, referrals, activities, birthdays, opening
 *   balances, manual additions);
 * - redeemed: points members spent (paying a purchase, rewards), net of what came back to them when
 *   the purchase was refunded or the redemption cancelled;
 * - expired: points that lapsed (定期清零);
 * - reversed: points the shop took back (a refund's share of what its purchase earned, a voided
 *   entry, a manual deduction), net of voided deductions given back.
 */
export const pointsFlows = ['issued', 'redeemed', 'expired', 'reversed'] as const;
export type PointsFlow = (typeof pointsFlows)[number];

/** The flow of a kind's positive entries (credit) and negative ones (debit). */
export interface KindFlow {
  credit: PointsFlow;
  debit: PointsFlow;
}
const always = (flow: PointsFlow): KindFlow => ({ credit: flow, debit: flow });

/**
 * Every ledger kind, classified once. A `Record` over `LedgerKind`, so a kind added to
 * `ledgerKinds` does not compile until it is placed here: the owner's figures can never silently
 * leave a kind out. Within a flow entries net out (a returned payment lowers "redeemed"), so for
 * every period: outstanding at the end = outstanding at the start + issued − redeemed − expired −
 * reversed.
 */
export const ledgerKindFlows: Record<LedgerKind, KindFlow> = {
  opening: always('issued'),
  purchase: always('issued'),
  checkin: always('issued'),
  referral: always('issued'),
  activity: always('issued'),
  birthday: always('issued'),
  /** An addition is issued; a deduction is taken back. */
  adjust: { credit: 'issued', debit: 'reversed' },
  refund: always('reversed'),
  /** Voiding a credit takes it back; voiding a deduction gives it back (lowers "reversed"). */
  void: always('reversed'),
  pay: always('redeemed'),
  payReturn: always('redeemed'),
  redeem: always('redeemed'),
  redeemCancel: always('redeemed'),
  expire: always('expired'),
  /** A lucky draw's cost is points spent; a points prize is points the shop gave. */
  draw: always('redeemed'),
  drawPrize: always('issued'),
  /** Points given to settle a complaint. */
  compensation: always('issued'),
  /** Bonus points of a top-up package; voiding the top-up takes them back. */
  topupBonus: { credit: 'issued', debit: 'reversed' },
};

/** The flow an entry counts in. A kind this build does not know (a newer database) counts by its sign. */
export function flowOf(kind: string, points: number): PointsFlow {
  const f = (ledgerKindFlows as Record<string, KindFlow | undefined>)[kind];
  if (!f) return points > 0 ? 'issued' : 'reversed';
  return points > 0 ? f.credit : f.debit;
}

/** How much an entry adds to its flow: issued counts up, the outflows count what left. */
export function flowAmount(flow: PointsFlow, points: number): number {
  return flow === 'issued' ? points : -points;
}

export type FlowTotals = Record<PointsFlow, number>;

export interface PointsMonth extends FlowTotals {
  /** "YYYY-MM", a month of shop business days. */
  month: string;
  /** Outstanding points at the end of the month (the sum of the ledger up to its last day). */
  outstandingEnd: number;
}

export interface PointsReport {
  /** The shop's business day the report was made on. */
  today: string;
  /** What one point is worth, from the points rules. */
  pointValueFen: number;
  /** The sum of the whole ledger: points members hold now. */
  outstanding: number;
  /** outstanding × pointValueFen: the liability, in fen. */
  liabilityFen: number;
  months: PointsMonth[];
  totals: FlowTotals;
  /** Years with ledger entries and the current one, newest first: the year chooser. */
  years: number[];
}

/** The ledger summed by month, kind and sign: what the main process reads. */
export interface LedgerSum {
  month: string;
  kind: string;
  points: number;
}

export const zeroFlows = (): FlowTotals => ({ issued: 0, redeemed: 0, expired: 0, reversed: 0 });

/** The months a report covers: a calendar year, or the 12 business months ending with today's. */
export function reportMonths(year: number | null, today: string): string[] {
  const first = year === null ? dayjs.utc(today).startOf('month').subtract(11, 'month') : dayjs.utc(`${year}-01-01`);
  return Array.from({ length: 12 }, (_, i) => first.add(i, 'month').format('YYYY-MM'));
}

/**
 * The chosen months' flows and month-end outstanding from the ledger's sums (of all months: the
 * outstanding at a month's end counts everything before it too). `months` must be in order.
 */
export function bucketMonths(sums: readonly LedgerSum[], months: readonly string[]): PointsMonth[] {
  const rows = new Map<string, PointsMonth>(months.map((m) => [m, { month: m, ...zeroFlows(), outstandingEnd: 0 }]));
  const net = new Map<string, number>();
  for (const s of sums) {
    net.set(s.month, (net.get(s.month) ?? 0) + s.points);
    const row = rows.get(s.month);
    if (!row) continue;
    const flow = flowOf(s.kind, s.points);
    row[flow] += flowAmount(flow, s.points);
  }
  const byMonth = [...net].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  let i = 0;
  let running = 0;
  return months.map((m) => {
    while (i < byMonth.length && byMonth[i]![0] <= m) running += byMonth[i++]![1];
    return { ...rows.get(m)!, outstandingEnd: running };
  });
}

export function sumFlows(months: readonly FlowTotals[]): FlowTotals {
  const t = zeroFlows();
  for (const m of months) for (const f of pointsFlows) t[f] += m[f];
  return t;
}
