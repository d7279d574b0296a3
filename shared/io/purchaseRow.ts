import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { PaymentMethod } from '../points.js';
import { businessDay } from '../rules/businessDay.js';
import { cleanText, parseImportDate, parseImportPhone, parseMoneyFen, parsePoints } from '../rules/importValues.js';
import { toHalfWidth } from '../rules/phone.js';
import { parsePaymentMethod, type PurchaseImportField } from './purchaseFields.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Why a purchases row is refused or skipped (the cell parsers' reasons come on top). */
export const purchaseRowReasons = [
  'memberMissing',
  'memberNotFound',
  'memberMismatch',
  'amountZero',
  'timeMissing',
  'timeFormat',
  'timeInFuture',
  'paymentUnknown',
  'dupReceiptInFile',
  'dupPurchaseInFile',
  'receiptExists',
  'purchaseExists',
] as const;
export type PurchaseRowReason = (typeof purchaseRowReasons)[number];

/** One purchases row as it will be stored; the member is found by the writer. */
export interface PurchaseImportRow {
  phone: string | null;
  memberNo: string | null;
  amountFen: number;
  /** UTC instant, and the shop business day it falls on. */
  at: string;
  day: string;
  receiptNo: string;
  category: string;
  items: string;
  paymentMethod: PaymentMethod;
  /** Points the old system gave, when the file has that column; null: the purchase earns nothing here. */
  pointsEarned: number | null;
}

export type PurchaseColumns = Partial<Record<PurchaseImportField, number>>;

export function purchaseColumnsOf(mapping: readonly (string | null)[]): PurchaseColumns {
  const out: PurchaseColumns = {};
  mapping.forEach((f, i) => {
    if (f && out[f as PurchaseImportField] === undefined) out[f as PurchaseImportField] = i;
  });
  return out;
}

export interface ShopTime {
  timeZone: string;
  dayStartHour: number;
  nowIso: string;
}

export type PurchaseRowRead =
  { ok: true; row: PurchaseImportRow } | { ok: false; reason: string; field: PurchaseImportField };

/** A time of day after a date: "2025-03-01 14:30", "2025/3/1 14:30:05", "2025-03-01T14:30". */
const timed = /^(.+?)(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * A purchase's time, read as the shop's wall clock. A date without a time is taken as noon, so it
 * lands on that business day whatever hour the shop's day starts.
 */
export function parsePurchaseTime(
  raw: string,
  shop: ShopTime,
): { ok: true; at: string; day: string } | { ok: false; reason: string } {
  const text = toHalfWidth(raw).trim();
  const t = timed.exec(text);
  const date = parseImportDate(t ? t[1]! : text);
  if (!date.ok) return { ok: false, reason: date.reason };
  let clock = '12:00:00';
  if (t) {
    const [h, m, s] = [Number(t[2]), Number(t[3]), Number(t[4] ?? '0')];
    if (h > 23 || m > 59 || s > 59) return { ok: false, reason: 'timeFormat' };
    clock = [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
  }
  const local = dayjs.tz(`${date.value} ${clock}`, 'YYYY-MM-DD HH:mm:ss', shop.timeZone);
  if (!local.isValid()) return { ok: false, reason: 'timeFormat' };
  const at = local.toISOString();
  if (at > shop.nowIso) return { ok: false, reason: 'timeInFuture' };
  return { ok: true, at, day: businessDay(at, shop.timeZone, shop.dayStartHour) };
}

class Refused {
  constructor(
    readonly reason: string,
    readonly field: PurchaseImportField,
  ) {}
}

/** Reads one row; the first bad cell refuses the row and names its field. */
export function readPurchaseRow(cells: string[], columns: PurchaseColumns, shop: ShopTime): PurchaseRowRead {
  const cell = (f: PurchaseImportField): string | null => {
    const i = columns[f];
    if (i === undefined) return null;
    const v = (cells[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const take = <T>(
    f: PurchaseImportField,
    parse: (raw: string) => { ok: true; value: T } | { ok: false; reason: string },
  ) => {
    const raw = cell(f);
    if (raw === null) return null;
    const r = parse(raw);
    if (!r.ok) throw new Refused(r.reason, f);
    return r.value;
  };
  const text = (f: PurchaseImportField, max: number) => take(f, (raw) => cleanText(raw, max)) ?? '';
  try {
    const phone = take('phone', parseImportPhone)?.e164 ?? null;
    const memberNo = take('memberNo', (raw) =>
      /^[A-Za-z0-9-]{1,20}$/.test(raw)
        ? { ok: true as const, value: raw.toUpperCase() }
        : { ok: false as const, reason: 'memberNoInvalid' },
    );
    if (!phone && !memberNo) throw new Refused('memberMissing', columns.phone !== undefined ? 'phone' : 'memberNo');
    const amountFen = take('amount', parseMoneyFen);
    if (amountFen === null || amountFen === 0) throw new Refused('amountZero', 'amount');
    if (amountFen > 100_000_000) throw new Refused('amountTooLarge', 'amount');
    const rawTime = cell('time');
    if (rawTime === null) throw new Refused('timeMissing', 'time');
    const time = parsePurchaseTime(rawTime, shop);
    if (!time.ok) throw new Refused(time.reason, 'time');
    const paymentMethod =
      take('paymentMethod', (raw) => {
        const m = parsePaymentMethod(raw);
        return m ? { ok: true as const, value: m } : { ok: false as const, reason: 'paymentUnknown' };
      }) ?? 'other';
    const pointsEarned = take('pointsEarned', parsePoints);
    if (pointsEarned !== null && pointsEarned > 100_000_000) throw new Refused('amountTooLarge', 'pointsEarned');
    return {
      ok: true,
      row: {
        phone,
        memberNo,
        amountFen,
        at: time.at,
        day: time.day,
        receiptNo: text('receiptNo', 40),
        category: text('category', 40),
        items: text('items', 200),
        paymentMethod,
        pointsEarned,
      },
    };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason, field: e.field };
    throw e;
  }
}
