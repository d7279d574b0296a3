import { sql } from 'kysely';
import type { Page } from '../../../shared/domain.js';
import type { LedgerEntry, LedgerKind } from '../../../shared/points.js';
import { addDays } from '../../../shared/rules/earning.js';
import type { Ctx } from '../../context.js';
import { mustGetMember } from '../members/rows.js';
import { listedPhone, shopToday } from '../members/view.js';

/** A member's ledger, newest first, with the entry that voided each one (if any). */
export async function listLedger(
  ctx: Ctx,
  input: { memberId: number; page: number; pageSize: number },
): Promise<Page<LedgerEntry>> {
  await mustGetMember(ctx, input.memberId);
  const rows = await ctx.db
    .selectFrom('points_ledger as l')
    .leftJoin('staff as s', 's.id', 'l.staff_id')
    .leftJoin('points_ledger as v', (j) => j.onRef('v.reverses_id', '=', 'l.id').on('v.kind', '=', 'void'))
    .select([
      'l.id',
      'l.kind',
      'l.points',
      'l.ref_type',
      'l.ref_id',
      'l.reverses_id',
      'l.note',
      'l.at',
      'l.day',
      'l.expires_on',
      'l.remaining',
      's.display_name',
      'v.id as voided_by',
    ])
    .where('l.member_id', '=', input.memberId)
    .orderBy('l.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const { total } = await ctx.db
    .selectFrom('points_ledger')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('member_id', '=', input.memberId)
    .executeTakeFirstOrThrow();
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind as LedgerKind,
      points: r.points,
      refType: r.ref_type,
      refId: r.ref_id,
      reversesId: r.reverses_id,
      voidedBy: r.voided_by,
      note: r.note,
      staff: r.display_name,
      at: r.at,
      day: r.day,
      expiresOn: r.expires_on,
      remaining: r.remaining,
    })),
  };
}

/** Members with points expiring within `days` (today included), by the soonest expiry. */
export async function listExpiring(ctx: Ctx, input: { days: number; page: number; pageSize: number }) {
  const today = shopToday(ctx);
  const until = addDays(today, input.days - 1);
  const base = ctx.db
    .selectFrom('points_ledger as l')
    .innerJoin('members as m', 'm.id', 'l.member_id')
    .where('l.remaining', '>', 0)
    .where('l.expires_on', '>=', today)
    .where('l.expires_on', '<=', until)
    .where('m.erased_at', 'is', null);
  const rows = await base
    .select((eb) => [
      'm.id',
      'm.member_no',
      'm.name',
      'm.phone',
      eb.fn.sum<number>('l.remaining').as('points'),
      eb.fn.min<string>('l.expires_on').as('on'),
    ])
    .groupBy('m.id')
    .orderBy(sql`min(l.expires_on)`)
    .orderBy('m.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const { total } = await base
    .select((eb) => eb.fn.count<number>('l.member_id').distinct().as('total'))
    .executeTakeFirstOrThrow();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      memberId: r.id,
      memberNo: r.member_no,
      name: r.name,
      phone: listedPhone(ctx, r.phone),
      points: Number(r.points),
      on: r.on,
    })),
  };
}
