import type {
  BuiltInCategory,
  ComplaintStatus,
  CompensationKind,
  IntakeChannel,
  Severity,
} from '../../../shared/complaints.js';
import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import {
  builtInCategoryNames,
  complaintFileFields,
  complaintFileHeaders,
  complaintPriorityNames,
  complaintStatusNames,
  compensationKindNames,
  intakeChannelNames,
  severityNames,
  yesNo,
  type ComplaintFileField,
} from '../../../shared/io/complaintFields.js';
import { requireStaff, type Ctx } from '../../context.js';
import { phoneCell } from './exportMembers.js';
import { startExport, type ExportColumn, type ListExport } from './exportList.js';
import { idsOfDays, localTime, type DayRange } from './exportPurchases.js';

interface ComplaintExportRow {
  id: number;
  created_at: string;
  member_id: number | null;
  member_no: string | null;
  member_name: string | null;
  member_phone: string | null;
  erased: number | null;
  contact_name: string;
  contact_phone: string;
  channel: string;
  category_key: string | null;
  category_name: string | null;
  description: string;
  severity: string;
  priority: number;
  status: string;
  assignee: string | null;
  first_response_due: string;
  first_response_at: string | null;
  resolution_due: string;
  resolved_at: string | null;
  resolution: string;
  compensation_kind: string | null;
  compensation_points: number | null;
  compensation_fen: number | null;
  csat_score: number | null;
  csat_comment: string;
}

/** A target missed: met after it was due, or not met and already past. */
const missed = (at: string | null, due: string, now: string) => (at !== null ? at > due : due < now);

/**
 * Complaints logged on the shop days from–to, oldest first: who complained (the member, or the
 * walk-in's name and number), the category, severity and status in the requester's language, the
 * SLA targets and when they were met, the resolution, compensation and CSAT. "Breached" is judged
 * at the time the export started.
 */
export function complaintsExport(ctx: Ctx, range: DayRange, fullPhones: boolean): ListExport<ComplaintExportRow> {
  const raw = ctx.backend.raw;
  const local = localTime(ctx.backend.settings!.timeZone);
  const now = ctx.nowIso;
  const ids = idsOfDays(raw, 'complaints', range);
  const page = raw.prepare(
    `select c.id, c.created_at, c.member_id, m.member_no, m.name as member_name, m.phone as member_phone,
       m.erased_at is not null as erased, c.contact_name, c.contact_phone, c.channel, k.key as category_key,
       k.name as category_name, c.description, c.severity, c.priority, c.status, a.display_name as assignee,
       c.first_response_due, c.first_response_at, c.resolution_due, c.resolved_at, c.resolution,
       c.compensation_kind, c.compensation_points, c.compensation_fen, c.csat_score, c.csat_comment
     from complaints c join complaint_categories k on k.id = c.category_id
       left join members m on m.id = c.member_id left join staff a on a.id = c.assignee_id
     where c.id > ? and c.id <= ? and c.day >= ? and c.day <= ? order by c.id limit ?`,
  );
  const orNull = (v: string | null) => (v === '' ? null : v);
  const time = (v: string | null) => (v === null ? null : local(v));
  const phone = (r: ComplaintExportRow) => {
    const e164 = r.member_id !== null ? r.member_phone : r.contact_phone;
    // Erased records and merged tombstones hold a placeholder, not a number.
    if (r.erased || !e164 || e164.includes(':')) return null;
    return phoneCell(e164, fullPhones);
  };
  const col = (
    field: ComplaintFileField,
    kind: ExportColumn<ComplaintExportRow>['kind'],
    value: ExportColumn<ComplaintExportRow>['value'],
    width?: number,
  ): ExportColumn<ComplaintExportRow> => ({
    header: { zh: complaintFileHeaders.zh[field], en: complaintFileHeaders.en[field] },
    kind,
    value,
    ...(width ? { width } : {}),
  });
  const columns: Record<ComplaintFileField, ExportColumn<ComplaintExportRow>> = {
    id: col('id', 'integer', (r) => r.id, 8),
    loggedAt: col('loggedAt', 'dateTime', (r) => local(r.created_at), 20),
    memberNo: col('memberNo', 'text', (r) => r.member_no, 12),
    name: col('name', 'text', (r) => orNull(r.member_id !== null ? r.member_name : r.contact_name), 12),
    phone: col('phone', 'text', phone, 15),
    channel: col('channel', 'text', (r, lang) => intakeChannelNames[lang][r.channel as IntakeChannel] ?? r.channel, 10),
    category: col(
      'category',
      'text',
      (r, lang) => r.category_name ?? builtInCategoryNames[lang][r.category_key as BuiltInCategory] ?? r.category_key,
      12,
    ),
    description: col('description', 'text', (r) => orNull(r.description), 30),
    severity: col('severity', 'text', (r, lang) => severityNames[lang][r.severity as Severity] ?? r.severity, 8),
    priority: col('priority', 'text', (r, lang) => complaintPriorityNames[lang][r.priority] ?? String(r.priority), 10),
    status: col('status', 'text', (r, lang) => complaintStatusNames[lang][r.status as ComplaintStatus] ?? r.status, 10),
    assignee: col('assignee', 'text', (r) => r.assignee, 12),
    firstResponseDue: col('firstResponseDue', 'dateTime', (r) => local(r.first_response_due), 20),
    firstResponseAt: col('firstResponseAt', 'dateTime', (r) => time(r.first_response_at), 20),
    resolutionDue: col('resolutionDue', 'dateTime', (r) => local(r.resolution_due), 20),
    resolvedAt: col('resolvedAt', 'dateTime', (r) => time(r.resolved_at), 20),
    breached: col(
      'breached',
      'text',
      (r, lang) =>
        yesNo[lang][
          missed(r.first_response_at, r.first_response_due, now) || missed(r.resolved_at, r.resolution_due, now)
            ? 'yes'
            : 'no'
        ],
      8,
    ),
    resolution: col('resolution', 'text', (r) => orNull(r.resolution), 30),
    compensationKind: col(
      'compensationKind',
      'text',
      (r, lang) =>
        r.compensation_kind === null
          ? null
          : (compensationKindNames[lang][r.compensation_kind as CompensationKind] ?? r.compensation_kind),
      10,
    ),
    compensationPoints: col('compensationPoints', 'integer', (r) => r.compensation_points, 10),
    compensationFen: col('compensationFen', 'money', (r) => r.compensation_fen, 12),
    csatScore: col('csatScore', 'integer', (r) => r.csat_score, 8),
    csatComment: col('csatComment', 'text', (r) => orNull(r.csat_comment), 24),
  };
  return {
    list: 'complaints',
    title: { zh: '投诉记录', en: 'complaints' },
    columns: complaintFileFields.map((f) => columns[f]),
    maxKey: ids.maxKey,
    page(after, limit) {
      const rows = page.all(ids.start(after), ids.maxKey(), ...ids.days, limit) as ComplaintExportRow[];
      return { rows, last: rows.length ? rows[rows.length - 1]!.id : after };
    },
  };
}

export async function exportComplaints(ctx: Ctx, input: ParsedInputOf<'io.exportComplaints'>): Promise<JobStatus> {
  const me = requireStaff(ctx);
  // As with every list: whole numbers leave the shop only when the owner decides so.
  if (input.fullPhones && me.role !== 'owner')
    throw appError('FORBIDDEN', 'errors.export.fullPhonesOwner', {
      fields: { fullPhones: { messageKey: 'errors.export.fullPhonesOwner' } },
    });
  const range = { from: input.from, to: input.to };
  return startExport(ctx, complaintsExport(ctx, range, input.fullPhones), input, {
    ...range,
    fullPhones: input.fullPhones,
  });
}
