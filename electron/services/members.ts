import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { DB, MembersTable } from '../../db/schema.js';
import type { registerMemberInput } from '../../shared/contract/members.js';
import type { Member, MemberSummary, Page } from '../../shared/domain.js';
import { appError, fieldError } from '../../shared/errors.js';
import { can } from '../../shared/permissions.js';
import { businessDay } from '../../shared/rules/businessDay.js';
import { nameGrams } from '../../shared/rules/nameGrams.js';
import { maskPhone, normalizePhone, phoneForDisplay, reversedDigits, toHalfWidth } from '../../shared/rules/phone.js';
import { requireStaff, type Ctx } from '../context.js';
import { writeAudit } from './audit.js';

type MemberRow = Selectable<MembersTable>;

function shownPhone(ctx: Ctx, e164: string): string {
  return ctx.staff && can(ctx.staff.role, 'members.viewFullPhone') ? phoneForDisplay(e164) : maskPhone(e164);
}

function toSummary(ctx: Ctx, r: MemberRow): MemberSummary {
  return {
    id: r.id,
    memberNo: r.member_no,
    name: r.name,
    phone: shownPhone(ctx, r.phone),
    gender: r.gender,
    createdAt: r.created_at,
  };
}

async function toMember(ctx: Ctx, r: MemberRow): Promise<Member> {
  const by = await ctx.db.selectFrom('staff').select('display_name').where('id', '=', r.created_by).executeTakeFirst();
  return {
    ...toSummary(ctx, r),
    // The member page is opened for one person standing at the counter: the clerk needs the
    // whole number to confirm it with them. Lists and search results stay masked for clerks.
    phone: phoneForDisplay(r.phone),
    phoneKind: r.phone_kind,
    birthday: r.birthday,
    source: r.source,
    marketingConsent: r.marketing_consent === 1,
    consentAt: r.consent_at,
    createdDay: r.created_day,
    createdBy: { id: r.created_by, displayName: by?.display_name ?? '' },
  };
}

async function nextMemberNo(db: Kysely<DB>, prefix: string): Promise<string> {
  const row = await db
    .insertInto('counters')
    .values({ name: 'member_no', value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return `${prefix}${String(row.value).padStart(6, '0')}`;
}

export async function registerMember(ctx: Ctx, input: z.output<typeof registerMemberInput>): Promise<Member> {
  const me = requireStaff(ctx);
  const settings = ctx.backend.settings!;
  const phone = normalizePhone(input.phone, input.phoneKind);
  if (!phone.ok) throw fieldError('phone', phone.messageKey);
  const today = businessDay(ctx.nowIso, settings.timeZone, settings.dayStartHour);
  if (input.birthday && input.birthday > today) throw fieldError('birthday', 'errors.member.birthdayInFuture');

  const existing = await ctx.db.selectFrom('members').selectAll().where('phone', '=', phone.e164).executeTakeFirst();
  if (existing) {
    throw appError('CONFLICT', 'errors.member.phoneTaken', {
      fields: { phone: { messageKey: 'errors.member.phoneTaken' } },
      details: { member: toSummary(ctx, existing) },
    });
  }

  const row = await ctx.db
    .insertInto('members')
    .values({
      member_no: await nextMemberNo(ctx.db, settings.memberNoPrefix),
      phone: phone.e164,
      phone_kind: phone.kind,
      phone_rev: reversedDigits(phone.e164),
      name: input.name,
      gender: input.gender,
      birthday: input.birthday,
      source: input.source,
      marketing_consent: input.marketingConsent ? 1 : 0,
      consent_at: ctx.nowIso,
      consent_by: me.id,
      created_at: ctx.nowIso,
      created_day: today,
      created_by: me.id,
      updated_at: ctx.nowIso,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const grams = nameGrams(row.name);
  if (grams.length)
    await ctx.db
      .insertInto('member_name_grams')
      .values(grams.map((gram) => ({ gram, member_id: row.id })))
      .execute();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'members.registered',
    details: { memberId: row.id },
  });
  return toMember(ctx, row);
}

export async function getMember(ctx: Ctx, id: number): Promise<Member> {
  const row = await ctx.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.member.notFound');
  return toMember(ctx, row);
}

export async function listMembers(ctx: Ctx, page: number, pageSize: number): Promise<Page<MemberSummary>> {
  const rows = await ctx.db
    .selectFrom('members')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  // max(id) instead of count(*): a count walks a million rows; ids are never reused or deleted.
  const { total } = await ctx.db
    .selectFrom('members')
    .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('total'))
    .executeTakeFirstOrThrow();
  return { total: Number(total), rows: rows.map((r) => toSummary(ctx, r)) };
}

/** A whole number as typed: a mobile (or a +country number), else a landline with its trunk 0. */
function wholePhone(text: string) {
  const r = normalizePhone(text, text.startsWith('+') ? 'intl' : 'mobile');
  return r.ok ? r : normalizePhone(text, 'landline');
}

/**
 * Counter search. Digits: a whole phone number is an exact lookup, 4–10 digits match the end of
 * the number (an index range on the reversed digits). Anything else is a name fragment: one or two
 * characters are looked up in the name-gram index, longer ones narrow by their first two
 * characters and then check the whole fragment. A member number matches exactly.
 */
export async function searchMembers(ctx: Ctx, q: string, limit: number): Promise<MemberSummary[]> {
  const text = toHalfWidth(q).trim();
  if (!text) return [];
  const digits = text.replace(/[\s\-+]/g, '');

  if (/^\d+$/.test(digits) && digits.length >= 4) {
    let query = ctx.db.selectFrom('members').selectAll();
    const full = digits.length >= 11 ? wholePhone(text) : null;
    if (full?.ok) query = query.where('phone', '=', full.e164);
    else {
      const rev = digits.split('').reverse().join('');
      // ':' sorts right after '9', so [rev, rev + ':') is every string starting with rev. The
      // newest ids are picked from the index alone; only those rows are read.
      query = query.where('id', 'in', (eb) =>
        eb
          .selectFrom('members')
          .select('id')
          .where('phone_rev', '>=', rev)
          .where('phone_rev', '<', `${rev}:`)
          .orderBy('id', 'desc')
          .limit(limit),
      );
    }
    const rows = await query.orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => toSummary(ctx, r));
  }

  const byNo = await ctx.db
    .selectFrom('members')
    .selectAll()
    .where('member_no', '=', text.toUpperCase())
    .executeTakeFirst();
  if (byNo) return [toSummary(ctx, byNo)];
  const fragment = text.toLowerCase().replace(/\s+/g, '');
  const chars = Array.from(fragment);
  // Walks the (gram, member_id) primary key backwards: newest members first, stops at `limit`.
  let query = ctx.db
    .selectFrom('member_name_grams as g')
    .innerJoin('members as m', 'm.id', 'g.member_id')
    .selectAll('m')
    .where('g.gram', '=', chars.slice(0, 2).join(''));
  // Spaces are dropped on both sides, as nameGrams drops them: "anna li" finds "Anna Li".
  if (chars.length > 2)
    query = query.where(sql<boolean>`instr(replace(replace(lower(m.name), ' ', ''), '\u3000', ''), ${fragment}) > 0`);
  const rows = await query.orderBy('g.member_id', 'desc').limit(limit).execute();
  return rows.map((r) => toSummary(ctx, r));
}
