import type { Statement } from 'better-sqlite3-multiple-ciphers';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { ImportPreviewRow } from '../../../shared/domain.js';
import {
  purchaseColumnsOf,
  readPurchaseRow,
  type PurchaseColumns,
  type PurchaseImportRow,
  type ShopTime,
} from '../../../shared/io/purchaseRow.js';
import { lotExpiresOn } from '../../../shared/rules/earning.js';
import { formatFen } from '../../../shared/rules/money.js';
import { phoneForDisplay } from '../../../shared/rules/phone.js';
import { loadPointsRulesSync } from '../points/rules.js';
import type { Classified, RowWriter, WriterSetup } from './rowWriter.js';

dayjs.extend(utc);
dayjs.extend(timezone);

interface MemberHit {
  id: number;
  merged_into: number | null;
  erased_at: string | null;
}

/**
 * Purchases from another system's file (issue 5 §1), matched to members by mobile or member number.
 * Each row is one purchase with the batch id, the timeline event at its own time, and — only when
 * the file has a points column — a `purchase` lot of exactly those points, dated from the import
 * day like an opening balance. Nothing is computed from today's rules: old purchases earned their
 * points under old rules, and a shop that moves over usually brings the balances as opening
 * balances already; crediting them again would count them twice. No referral bonus either.
 *
 * Duplicates are skipped, not updated (purchases are never changed by an import, whatever the mode):
 * the same receipt number on the same business day, or — without a receipt number — the same
 * member, time and amount, whether earlier in the file or already recorded.
 */
export class PurchaseWriter implements RowWriter<PurchaseImportRow> {
  private readonly columns: PurchaseColumns;
  private readonly shop: ShopTime;
  private readonly seen = new Set<string>();
  private readonly s: Record<string, Statement>;
  private readonly expiresOn: string | null;

  constructor(private readonly w: WriterSetup) {
    this.columns = purchaseColumnsOf(w.mapping);
    this.shop = { timeZone: w.timeZone, dayStartHour: w.dayStartHour, nowIso: w.nowIso };
    this.expiresOn = lotExpiresOn(loadPointsRulesSync(w.raw).expiry, w.today);
    const p = (sql: string) => w.raw.prepare(sql);
    this.s = {
      byPhone: p(`select id, merged_into, erased_at from members where phone = ?`),
      byMemberNo: p(`select id, merged_into, erased_at from members where member_no = ?`),
      byId: p(`select id, merged_into, erased_at from members where id = ?`),
      receipt: p(`select 1 from purchases where receipt_no = ? and day = ? limit 1`),
      same: p(`select 1 from purchases where member_id = ? and day = ? and at = ? and amount_fen = ? limit 1`),
      insert: p(
        `insert into purchases (member_id, amount_fen, receipt_no, category, items, payment_method, points_earned,
           import_batch_id, at, day, staff_id)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)`,
      ),
      lot: p(
        `insert into points_ledger (member_id, kind, points, ref_type, ref_id, staff_id, at, day, usable_on, expires_on, remaining)
         values (?, 'purchase', ?, 'purchase', ?, ?, ?, ?, ?, ?, ?)`,
      ),
      event: p(
        `insert into member_events (member_id, kind, data, staff_id, at, day) values (?, 'purchase', ?, ?, ?, ?)`,
      ),
      reject: p(`insert into import_rejects (batch_id, line, reason, field, member_id, raw) values (?, ?, ?, ?, ?, ?)`),
    };
  }

  /** The member a phone or member number names now: a merged record's survivor; an erased one is gone. */
  private member(stmt: 'byPhone' | 'byMemberNo', key: string | null): number | null {
    if (key === null) return null;
    let m = this.s[stmt]!.get(key) as MemberHit | undefined;
    for (let hops = 0; m?.merged_into && hops < 10; hops++)
      m = this.s.byId!.get(m.merged_into) as MemberHit | undefined;
    return m && !m.erased_at && !m.merged_into ? m.id : null;
  }

  classify(line: number, cells: string[]): Classified<PurchaseImportRow> {
    const read = readPurchaseRow(cells, this.columns, this.shop);
    if (!read.ok) return { line, cells, status: 'invalid', reason: read.reason, field: read.field };
    const row = read.row;
    const byPhone = this.member('byPhone', row.phone);
    const byNo = this.member('byMemberNo', row.memberNo);
    if (byPhone !== null && byNo !== null && byPhone !== byNo)
      return { line, cells, status: 'invalid', reason: 'memberMismatch', field: 'memberNo', row };
    const memberId = byPhone ?? byNo;
    if (memberId === null)
      return { line, cells, status: 'invalid', reason: 'memberNotFound', field: row.phone ? 'phone' : 'memberNo', row };
    const key = row.receiptNo ? `r|${row.receiptNo}|${row.day}` : `p|${memberId}|${row.at}|${row.amountFen}`;
    const skip = (
      status: 'dupInFile' | 'dupExisting',
      reason: string,
      field: string,
    ): Classified<PurchaseImportRow> => ({
      line,
      cells,
      status,
      reason,
      field,
      row,
      memberId,
    });
    if (this.seen.has(key))
      return row.receiptNo
        ? skip('dupInFile', 'dupReceiptInFile', 'receiptNo')
        : skip('dupInFile', 'dupPurchaseInFile', 'amount');
    this.seen.add(key);
    if (row.receiptNo && this.s.receipt!.get(row.receiptNo, row.day))
      return skip('dupExisting', 'receiptExists', 'receiptNo');
    if (!row.receiptNo && this.s.same!.get(memberId, row.day, row.at, row.amountFen))
      return skip('dupExisting', 'purchaseExists', 'amount');
    return { line, cells, status: 'new', row, memberId };
  }

  write(c: Classified<PurchaseImportRow>, batchId: number): void {
    if (c.status !== 'new') {
      this.s.reject!.run(batchId, c.line, c.reason ?? '', c.field ?? '', c.memberId ?? null, JSON.stringify(c.cells));
      return;
    }
    const w = this.w;
    const r = c.row!;
    const memberId = c.memberId!;
    const points = r.pointsEarned ?? 0;
    const info = this.s.insert!.run(
      memberId,
      r.amountFen,
      r.receiptNo,
      r.category,
      r.items,
      r.paymentMethod,
      points,
      batchId,
      r.at,
      r.day,
    );
    const purchaseId = Number(info.lastInsertRowid);
    if (points > 0)
      this.s.lot!.run(memberId, points, purchaseId, w.staffId, w.nowIso, w.today, w.today, this.expiresOn, points);
    const data = { purchaseId, amountFen: r.amountFen, points, pointsUsed: 0, promotion: null, batchId };
    this.s.event!.run(memberId, JSON.stringify(data), w.staffId, r.at, r.day);
  }

  preview(c: Classified<PurchaseImportRow>): ImportPreviewRow {
    const values: Record<string, string> = {};
    const r = c.row;
    if (!r) for (const [f, i] of Object.entries(this.columns)) values[f] = (c.cells[i] ?? '').trim();
    if (r) {
      if (r.phone) values.phone = phoneForDisplay(r.phone);
      if (r.memberNo) values.memberNo = r.memberNo;
      values.amount = formatFen(r.amountFen);
      values.time = dayjs(r.at).tz(this.shop.timeZone).format('YYYY-MM-DD HH:mm');
      if (r.receiptNo) values.receiptNo = r.receiptNo;
      if (r.category) values.category = r.category;
      if (r.items) values.items = r.items;
      values.paymentMethod = r.paymentMethod;
      if (r.pointsEarned !== null) values.pointsEarned = String(r.pointsEarned);
    }
    return {
      line: c.line,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.field ? { field: c.field } : {}),
      values,
    };
  }
}
