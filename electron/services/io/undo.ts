import type { SqliteDb } from '../../../db/open.js';
import type { JobStatus, UndoResult } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import { nameGrams } from '../../../shared/rules/nameGrams.js';
import { reversedDigits } from '../../../shared/rules/phone.js';
import { namePinyin } from '../../../shared/rules/pinyin.js';
import { businessDay } from '../../../shared/rules/businessDay.js';
import type { Backend } from '../../backend.js';
import { requireStaff, type Ctx } from '../../context.js';
import type { JobHandle } from '../../jobs/jobs.js';
import { WriteSteps } from '../../jobs/writeSteps.js';
import { writeAudit } from '../audit.js';
import type { ImportEntityName } from '../../../shared/io/entities.js';
import { importers } from './importers.js';
import { setColumns } from './rowWriter.js';

class StoppedEarly extends Error {}

export type EndStatus = 'undone' | 'rolledBack' | 'cancelled';
const chunkMs = 30;

/**
 * A member the batch created counts as used once anyone worked with them after the import: an
 * event other than the import's own (an edit, a visit, a card, a later import), a referral, a
 * merge. Used members are kept, no longer part of the batch: an undo never loses a clerk's work.
 */
const usedSql = `select
  exists(select 1 from member_events where member_id = @id and kind <> 'imported')
  or exists(select 1 from members where referrer_id = @id and referrer_id is not null)
  or exists(select 1 from members where merged_into = @id and merged_into is not null)
  or exists(select 1 from member_merges where survivor_id = @id or merged_id = @id)
  or exists(select 1 from member_consents where member_id = @id) as used`;

function statements(raw: SqliteDb) {
  const p = (s: string) => raw.prepare(s);
  return {
    created: p(`select id, name from members where import_batch_id = ? and id > ? order by id limit 25`),
    used: p(usedSql),
    keep: p(`update members set import_batch_id = null where id = ?`),
    deletes: [
      `delete from member_name_grams where member_id = @id`,
      `delete from member_events where member_id = @id`,
      `delete from member_cards where member_id = @id`,
      `delete from member_tags where member_id = @id`,
      `delete from member_opening_balances where member_id = @id`,
      // Unused, so the import's own opening lot is all the ledger holds for them.
      `delete from points_ledger where member_id = @id`,
      `delete from duplicate_candidates where member_a = @id or member_b = @id`,
      `update import_rejects set member_id = null where member_id = @id`,
      `delete from import_updates where member_id = @id`,
      `delete from members where id = @id`,
    ].map(p),
    updated: p(
      `select member_id, changes from import_updates where batch_id = ? and member_id > ? order by member_id limit 25`,
    ),
    member: p(`select * from members where id = ?`),
    phoneHolder: p(`select id from members where phone = ?`),
    deleteCard: p(
      `delete from member_cards where id = ? and member_id = ? and status = 'active'
       and not exists (select 1 from member_cards r where r.replaces = member_cards.id)`,
    ),
    deleteOpening: p(`delete from member_opening_balances where id = ?`),
    openingLot: p(
      `select id, remaining = points and not exists (select 1 from points_allocations where lot_id = l.id) as untouched
       from points_ledger l where kind = 'opening' and ref_type = 'opening' and ref_id = ?`,
    ),
    deleteLot: p(`delete from points_ledger where id = ?`),
    untag: p(`delete from member_tags where member_id = ? and tag_id = ?`),
    deleteGrams: p(`delete from member_name_grams where member_id = ?`),
    insertGram: p(`insert or ignore into member_name_grams (gram, member_id) values (?, ?)`),
    setPinyin: p(`update members set name_pinyin = ?, name_initials = ? where id = ?`),
    event: p(
      `insert into member_events (member_id, kind, data, staff_id, at, day) values (?, 'importUndone', ?, ?, ?, ?)`,
    ),
  };
}

/** Puts back the columns an import changed, where nobody has changed them again since. */
function restoreMember(
  s: ReturnType<typeof statements>,
  raw: SqliteDb,
  memberId: number,
  changes: Record<string, [unknown, unknown]>,
  at: { nowIso: string; day: string; staffId: number | null },
): void {
  const m = s.member.get(memberId) as Record<string, unknown> | undefined;
  if (!m || m.erased_at) return;
  const back: Record<string, unknown> = {};
  for (const [col, [before, after]] of Object.entries(changes)) {
    if (['card', 'opening', 'tags', 'phone_kind', 'phone_rev'].includes(col)) continue;
    if (m[col] !== after) continue;
    // Someone registered the old number since: it is theirs now.
    if (col === 'phone' && s.phoneHolder.get(before)) continue;
    back[col] = before;
    if (col === 'phone') {
      back.phone_kind = changes.phone_kind?.[0] ?? m.phone_kind;
      back.phone_rev = reversedDigits(String(before));
    }
  }
  if (Object.keys(back).length) setColumns(raw, memberId, back, at.nowIso, at.staffId);
  if ('name' in back) {
    s.deleteGrams.run(memberId);
    const name = String(back.name);
    for (const g of nameGrams(name)) s.insertGram.run(g, memberId);
    const py = namePinyin(name);
    s.setPinyin.run(py.full, py.initials, memberId);
  }
  if (changes.card) s.deleteCard.run(changes.card[1], memberId);
  if (changes.opening?.[1]) {
    // Points the member has spent since (or that expired) stay: the opening balance then stays with them.
    const lot = s.openingLot.get(changes.opening[1]) as { id: number; untouched: number } | undefined;
    if (!lot || lot.untouched) {
      if (lot) s.deleteLot.run(lot.id);
      s.deleteOpening.run(changes.opening[1]);
    }
  }
  for (const tagId of (changes.tags?.[1] as number[] | undefined) ?? []) s.untag.run(memberId, tagId);
  s.event.run(memberId, JSON.stringify({ fields: Object.keys(back) }), at.staffId, at.nowIso, at.day);
}

/**
 * Takes a batch back out, in short transactions: members it created are removed (unless used
 * since), members it changed get their old values back. Used by undo, by a cancelled or failed
 * import, and at start for a batch a crash left running.
 */
export async function rollBackBatch(
  backend: Backend,
  batchId: number,
  staffId: number | null,
  status: EndStatus,
  job?: JobHandle,
): Promise<UndoResult> {
  const raw = backend.raw;
  const s = statements(raw);
  const result: UndoResult = { removed: 0, restored: 0, kept: 0 };
  const settings = backend.settings!;
  const nowIso = backend.clock.now().toISOString();
  const at = { nowIso, day: businessDay(nowIso, settings.timeZone, settings.dayStartHour), staffId };
  const total = (
    raw.prepare(`select imported + updated as n from import_batches where id = ?`).get(batchId) as { n: number }
  ).n;
  // An undo cut short by a power cut can simply be run again: its steps, like the import's, need
  // not each reach the disk (see WriteSteps).
  const steps = new WriteSteps(backend);
  const step = async (work: () => boolean): Promise<void> => {
    for (let more = true; more;) {
      if (job?.stopping) throw new StoppedEarly();
      ({ value: more } = await steps.step(() => {
        const t0 = performance.now();
        let again = true;
        while (again && performance.now() - t0 < chunkMs) again = work();
        return again;
      }));
      job?.progress(result.removed + result.restored + result.kept, total);
    }
  };
  try {
    await removeAndRestore();
  } catch (e) {
    // The app is closing: what is left is done at the next start (a crashed batch) or by running
    // the undo again; the batch keeps its status.
    if (e instanceof StoppedEarly) return result;
    throw e;
  } finally {
    await steps.end();
  }
  async function removeAndRestore(): Promise<void> {
    let lastId = 0;
    await step(() => {
      const rows = s.created.all(batchId, lastId) as { id: number; name: string }[];
      for (const { id } of rows) {
        lastId = id;
        if ((s.used.get({ id }) as { used: number }).used) {
          s.keep.run(id);
          result.kept++;
          continue;
        }
        for (const d of s.deletes) d.run({ id });
        result.removed++;
      }
      return rows.length > 0;
    });
    let lastMember = 0;
    await step(() => {
      const rows = s.updated.all(batchId, lastMember) as { member_id: number; changes: string }[];
      for (const r of rows) {
        lastMember = r.member_id;
        restoreMember(s, raw, r.member_id, JSON.parse(r.changes) as Record<string, [unknown, unknown]>, at);
        result.restored++;
      }
      return rows.length > 0;
    });
  }

  await closeBatch(backend, batchId, staffId, status, { ...result });
  return result;
}

/** Marks an undone (or cancelled, or rolled back) batch finished and audits it, in one transaction. */
export async function closeBatch(
  backend: Backend,
  batchId: number,
  staffId: number | null,
  status: EndStatus,
  details: Record<string, unknown>,
): Promise<void> {
  const nowIso = backend.clock.now().toISOString();
  await backend.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('import_batches')
      .set({ status, undone_at: nowIso, undone_by: staffId, finished_at: nowIso })
      .where('id', '=', batchId)
      .execute();
    await writeAudit(trx, {
      at: nowIso,
      staffId,
      action:
        status === 'undone' ? 'io.importUndone' : status === 'cancelled' ? 'io.importCancelled' : 'io.importRolledBack',
      details: { batchId, ...details },
    });
  });
}

export async function undoBatch(ctx: Ctx, input: { batchId: number }): Promise<JobStatus> {
  const me = requireStaff(ctx);
  const batch = await ctx.db
    .selectFrom('import_batches')
    .select(['status', 'entity'])
    .where('id', '=', input.batchId)
    .executeTakeFirst();
  if (!batch) throw appError('NOT_FOUND', 'errors.io.batchNotFound');
  if (batch.status !== 'done') throw appError('CONFLICT', 'errors.io.notUndoable');
  if (ctx.backend.jobs.running().some((j) => j.kind !== 'export'))
    throw appError('CONFLICT', 'errors.io.importRunning');
  const backend = ctx.backend;
  return backend.jobs.start('importUndo', me.id, (job) =>
    importers[batch.entity].rollBack(backend, input.batchId, me.id, 'undone', job),
  );
}

/** A batch still 'running' when the database opens was cut short by a crash: take it back out. */
export function recoverUnfinishedImports(backend: Backend): void {
  const rows = backend.raw.prepare(`select id, entity from import_batches where status = 'running'`).all() as {
    id: number;
    entity: ImportEntityName;
  }[];
  for (const { id, entity } of rows) {
    backend.log.info('io.rollback_unfinished', { batchId: id });
    backend.jobs.start('importRollback', null, (job) =>
      importers[entity].rollBack(backend, id, null, 'rolledBack', job),
    );
  }
}
