import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { MembersTable } from '../../../db/schema.js';
import type { registerMemberInput } from '../../../shared/contract/members.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { normalizePhone, reversedDigits, type PhoneResult } from '../../../shared/rules/phone.js';
import type { Ctx } from '../../context.js';
import { shopToday, toSummaries } from './view.js';

type ProfileInput = Omit<z.output<typeof registerMemberInput>, 'consents' | 'joinedOn'>;
export type ProfileValues = Pick<
  Insertable<MembersTable>,
  | 'phone'
  | 'phone_kind'
  | 'phone_rev'
  | 'phone2'
  | 'name'
  | 'gender'
  | 'birthday'
  | 'lunar_birthday'
  | 'occupation'
  | 'email'
  | 'wechat'
  | 'address'
  | 'notes'
  | 'source'
  | 'referrer_id'
>;

/** A second number may be of any kind; the first kind that fits wins. */
function anyPhone(raw: string): PhoneResult {
  const trimmed = raw.trim();
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) return normalizePhone(trimmed, 'intl');
  const mobile = normalizePhone(trimmed, 'mobile');
  if (mobile.ok) return mobile;
  const landline = normalizePhone(trimmed, 'landline');
  return landline.ok ? landline : { ok: false, messageKey: 'errors.phone.invalidAny' };
}

/**
 * Checks a profile the way the main process must (the form's own checks are only a convenience)
 * and returns the column values. `selfId` is the member being edited, if any.
 */
export async function profileValues(ctx: Ctx, input: ProfileInput, selfId: number | null): Promise<ProfileValues> {
  const phone = normalizePhone(input.phone, input.phoneKind);
  if (!phone.ok) throw fieldError('phone', phone.messageKey);
  const holder = await ctx.db.selectFrom('members').selectAll().where('phone', '=', phone.e164).executeTakeFirst();
  if (holder && holder.id !== selfId) {
    const [summary] = await toSummaries(ctx, [holder]);
    throw appError('CONFLICT', 'errors.member.phoneTaken', {
      fields: { phone: { messageKey: 'errors.member.phoneTaken' } },
      details: { member: summary },
    });
  }

  let phone2: string | null = null;
  if (input.phone2) {
    const p2 = anyPhone(input.phone2);
    if (!p2.ok) throw fieldError('phone2', p2.messageKey);
    if (p2.e164 === phone.e164) throw fieldError('phone2', 'errors.member.phone2SameAsPhone');
    phone2 = p2.e164;
  }

  const today = shopToday(ctx);
  if (input.birthday) {
    if (input.birthday > today) throw fieldError('birthday', 'errors.member.birthdayInFuture');
    const oldest = `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`;
    if (input.birthday < oldest) throw fieldError('birthday', 'errors.member.birthdayTooOld');
  }

  if (input.referrerId !== null) {
    const ref = await ctx.db
      .selectFrom('members')
      .select(['id', 'merged_into', 'erased_at'])
      .where('id', '=', input.referrerId)
      .executeTakeFirst();
    if (!ref || ref.id === selfId || ref.merged_into !== null || ref.erased_at !== null)
      throw fieldError('referrerId', 'errors.member.referrerInvalid');
  }

  return {
    phone: phone.e164,
    phone_kind: phone.kind,
    phone_rev: reversedDigits(phone.e164),
    phone2,
    name: input.name,
    gender: input.gender,
    birthday: input.birthday,
    lunar_birthday: input.lunarBirthday,
    occupation: input.occupation,
    email: input.email || null,
    wechat: input.wechat || null,
    address: input.address,
    notes: input.notes,
    source: input.source,
    referrer_id: input.referrerId,
  };
}
