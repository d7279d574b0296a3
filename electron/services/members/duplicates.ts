import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { duplicateReasons, type DuplicateCandidate, type DuplicateReason, type Page } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetMember, type MemberRow } from './rows.js';
import { toSummaries } from './view.js';

type Found = Map<number, Set<DuplicateReason>>;

/** Every number that differs from `e164` in exactly one digit (the "+" and country code included). */
export function oneDigitApart(e164: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < e164.length; i++) {
    if (!/\d/.test(e164[i]!)) continue;
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (digit !== e164[i]) out.push(e164.slice(0, i) + digit + e164.slice(i + 1));
    }
  }
  return out;
}

const sortReasons = (reasons: Iterable<DuplicateReason>) => duplicateReasons.filter((r) => new Set(reasons).has(r));

/** Other live members who may be the same person as `m`, with why. */
async function candidatesFor(db: Kysely<DB>, m: MemberRow): Promise<Found> {
  const found: Found = new Map();
  const add = (ids: { id: number }[], reason: DuplicateReason) => {
    for (const { id } of ids) {
      if (id === m.id) continue;
      const set = found.get(id) ?? new Set();
      set.add(reason);
      found.set(id, set);
    }
  };
  const live = () =>
    db.selectFrom('members').select('id').where('merged_into', 'is', null).where('erased_at', 'is', null);
  if (m.name) {
    // `name <> ''` lets SQLite use the partial name index (it cannot infer it from name = ?).
    const sameName = () => live().where('name', '<>', '').where('name', '=', m.name);
    if (m.birthday) add(await sameName().where('birthday', '=', m.birthday).execute(), 'nameBirthday');
    // A typo in one digit: look the 99 neighbouring numbers up in the unique phone index.
    if (!m.phone.includes(':'))
      add(await sameName().where('phone', 'in', oneDigitApart(m.phone)).execute(), 'namePhone');
  }
  if (!m.phone.includes(':')) add(await live().where('phone2', '=', m.phone).execute(), 'phone2');
  if (m.phone2) add(await live().where('phone', '=', m.phone2).execute(), 'phone2');
  for (const column of ['email', 'wechat'] as const) {
    const value = m[column];
    if (value)
      add(
        await live()
          // Partial indexes (values that exist) are used only when the query says so.
          .where(column, 'is not', null)
          .where(sql`lower(${sql.ref(column)})`, '=', value.toLowerCase())
          .execute(),
        column,
      );
  }
  return found;
}

/**
 * Puts a pair in the review queue; returns whether it is new. `replace` sets the reasons to exactly
 * these (a re-check of one member knows them all); `union` adds to them (a scan finds them rule by
 * rule). A pair already dismissed stays dismissed: the shop decided they are two people.
 */
export async function upsertPair(
  ctx: Ctx,
  x: number,
  y: number,
  reasons: Iterable<DuplicateReason>,
  mode: 'replace' | 'union' = 'replace',
): Promise<boolean> {
  const [a, b] = x < y ? [x, y] : [y, x];
  const existing = await ctx.db
    .selectFrom('duplicate_candidates')
    .select(['id', 'status', 'reason'])
    .where('member_a', '=', a)
    .where('member_b', '=', b)
    .executeTakeFirst();
  if (!existing) {
    await ctx.db
      .insertInto('duplicate_candidates')
      .values({ member_a: a, member_b: b, reason: sortReasons(reasons).join(','), found_at: ctx.nowIso })
      .execute();
    return true;
  }
  if (existing.status !== 'open') return false;
  const old = existing.reason.split(',') as DuplicateReason[];
  const reason = sortReasons(mode === 'union' ? [...old, ...reasons] : reasons).join(',');
  if (reason !== existing.reason)
    await ctx.db.updateTable('duplicate_candidates').set({ reason }).where('id', '=', existing.id).execute();
  return false;
}

/**
 * Re-checks one member after a write (register, edit, merge, import): new candidates join the
 * review queue, and open ones that no longer match (the typo was fixed) leave it.
 */
export async function detectDuplicates(ctx: Ctx, memberId: number): Promise<void> {
  const m = await mustGetMember(ctx, memberId);
  const found = m.merged_into === null && m.erased_at === null ? await candidatesFor(ctx.db, m) : new Map();
  for (const [other, reasons] of found) await upsertPair(ctx, m.id, other, reasons);
  const open = await ctx.db
    .selectFrom('duplicate_candidates')
    .select(['id', 'member_a', 'member_b'])
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('member_a', '=', m.id), eb('member_b', '=', m.id)]))
    .execute();
  const stale = open.filter((c) => !found.has(c.member_a === m.id ? c.member_b : c.member_a)).map((c) => c.id);
  if (stale.length) await ctx.db.deleteFrom('duplicate_candidates').where('id', 'in', stale).execute();
}

export async function openCount(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('duplicate_candidates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function listDuplicates(ctx: Ctx, page: number, pageSize: number): Promise<Page<DuplicateCandidate>> {
  const rows = await ctx.db
    .selectFrom('duplicate_candidates')
    .selectAll()
    .where('status', '=', 'open')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const ids = [...new Set(rows.flatMap((r) => [r.member_a, r.member_b]))];
  const members = ids.length ? await ctx.db.selectFrom('members').selectAll().where('id', 'in', ids).execute() : [];
  const summaries = new Map((await toSummaries(ctx, members)).map((s) => [s.id, s]));
  return {
    total: await openCount(ctx.db),
    rows: rows.map((r) => ({
      id: r.id,
      reasons: sortReasons(r.reason.split(',') as DuplicateReason[]),
      foundAt: r.found_at,
      a: summaries.get(r.member_a)!,
      b: summaries.get(r.member_b)!,
    })),
  };
}

export async function dismissDuplicate(ctx: Ctx, id: number): Promise<{ ok: true }> {
  const me = requireStaff(ctx);
  const c = await ctx.db.selectFrom('duplicate_candidates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw appError('NOT_FOUND', 'errors.duplicates.notFound');
  if (c.status !== 'open') throw appError('CONFLICT', 'errors.duplicates.notOpen');
  await ctx.db
    .updateTable('duplicate_candidates')
    .set({ status: 'dismissed', resolved_at: ctx.nowIso, resolved_by: me.id })
    .where('id', '=', id)
    .execute();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'duplicates.dismissed',
    details: { candidateId: id, members: [c.member_a, c.member_b] },
  });
  return { ok: true };
}
