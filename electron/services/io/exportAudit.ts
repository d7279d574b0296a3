import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import { can } from '../../../shared/permissions.js';
import { requireStaff, type Ctx } from '../../context.js';
import { startExport, type ListExport } from './exportList.js';

dayjs.extend(utc);
dayjs.extend(timezone);

interface AuditExportRow {
  id: number;
  at: string;
  staff: string | null;
  action: string;
  details: string;
}

/**
 * The staff audit log, oldest first. Times are the shop's wall clock (Excel has no time zones);
 * the action is its code (`io.exported`), the same in every language, as the details are.
 */
export function auditExport(ctx: Ctx, range: { from: string | null; to: string | null }): ListExport<AuditExportRow> {
  const raw = ctx.backend.raw;
  const tz = ctx.backend.settings!.timeZone;
  // Shop days as UTC instants: [start of `from`, start of the day after `to`).
  const start = range.from ? dayjs.tz(range.from, tz).toISOString() : '';
  const end = range.to ? dayjs.tz(range.to, tz).add(1, 'day').toISOString() : '9999';
  const inRange = `a.at >= ? and a.at < ?`;
  const page = raw.prepare(
    `select a.id, a.at, s.display_name as staff, a.action, a.details
     from audit_log a left join staff s on s.id = a.staff_id
     where a.id > ? and ${inRange} order by a.id limit ?`,
  );
  const maxId = raw.prepare(`select coalesce(max(id), 0) as n from audit_log`);
  const local = (iso: string) => dayjs(iso).tz(tz).format('YYYY-MM-DD HH:mm:ss');
  return {
    list: 'audit',
    title: { zh: '操作日志', en: 'audit-log' },
    columns: [
      { header: { zh: '编号', en: 'No' }, kind: 'integer', value: (r) => r.id, width: 8 },
      { header: { zh: '时间', en: 'Time' }, kind: 'dateTime', value: (r) => local(r.at), width: 20 },
      { header: { zh: '员工', en: 'Staff' }, kind: 'text', value: (r) => r.staff, width: 12 },
      { header: { zh: '操作', en: 'Action' }, kind: 'text', value: (r) => r.action, width: 24 },
      { header: { zh: '详情', en: 'Details' }, kind: 'text', value: (r) => r.details, width: 60 },
    ],
    maxKey: () => (maxId.get() as { n: number }).n,
    page(after, limit) {
      const rows = page.all(after, start, end, limit) as AuditExportRow[];
      return { rows, last: rows.length ? rows[rows.length - 1]!.id : after };
    },
  };
}

export async function exportAuditLog(ctx: Ctx, input: ParsedInputOf<'io.exportAudit'>): Promise<JobStatus> {
  const me = requireStaff(ctx);
  // Exporting the log is reading it: both rights are needed.
  if (!can(me.role, 'audit.read')) throw appError('FORBIDDEN', 'errors.forbidden');
  const range = { from: input.from, to: input.to };
  return startExport(ctx, auditExport(ctx, range), input, range);
}
