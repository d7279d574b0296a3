import { sql } from 'kysely';
import {
  scanPhases,
  type DuplicateReason,
  type ScanBatch,
  type ScanCursor,
  type ScanPhase,
} from '../../../shared/domain.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { upsertPair } from './duplicates.js';

/** Rows read per call: one short transaction, so the counter is never kept waiting. */
const batchSize = 5000;

interface Row {
  id: number;
  k: string;
  birthday: string | null;
  phone: string;
}

const keyOf: Record<ScanPhase, string> = {
  name: 'name',
  email: 'lower(email)',
  wechat: 'lower(wechat)',
  phone2: 'phone2',
};
const presentOf: Record<ScanPhase, string> = {
  name: "name <> ''",
  email: 'email is not null',
  wechat: 'wechat is not null',
  phone2: 'phone2 is not null',
};

function rowsQuery(phase: ScanPhase, after: string | null, exact: string | null) {
  const key = sql.raw(keyOf[phase]);
  const range = exact !== null ? sql`${key} = ${exact}` : after === null ? sql`1` : sql`${key} > ${after}`;
  return sql<Row>`select id, ${key} as k, birthday, phone from members
    where merged_into is null and erased_at is null and ${sql.raw(presentOf[phase])} and ${range}
    order by ${key}, id ${exact === null ? sql`limit ${batchSize}` : sql``}`;
}

/** A batch ends on a whole group: rows sharing the last key may continue past the limit. */
async function readBatch(ctx: Ctx, cursor: ScanCursor): Promise<{ rows: Row[]; last: string | null }> {
  const rows = (await rowsQuery(cursor.phase, cursor.after, null).execute(ctx.db)).rows;
  if (rows.length < batchSize) return { rows, last: null };
  const lastKey = rows.at(-1)!.k;
  if (rows[0]!.k === lastKey) {
    const whole = (await rowsQuery(cursor.phase, null, lastKey).execute(ctx.db)).rows;
    return { rows: whole, last: lastKey };
  }
  const kept = rows.filter((r) => r.k !== lastKey);
  return { rows: kept, last: kept.at(-1)!.k };
}

/** Pairs within one group of rows sharing a key, with the reasons they share. */
function pairsIn(group: Row[], phase: ScanPhase, add: (ids: number[], reason: DuplicateReason) => void) {
  if (phase === 'email' || phase === 'wechat')
    return add(
      group.map((r) => r.id),
      phase,
    );
  const byBirthday = new Map<string, number[]>();
  for (const r of group) if (r.birthday) byBirthday.set(r.birthday, [...(byBirthday.get(r.birthday) ?? []), r.id]);
  for (const ids of byBirthday.values()) add(ids, 'nameBirthday');
  // Two numbers that agree once one position is blanked differ in exactly that position.
  const phones = group.filter((r) => !r.phone.includes(':'));
  const width = Math.max(0, ...phones.map((r) => r.phone.length));
  for (let pos = 0; pos < width; pos++) {
    const byMasked = new Map<string, number[]>();
    for (const r of phones) {
      const k = `${r.phone.length}:${r.phone.slice(0, pos)}_${r.phone.slice(pos + 1)}`;
      const list = byMasked.get(k);
      if (list) list.push(r.id);
      else byMasked.set(k, [r.id]);
    }
    for (const ids of byMasked.values()) add(ids, 'namePhone');
  }
}

async function totalRows(ctx: Ctx): Promise<number> {
  const r = await sql<{ n: number }>`select
      count(case when name <> '' then 1 end) + count(email) + count(wechat) + count(phone2) as n
    from members where merged_into is null and erased_at is null`.execute(ctx.db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Looks through every member for the review queue, one batch per call: the renderer calls again
 * with `next` until it is null, showing progress, and can stop between batches. Each batch is its
 * own transaction and finds what registration-time checks would have found.
 */
export async function scanDuplicates(ctx: Ctx, cursor: ScanCursor): Promise<ScanBatch> {
  const me = requireStaff(ctx);
  const total = await totalRows(ctx);
  if (cursor.phase === 'name' && cursor.after === null)
    await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'duplicates.scanned', details: { total } });

  const { rows, last } = await readBatch(ctx, cursor);
  const pairs = new Map<string, Set<DuplicateReason>>();
  const add = (ids: number[], reason: DuplicateReason) => {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = ids[i]! < ids[j]! ? `${ids[i]},${ids[j]}` : `${ids[j]},${ids[i]}`;
        pairs.set(key, (pairs.get(key) ?? new Set()).add(reason));
      }
  };
  if (cursor.phase === 'phone2') {
    // Not a group within the batch: a second phone that is someone else's main phone.
    const holders = rows.length
      ? await ctx.db
          .selectFrom('members')
          .select(['id', 'phone'])
          .where('merged_into', 'is', null)
          .where('erased_at', 'is', null)
          .where('phone', 'in', [...new Set(rows.map((r) => r.k))])
          .execute()
      : [];
    const byPhone = new Map(holders.map((h) => [h.phone, h.id]));
    for (const r of rows) {
      const other = byPhone.get(r.k);
      if (other !== undefined && other !== r.id) add([r.id, other], 'phone2');
    }
  } else
    for (let start = 0; start < rows.length;) {
      let end = start + 1;
      while (end < rows.length && rows[end]!.k === rows[start]!.k) end++;
      if (end - start > 1) pairsIn(rows.slice(start, end), cursor.phase, add);
      start = end;
    }

  let found = 0;
  for (const [key, reasons] of pairs) {
    const [a, b] = key.split(',').map(Number) as [number, number];
    if (await upsertPair(ctx, a, b, reasons, 'union')) found++;
  }
  const nextPhase = scanPhases[scanPhases.indexOf(cursor.phase) + 1];
  const next: ScanCursor | null =
    last !== null ? { phase: cursor.phase, after: last } : nextPhase ? { phase: nextPhase, after: null } : null;
  return { found, scanned: rows.length, total, next };
}
