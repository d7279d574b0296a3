import type { z } from 'zod';
import type { updateMemberInput } from '../../../shared/contract/members.js';
import type { ConsentChannel, Member } from '../../../shared/domain.js';
import { fieldError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { addEvent } from '../timeline.js';
import { detectDuplicates } from './duplicates.js';
import { profileValues, type ProfileValues } from './profileValues.js';
import { mustGetMember, mustGetWritable } from './rows.js';
import { indexMemberName } from './searchIndex.js';
import { shopToday, toMember } from './view.js';

export async function updateMember(ctx: Ctx, input: z.output<typeof updateMemberInput>): Promise<Member> {
  const me = requireStaff(ctx);
  const row = await mustGetWritable(ctx, input.id);
  const values = await profileValues(ctx, input, row.id);
  if (input.joinedOn > shopToday(ctx)) throw fieldError('joinedOn', 'errors.member.dateInFuture');
  const next = { ...values, joined_on: input.joinedOn };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => k !== 'phone_rev' && (next[k] ?? null) !== (row[k as keyof ProfileValues | 'joined_on'] ?? null),
  );
  if (changed.length === 0) return toMember(ctx, row);
  const updated = await ctx.db
    .updateTable('members')
    .set({ ...next, updated_at: ctx.nowIso, updated_by: me.id })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (values.name !== row.name) await indexMemberName(ctx.db, row.id, values.name);
  // The timeline says which fields changed, not their values: it is read by every clerk.
  await addEvent(ctx, row.id, 'profileEdited', { fields: changed });
  await detectDuplicates(ctx, row.id);
  return toMember(ctx, updated);
}

export async function confirmDetails(ctx: Ctx, id: number): Promise<Member> {
  requireStaff(ctx);
  await mustGetWritable(ctx, id);
  const updated = await ctx.db
    .updateTable('members')
    .set({ verified_at: ctx.nowIso })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(ctx, id, 'detailsConfirmed');
  return toMember(ctx, updated);
}

/** Giving or withdrawing consent is one click, recorded with time and staff; history is kept. */
export async function setConsent(
  ctx: Ctx,
  input: { id: number; channel: ConsentChannel; granted: boolean },
): Promise<Member> {
  const me = requireStaff(ctx);
  await mustGetWritable(ctx, input.id);
  await ctx.db
    .insertInto('member_consents')
    .values({
      member_id: input.id,
      channel: input.channel,
      granted: input.granted ? 1 : 0,
      at: ctx.nowIso,
      staff_id: me.id,
    })
    .execute();
  await addEvent(ctx, input.id, 'consentChanged', { channel: input.channel, granted: input.granted });
  return toMember(ctx, await mustGetMember(ctx, input.id));
}
