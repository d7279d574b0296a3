import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AuditEntry, Page } from '../../shared/domain.js';

/** Append-only (the table's triggers refuse updates and deletes). */
export async function writeAudit(
  db: Kysely<DB>,
  entry: { at: string; staffId: number | null; action: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      staff_id: entry.staffId,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export async function listAudit(db: Kysely<DB>, page: number, pageSize: number): Promise<Page<AuditEntry>> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.staff_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.details', 'staff.display_name'])
    .orderBy('audit_log.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const { total } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return {
    total,
    rows: rows.map((r) => ({ id: r.id, at: r.at, staff: r.display_name, action: r.action, details: r.details })),
  };
}
