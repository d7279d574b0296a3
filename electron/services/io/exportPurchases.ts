import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import {
  paymentMethodNames,
  purchaseFileFields,
  purchaseFileHeaders,
  type PurchaseFileField,
} from '../../../shared/io/purchaseFields.js';
import type { PaymentMethod } from '../../../shared/points.js';
import type { SqliteDb } from '../../../db/open.js';
import { requireStaff, type Ctx } from '../../context.js';
import { phoneCell } from './exportMembers.js';
import { startExport, type ExportColumn, type ListExport } from './exportList.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface DayRange {
  from: string | null;
  to: string | null;
}

/**
 * The id range of a table's rows on the shop days from–to (by its `day` index), so an export of one
 * month of a large table reads that month's ids, not the whole table. The range is fixed when the
 * export starts: rows written meanwhile wait for the next export.
 */
export function idsOfDays(raw: SqliteDb, table: 'purchases' | 'points_ledger' | 'complaints', range: DayRange) {
  const bounds = raw.prepare(
    `select coalesce(min(id), 0) as lo, coalesce(max(id), 0) as hi from ${table} where day >= ? and day <= ?`,
  );
  const days = [range.from ?? '', range.to ?? '9999'] as const;
  let cached: { lo: number; hi: number } | null = null;
  const get = () => (cached ??= bounds.get(...days) as { lo: number; hi: number });
  return { days, maxKey: () => get().hi, start: (after: number) => Math.max(after, get().lo - 1) };
}

/** Shop-local wall clock, as Excel shows it (Excel has no time zones). */
export const localTime = (tz: string) => (iso: string) => dayjs(iso).tz(tz).format('YYYY-MM-DD HH:mm:ss');

interface PurchaseExportRow {
  id: number;
  member_no: string;
  name: string;
  phone: string;
  erased: number;
  amount_fen: number;
  points_used: number;
  coupon_fen: number;
  points_earned: number;
  refunded_fen: number;
  receipt_no: string;
  category: string;
  items: string;
  payment_method: string;
  staff: string | null;
  at: string;
  day: string;
}

/**
 * Purchases of the shop days from–to, oldest first, with the columns the purchases importer reads
 * back (`purchaseFileFields`, its headers): member number, name, phone (masked unless whole numbers
 * were asked for), the money in yuan, the points, the receipt, payment method in words, staff, time.
 */
export function purchasesExport(ctx: Ctx, range: DayRange, fullPhones: boolean): ListExport<PurchaseExportRow> {
  const raw = ctx.backend.raw;
  const local = localTime(ctx.backend.settings!.timeZone);
  const ids = idsOfDays(raw, 'purchases', range);
  const page = raw.prepare(
    `select p.id, m.member_no, m.name, m.phone, m.erased_at is not null as erased, p.amount_fen, p.points_used,
       p.coupon_fen, p.points_earned, p.refunded_fen, p.receipt_no, p.category, p.items, p.payment_method,
       s.display_name as staff, p.at, p.day
     from purchases p join members m on m.id = p.member_id left join staff s on s.id = p.staff_id
     where p.id > ? and p.id <= ? and p.day >= ? and p.day <= ? order by p.id limit ?`,
  );
  const orNull = (v: string) => (v === '' ? null : v);
  const col = (
    field: PurchaseFileField,
    kind: ExportColumn<PurchaseExportRow>['kind'],
    value: ExportColumn<PurchaseExportRow>['value'],
    width?: number,
  ): ExportColumn<PurchaseExportRow> => ({
    header: { zh: purchaseFileHeaders.zh[field], en: purchaseFileHeaders.en[field] },
    kind,
    value,
    ...(width ? { width } : {}),
  });
  const columns: Record<PurchaseFileField, ExportColumn<PurchaseExportRow>> = {
    memberNo: col('memberNo', 'text', (r) => r.member_no, 12),
    name: col('name', 'text', (r) => orNull(r.name), 12),
    phone: col('phone', 'text', (r) => (r.erased ? null : phoneCell(r.phone, fullPhones)), 15),
    amount: col('amount', 'money', (r) => r.amount_fen, 12),
    pointsUsed: col('pointsUsed', 'integer', (r) => r.points_used, 10),
    coupon: col('coupon', 'money', (r) => r.coupon_fen, 12),
    pointsEarned: col('pointsEarned', 'integer', (r) => r.points_earned, 10),
    refunded: col('refunded', 'money', (r) => r.refunded_fen, 12),
    receiptNo: col('receiptNo', 'text', (r) => orNull(r.receipt_no), 14),
    category: col('category', 'text', (r) => orNull(r.category), 12),
    items: col('items', 'text', (r) => orNull(r.items), 30),
    paymentMethod: col(
      'paymentMethod',
      'text',
      (r, lang) => paymentMethodNames[lang][r.payment_method as PaymentMethod] ?? r.payment_method,
      12,
    ),
    staff: col('staff', 'text', (r) => r.staff, 12),
    time: col('time', 'dateTime', (r) => local(r.at), 20),
    day: col('day', 'date', (r) => r.day, 12),
  };
  return {
    list: 'purchases',
    title: { zh: '消费记录', en: 'purchases' },
    columns: purchaseFileFields.map((f) => columns[f]),
    maxKey: ids.maxKey,
    page(after, limit) {
      const rows = page.all(ids.start(after), ids.maxKey(), ...ids.days, limit) as PurchaseExportRow[];
      return { rows, last: rows.length ? rows[rows.length - 1]!.id : after };
    },
  };
}

export async function exportPurchases(ctx: Ctx, input: ParsedInputOf<'io.exportPurchases'>): Promise<JobStatus> {
  const me = requireStaff(ctx);
  if (input.fullPhones && me.role !== 'owner')
    throw appError('FORBIDDEN', 'errors.export.fullPhonesOwner', {
      fields: { fullPhones: { messageKey: 'errors.export.fullPhonesOwner' } },
    });
  const range = { from: input.from, to: input.to };
  return startExport(ctx, purchasesExport(ctx, range, input.fullPhones), input, {
    ...range,
    fullPhones: input.fullPhones,
  });
}
