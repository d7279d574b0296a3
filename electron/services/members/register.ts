import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema.js';
import type { registerMemberInput } from '../../../shared/contract/members.js';
import { consentChannels, type Member } from '../../../shared/domain.js';
import { fieldError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { awardReferral } from '../points/referral.js';
import { loadPointsRules } from '../points/rules.js';
import { addEvent } from '../timeline.js';
import { detectDuplicates } from './duplicates.js';
import { profileValues } from './profileValues.js';
import { indexMemberName } from './searchIndex.js';
import { shopToday, toMember } from './view.js';

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
  const values = await profileValues(ctx, input, null);
  const today = shopToday(ctx);
  if (input.joinedOn && input.joinedOn > today) throw fieldError('joinedOn', 'errors.member.dateInFuture');

  const row = await ctx.db
    .insertInto('members')
    .values({
      ...values,
      member_no: await nextMemberNo(ctx.db, ctx.backend.settings!.memberNoPrefix),
      joined_on: input.joinedOn ?? today,
      verified_at: ctx.nowIso,
      created_at: ctx.nowIso,
      created_day: today,
      created_by: me.id,
      updated_at: ctx.nowIso,
      updated_by: me.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await indexMemberName(ctx.db, row.id, row.name);
  // Every channel gets an answer at registration: the ones not ticked are recorded as refused.
  await ctx.db
    .insertInto('member_consents')
    .values(
      consentChannels.map((channel) => ({
        member_id: row.id,
        channel,
        granted: input.consents.includes(channel) ? 1 : 0,
        at: ctx.nowIso,
        staff_id: me.id,
      })),
    )
    .execute();
  await addEvent(ctx, row.id, 'registered', { source: row.source });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'members.registered',
    details: { memberId: row.id },
  });
  await awardReferral(ctx, await loadPointsRules(ctx.db), row, 'register');
  await detectDuplicates(ctx, row.id);
  return toMember(ctx, row);
}
