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
    if (m.birthday)
      add(await live().where('name', '=', m.name).where('birthday', '=', m.birthday).execute(), 'nameBirthday');
    // A typo in one digit: look the 99 neighbouring numbers up in the unique phone index.
    if (!m.phone.includes(':'))
      add(await live().where('name', '=', m.name).where('phone', 'in', oneDigitApart(m.phone)).execute(), 'namePhone');
  }
  if (m.email)
    add(
      await live()
        .where(sql`lower(email)`, '=', m.email.toLowerCase())
        .execute(),
      'email',
    );
  if (m.wechat)
    add(
      await live()
        .where(sql`lower(wechat)`, '=', m.wechat.toLowerCase())
        .execute(),
      'wechat',
    );
  return found;
}

async function upsertPair(ctx: Ctx, x: number, y: number, reasons: Iterable<DuplicateReason>): Promise<void> {
  const [a, b] = x < y ? [x, y] : [y, x];
  // A pair already dismissed stays dismissed: the shop decided they are two people.
  await ctx.db
    .insertInto('duplicate_candidates')
    .values({ member_a: a, member_b: b, reason: sortReasons(reasons).join(','), found_at: ctx.nowIso })
    .onConflict((oc) =>
      oc
        .columns(['member_a', 'member_b'])
        .doUpdateSet({ reason: (eb) => eb.ref('excluded.reason') })
        .where('duplicate_candidates.status', '=', 'open'),
    )
    .execute();
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

/** Groups of live member ids sharing a key, one query per rule. */
async function groups(db: Kysely<DB>, key: string, where: string): Promise<number[][]> {
  const rows = await sql<{ ids: string }>`
    select group_concat(id) as ids from members
    where merged_into is null and erased_at is null and ${sql.raw(where)}
    group by ${sql.raw(key)} having count(*) > 1`.execute(db);
  return rows.rows.map((r) => r.ids.split(',').map(Number));
}

/**
 * Looks through every member. Numbers one digit apart are found per name: within a name, two
 * numbers that agree once one position is blanked out differ in exactly that position.
 */
export async function scanDuplicates(ctx: Ctx): Promise<{ found: number }> {
  const me = requireStaff(ctx);
  const pairs = new Map<string, Set<DuplicateReason>>();
  const addPairs = (ids: number[], reason: DuplicateReason) => {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
        const key = `${a},${b}`;
        pairs.set(key, (pairs.get(key) ?? new Set()).add(reason));
      }
  };
  for (const ids of await groups(ctx.db, 'name, birthday', "name <> '' and birthday is not null"))
    addPairs(ids, 'nameBirthday');
  for (const ids of await groups(ctx.db, 'lower(email)', 'email is not null')) addPairs(ids, 'email');
  for (const ids of await groups(ctx.db, 'lower(wechat)', 'wechat is not null')) addPairs(ids, 'wechat');

  const named = await sql<{ id: number; name: string; phone: string }>`
    select id, name, phone from members
    where name <> '' and merged_into is null and erased_at is null
      and name in (select name from members where name <> '' and merged_into is null and erased_at is null
        group by name having count(*) > 1)
    order by name`.execute(ctx.db);
  let start = 0;
  const rows = named.rows;
  while (start < rows.length) {
    let end = start;
    while (end < rows.length && rows[end]!.name === rows[start]!.name) end++;
    const group = rows.slice(start, end).filter((r) => !r.phone.includes(':'));
    const width = Math.max(0, ...group.map((r) => r.phone.length));
    for (let pos = 0; pos < width; pos++) {
      const byMasked = new Map<string, number[]>();
      for (const r of group) {
        const k = `${r.phone.length}:${r.phone.slice(0, pos)}_${r.phone.slice(pos + 1)}`;
        const list = byMasked.get(k);
        if (list) list.push(r.id);
        else byMasked.set(k, [r.id]);
      }
      for (const ids of byMasked.values()) if (ids.length > 1) addPairs(ids, 'namePhone');
    }
    start = end;
  }

  const before = await openCount(ctx.db);
  for (const [key, reasons] of pairs) {
    const [a, b] = key.split(',').map(Number) as [number, number];
    await upsertPair(ctx, a, b, reasons);
  }
  const found = (await openCount(ctx.db)) - before;
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'duplicates.scanned', details: { found } });
  return { found };
}

async function openCount(db: Kysely<DB>): Promise<number> {
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
