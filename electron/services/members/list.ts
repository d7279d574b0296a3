import { sql } from 'kysely';
import type { z } from 'zod';
import type { memberFilterInput, memberListInput } from '../../../shared/contract/members.js';
import type { MemberSummary, Page } from '../../../shared/domain.js';
import type { Ctx } from '../../context.js';
import { reconfirmCutoff, toSummaries } from './view.js';

type ListInput = z.output<typeof memberListInput>;
export type MemberFilter = z.output<typeof memberFilterInput>;

const sortColumn = { joined: 'joined_on', name: 'name_pinyin', updated: 'updated_at' } as const;

/** Live members matching the shop's list filters (the list, and bulk tagging of "all that match"). */
export function filteredMembers(ctx: Ctx, f: MemberFilter) {
  let q = ctx.db
    .selectFrom('members as m')
    .where('m.merged_into', 'is', null)
    .where('m.erased_at', 'is', null)
    .where('m.archived_at', f.archived ? 'is not' : 'is', null);
  if (f.tagId !== null) {
    const tagId = f.tagId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('member_tags as t')
          .select('t.tag_id')
          .whereRef('t.member_id', '=', 'm.id')
          .where('t.tag_id', '=', tagId),
      ),
    );
  }
  if (f.source) q = q.where('m.source', '=', f.source);
  if (f.gender) q = q.where('m.gender', '=', f.gender);
  if (f.birthdayMonth !== null)
    q = q.where(sql`substr(m.birthday, 6, 2)`, '=', String(f.birthdayMonth).padStart(2, '0'));
  if (f.joinedFrom) q = q.where('m.joined_on', '>=', f.joinedFrom);
  if (f.joinedTo) q = q.where('m.joined_on', '<=', f.joinedTo);
  if (f.notConfirmed) {
    const cutoff = reconfirmCutoff(ctx);
    q = q.where((eb) => eb.or([eb('m.verified_at', 'is', null), eb('m.verified_at', '<', cutoff)]));
  }
  if (f.consent) {
    // The latest answer for the channel is the one that counts.
    const channel = f.consent;
    q = q.where(
      sql<boolean>`(select c.granted from member_consents c where c.member_id = m.id and c.channel = ${channel}
        order by c.at desc, c.id desc limit 1) = 1`,
    );
  }
  return q;
}

/** The member list with the shop's filters, a page at a time, with the total count. */
export async function listMembers(ctx: Ctx, f: ListInput): Promise<Page<MemberSummary>> {
  const q = filteredMembers(ctx, f);

  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const column = sortColumn[f.sort];
  const rows = await q
    .selectAll('m')
    // Members without a name sort last whichever way the names go.
    .$if(f.sort === 'name', (qb) => qb.orderBy(sql`m.name_pinyin = ''`))
    .orderBy(`m.${column}`, f.direction)
    .orderBy('m.id', f.direction)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total, rows: await toSummaries(ctx, rows) };
}
