import { paymentMethods, type PaymentMethod } from '../points.js';
import type { TillLine, TillSums, TillTotals, WalletDayRow } from '../wallet.js';
import { shopDayEnd } from './complaints.js';
import { addDays } from './earning.js';

/**
 * The counter's money for a shift or a shop day (issue 8 §3), summed from the movements the SQL
 * reads grouped by clerk and payment method. Every movement is attributed to the clerk who did it
 * (the row's staff), at its time and on its shop day:
 * - a top-up: its payment method's top-ups and bonus;
 * - a voided top-up: its payment method's refunds (the principal paid back), and its bonus taken
 *   back out of the bonus issued;
 * - a card refund (退余额): the payout method's refunds, the amount paid out;
 * - a count-card sale: its payment method's card sales (stored value included);
 * - a count-card refund paid out in money: its refund method's refunds. One that went back to the
 *   member's stored value is no money out and no refund here: it is already netted in the stored
 *   value spent (its return entry), so counting it as a refund too would count it twice;
 * - stored value spent (purchases and count cards, less what refunds returned): the stored-value line.
 * Net is money in less money out for the real payment methods; the stored-value line moves no money.
 * These are the stored-value and count-card takings only: ordinary purchases are rung up (and
 * counted) at the shop's own till.
 */
export type TillMovement =
  | { kind: 'topup'; staffId: number | null; method: PaymentMethod; count: number; paidFen: number; bonusFen: number }
  | {
      kind: 'topupVoid';
      staffId: number | null;
      method: PaymentMethod;
      count: number;
      principalFen: number;
      bonusFen: number;
    }
  | { kind: 'payout'; staffId: number | null; method: PaymentMethod; count: number; payoutFen: number }
  | { kind: 'cardSale'; staffId: number | null; method: PaymentMethod; count: number; priceFen: number }
  | { kind: 'cardRefund'; staffId: number | null; method: PaymentMethod; count: number; refundFen: number }
  /** Net stored value spent: spends less what refunds returned, as a positive amount spent. */
  | { kind: 'storedValue'; staffId: number | null; spentFen: number };

export const tillFigures = [
  'topupFen',
  'topupCount',
  'bonusFen',
  'cardSalesFen',
  'cardSalesCount',
  'refundsFen',
  'refundsCount',
  'storedValueSpentFen',
  'netFen',
] as const satisfies readonly (keyof TillSums)[];

export function emptySums(): TillSums {
  return {
    topupFen: 0,
    topupCount: 0,
    bonusFen: 0,
    cardSalesFen: 0,
    cardSalesCount: 0,
    refundsFen: 0,
    refundsCount: 0,
    storedValueSpentFen: 0,
    netFen: 0,
  };
}

/** Money in less money out on one line: nothing for stored value, which is no money at the till. */
export function netOf(method: PaymentMethod, s: TillSums): number {
  return method === 'storedValue' ? 0 : s.topupFen + s.cardSalesFen - s.refundsFen;
}

function addInto(to: TillSums, s: TillSums): void {
  for (const f of tillFigures) to[f] += s[f];
}

function apply(s: TillSums, m: TillMovement): void {
  switch (m.kind) {
    case 'topup':
      s.topupFen += m.paidFen;
      s.bonusFen += m.bonusFen;
      s.topupCount += m.count;
      return;
    case 'topupVoid':
      s.refundsFen += m.principalFen;
      s.refundsCount += m.count;
      s.bonusFen -= m.bonusFen;
      return;
    case 'payout':
      s.refundsFen += m.payoutFen;
      s.refundsCount += m.count;
      return;
    case 'cardSale':
      s.cardSalesFen += m.priceFen;
      s.cardSalesCount += m.count;
      return;
    case 'cardRefund':
      s.refundsFen += m.refundFen;
      s.refundsCount += m.count;
      return;
    case 'storedValue':
      s.storedValueSpentFen += m.spentFen;
      return;
  }
}

/** A count-card refund back to stored value is no refund (see above); every other movement counts. */
export const countsInTill = (m: TillMovement): boolean => !(m.kind === 'cardRefund' && m.method === 'storedValue');

const methodOf = (m: TillMovement): PaymentMethod => (m.kind === 'storedValue' ? 'storedValue' : m.method);
const methodRank = (m: PaymentMethod) => paymentMethods.indexOf(m);

/**
 * The lines (clerk × payment method, only the pairs that moved), the lines per method over all
 * clerks, and the grand total. Lines are in clerk id order (no clerk last), methods in the
 * counter's order; a clerk's name comes from `names`.
 */
export function tillTotals(
  from: string,
  to: string,
  movements: readonly TillMovement[],
  names: ReadonlyMap<number, string>,
): TillTotals {
  const lines = new Map<string, TillLine>();
  for (const m of movements) {
    if (!countsInTill(m)) continue;
    const method = methodOf(m);
    const key = `${m.staffId ?? ''}|${method}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        staffId: m.staffId,
        staffName: m.staffId === null ? null : (names.get(m.staffId) ?? null),
        method,
        ...emptySums(),
      };
      lines.set(key, line);
    }
    apply(line, m);
  }
  const sorted = [...lines.values()].sort(
    (a, b) =>
      (a.staffId ?? Number.MAX_SAFE_INTEGER) - (b.staffId ?? Number.MAX_SAFE_INTEGER) ||
      methodRank(a.method) - methodRank(b.method),
  );
  for (const l of sorted) l.netFen = netOf(l.method, l);
  const byMethod = new Map<PaymentMethod, TillLine>();
  const total = emptySums();
  for (const l of sorted) {
    let m = byMethod.get(l.method);
    if (!m) byMethod.set(l.method, (m = { staffId: null, staffName: null, method: l.method, ...emptySums() }));
    addInto(m, l);
    addInto(total, l);
  }
  return {
    from,
    to,
    lines: sorted,
    byMethod: [...byMethod.values()].sort((a, b) => methodRank(a.method) - methodRank(b.method)),
    total,
  };
}

/** The instants a shop day starts and ends (its day-start hour on the shop's wall clock). */
export function shopDayBounds(day: string, timeZone: string, dayStartHour: number): { from: string; to: string } {
  return { from: shopDayEnd(addDays(day, -1), timeZone, dayStartHour), to: shopDayEnd(day, timeZone, dayStartHour) };
}

/**
 * Where a clerk's shift starts: where their last handover ended, but never before the start of the
 * current shop day (a handover forgotten yesterday does not carry yesterday into today's shift).
 */
export function shiftFrom(lastHandoverTo: string | null, dayStart: string): string {
  return lastHandoverTo !== null && lastHandoverTo > dayStart ? lastHandoverTo : dayStart;
}

/** Every shop day from–to, in order. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** One row per shop day from–to (zeros where nothing moved), from the days that had movements. */
export function fillDays(from: string, to: string, rows: readonly WalletDayRow[]): WalletDayRow[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return daysOf(from, to).map((day) => byDay.get(day) ?? { day, topupFen: 0, bonusFen: 0, spentFen: 0, refundsFen: 0 });
}
