import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import {
  ledgerFileFields,
  ledgerFileHeaders,
  ledgerKindNames,
  ledgerRefNames,
  type LedgerFileField,
} from '../../../shared/io/ledgerFields.js';
import type { LedgerKind } from '../../../shared/points.js';
import type { Ctx } from '../../context.js';
import { startExport, type ExportColumn, type ListExport } from './exportList.js';
import { idsOfDays, localTime, type DayRange } from './exportPurchases.js';

interface LedgerExportRow {
  id: number;
  member_no: string;
  name: string;
  kind: string;
  points: number;
  ref_type: string;
  ref_id: number | null;
  reverses_id: number | null;
  note: string;
  ref_member_no: string | null;
  staff: string | null;
  at: string;
  day: string;
  expires_on: string | null;
  remaining: number | null;
}

/**
 * The points ledger of the shop days from–to, in entry order: every change of every member's
 * points, the kind and the reference in the requester's language: "消费 #12", "被推荐会员登记
 * M000031" (a referral names the referred member by number), "生日年份 2026".
 */
export function ledgerExport(ctx: Ctx, range: DayRange): ListExport<LedgerExportRow> {
  const raw = ctx.backend.raw;
  const local = localTime(ctx.backend.settings!.timeZone);
  const ids = idsOfDays(raw, 'points_ledger', range);
  const page = raw.prepare(
    `select l.id, m.member_no, m.name, l.kind, l.points, l.ref_type, l.ref_id, l.reverses_id, l.note,
       r.member_no as ref_member_no, s.display_name as staff, l.at, l.day, l.expires_on, l.remaining
     from points_ledger l join members m on m.id = l.member_id left join staff s on s.id = l.staff_id
       left join members r on r.id = l.ref_id and l.ref_type in ('register', 'firstPurchase')
     where l.id > ? and l.id <= ? and l.day >= ? and l.day <= ? order by l.id limit ?`,
  );
  const orNull = (v: string) => (v === '' ? null : v);
  const col = (
    field: LedgerFileField,
    kind: ExportColumn<LedgerExportRow>['kind'],
    value: ExportColumn<LedgerExportRow>['value'],
    width?: number,
  ): ExportColumn<LedgerExportRow> => ({
    header: { zh: ledgerFileHeaders.zh[field], en: ledgerFileHeaders.en[field] },
    kind,
    value,
    ...(width ? { width } : {}),
  });
  const columns: Record<LedgerFileField, ExportColumn<LedgerExportRow>> = {
    entry: col('entry', 'integer', (r) => r.id, 8),
    memberNo: col('memberNo', 'text', (r) => r.member_no, 12),
    name: col('name', 'text', (r) => orNull(r.name), 12),
    kind: col('kind', 'text', (r, lang) => ledgerKindNames[lang][r.kind as LedgerKind] ?? r.kind, 12),
    points: col('points', 'integer', (r) => r.points, 10),
    reference: col(
      'reference',
      'text',
      (r, lang) => {
        if (!r.ref_type) return null;
        const what = ledgerRefNames[lang][r.ref_type] ?? r.ref_type;
        if (r.ref_member_no) return `${what} ${r.ref_member_no}`;
        if (r.ref_id === null) return what;
        return r.ref_type === 'year' ? `${what} ${r.ref_id}` : `${what} #${r.ref_id}`;
      },
      14,
    ),
    reverses: col('reverses', 'integer', (r) => r.reverses_id, 10),
    note: col('note', 'text', (r) => orNull(r.note), 24),
    staff: col('staff', 'text', (r) => r.staff, 12),
    time: col('time', 'dateTime', (r) => local(r.at), 20),
    day: col('day', 'date', (r) => r.day, 12),
    expiresOn: col('expiresOn', 'date', (r) => r.expires_on, 12),
    remaining: col('remaining', 'integer', (r) => r.remaining, 10),
  };
  return {
    list: 'ledger',
    title: { zh: '积分明细', en: 'points-ledger' },
    columns: ledgerFileFields.map((f) => columns[f]),
    maxKey: ids.maxKey,
    page(after, limit) {
      const rows = page.all(ids.start(after), ids.maxKey(), ...ids.days, limit) as LedgerExportRow[];
      return { rows, last: rows.length ? rows[rows.length - 1]!.id : after };
    },
  };
}

export async function exportLedger(ctx: Ctx, input: ParsedInputOf<'io.exportLedger'>): Promise<JobStatus> {
  const range = { from: input.from, to: input.to };
  return startExport(ctx, ledgerExport(ctx, range), input, range);
}
