import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import {
  consentChannels,
  type ConsentChannel,
  type ConsentState,
  type Member,
  type MemberSummary,
  type TagInfo,
} from '../../../shared/domain.js';
import { can } from '../../../shared/permissions.js';
import { ageOn, nextLunarBirthday } from '../../../shared/rules/birthday.js';
import { businessDay } from '../../../shared/rules/businessDay.js';
import { maskPhone, phoneForDisplay } from '../../../shared/rules/phone.js';
import type { Ctx } from '../../context.js';
import type { MemberRow } from './rows.js';

export function shopToday(ctx: Ctx): string {
  const s = ctx.backend.settings!;
  return businessDay(ctx.nowIso, s.timeZone, s.dayStartHour);
}

/** Owners and managers see whole numbers in lists; clerks see 138****8000. */
export function listedPhone(ctx: Ctx, e164: string): string {
  // Erased and merged records hold a placeholder ("erased:12", "merged:12"), not a number.
  if (e164.includes(':')) return '';
  return ctx.staff && can(ctx.staff.role, 'members.viewFullPhone') ? phoneForDisplay(e164) : maskPhone(e164);
}

/**
 * The whole number, as the member page shows it to every role (the clerk calls or confirms it);
 * empty for an erased or merged record's placeholder.
 */
export function wholePhone(e164: string): string {
  return e164 === '' || e164.includes(':') ? '' : phoneForDisplay(e164);
}

export async function tagsOf(db: Kysely<DB>, memberIds: number[]): Promise<Map<number, TagInfo[]>> {
  const out = new Map<number, TagInfo[]>();
  if (memberIds.length === 0) return out;
  const rows = await db
    .selectFrom('member_tags as mt')
    .innerJoin('tags as t', 't.id', 'mt.tag_id')
    .select(['mt.member_id', 't.id', 't.name', 't.color'])
    .where('mt.member_id', 'in', memberIds)
    .orderBy('t.name')
    .execute();
  for (const r of rows) {
    const list = out.get(r.member_id) ?? [];
    list.push({ id: r.id, name: r.name, color: r.color });
    out.set(r.member_id, list);
  }
  return out;
}

export async function toSummaries(ctx: Ctx, rows: MemberRow[]): Promise<MemberSummary[]> {
  const tags = await tagsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    memberNo: r.member_no,
    name: r.name,
    phone: listedPhone(ctx, r.phone),
    gender: r.gender,
    createdAt: r.created_at,
    joinedOn: r.joined_on,
    tags: tags.get(r.id) ?? [],
    archived: r.archived_at !== null,
  }));
}

async function consentsOf(ctx: Ctx, memberId: number): Promise<Record<ConsentChannel, ConsentState | null>> {
  const rows = await ctx.db
    .selectFrom('member_consents as c')
    .leftJoin('staff as s', 's.id', 'c.staff_id')
    .select(['c.channel', 'c.granted', 'c.at', 's.display_name'])
    .where('c.member_id', '=', memberId)
    // Time order, not id order: after a merge the two records' histories interleave.
    .orderBy('c.at')
    .orderBy('c.id')
    .execute();
  const out = Object.fromEntries(consentChannels.map((c) => [c, null])) as Record<ConsentChannel, ConsentState | null>;
  for (const r of rows) out[r.channel] = { granted: r.granted === 1, at: r.at, by: r.display_name };
  return out;
}

/** Months before a member's details should be confirmed again, counted from `verified_at`. */
export function reconfirmCutoff(ctx: Ctx): string {
  const d = new Date(ctx.now);
  d.setUTCMonth(d.getUTCMonth() - ctx.backend.settings!.reconfirmMonths);
  return d.toISOString();
}

export async function toMember(ctx: Ctx, r: MemberRow): Promise<Member> {
  const [summary] = await toSummaries(ctx, [r]);
  const [by, referrer, cards, consents, opening] = await Promise.all([
    ctx.db.selectFrom('staff').select('display_name').where('id', '=', r.created_by).executeTakeFirst(),
    r.referrer_id === null
      ? undefined
      : ctx.db
          .selectFrom('members')
          .select(['id', 'member_no', 'name'])
          .where('id', '=', r.referrer_id)
          .executeTakeFirst(),
    ctx.db.selectFrom('member_cards').selectAll().where('member_id', '=', r.id).orderBy('id', 'desc').execute(),
    consentsOf(ctx, r.id),
    ctx.db
      .selectFrom('member_opening_balances')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.coalesce(eb.fn.sum<number>('points'), eb.val(0)).as('points'),
        eb.fn.coalesce(eb.fn.sum<number>('spend_fen'), eb.val(0)).as('spend'),
        eb.fn.max('legacy_tier').as('tier'),
      ])
      .where('member_id', '=', r.id)
      .executeTakeFirstOrThrow(),
  ]);
  const today = shopToday(ctx);
  return {
    ...summary!,
    // The member page is opened for the person at the counter: the clerk needs the whole number to
    // confirm it with them. Lists and search results stay masked for clerks.
    phone: wholePhone(r.phone),
    opening: Number(opening.n)
      ? { points: Number(opening.points), spendFen: Number(opening.spend), tier: opening.tier ?? '' }
      : null,
    phoneKind: r.phone_kind,
    phone2: r.phone2 ? phoneForDisplay(r.phone2) : null,
    email: r.email,
    wechat: r.wechat,
    address: r.address,
    occupation: r.occupation,
    notes: r.notes,
    birthday: r.birthday,
    age: r.birthday ? ageOn(r.birthday, today) : null,
    lunarBirthday: r.lunar_birthday,
    nextLunarBirthday: r.lunar_birthday ? nextLunarBirthday(r.lunar_birthday, today) : null,
    source: r.source,
    referrer: referrer ? { id: referrer.id, memberNo: referrer.member_no, name: referrer.name } : null,
    consents,
    cards: cards.map((c) => ({
      id: c.id,
      cardNo: c.card_no,
      status: c.status,
      boundAt: c.bound_at,
      endedAt: c.ended_at,
      replaces: c.replaces,
    })),
    verifiedAt: r.verified_at,
    needsReconfirm: r.erased_at === null && (r.verified_at === null || r.verified_at < reconfirmCutoff(ctx)),
    archivedAt: r.archived_at,
    erasedAt: r.erased_at,
    mergedInto: r.merged_into,
    createdDay: r.created_day,
    createdBy: { id: r.created_by, displayName: by?.display_name ?? '' },
    updatedAt: r.updated_at,
  };
}
