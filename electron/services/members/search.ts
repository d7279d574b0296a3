import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { MemberSummary } from '../../../shared/domain.js';
import { normalizePhone, toHalfWidth } from '../../../shared/rules/phone.js';
import type { Ctx } from '../../context.js';
import type { MemberRow } from './rows.js';
import { toSummaries } from './view.js';

type Members = SelectQueryBuilder<DB, 'members', MemberRow>;

/** Searchable: not archived, not merged away, not erased. */
const live = (q: Members): Members =>
  q.where('archived_at', 'is', null).where('merged_into', 'is', null).where('erased_at', 'is', null);

/** A whole number as typed: a mobile (or a +country number), else a landline with its trunk 0. */
function wholePhone(text: string) {
  const r = normalizePhone(text, text.startsWith('+') || text.startsWith('00') ? 'intl' : 'mobile');
  return r.ok ? r : normalizePhone(text, 'landline');
}

/**
 * Counter search, best matches first: an exact phone, member number, card number, email or
 * WeChat ID; then numbers ending in the digits typed (3+), then numbers starting with them; then
 * names — a fragment of Chinese characters through the 1–2 character gram index, or pinyin and
 * its initials. Each step walks an index and stops once the page is full.
 */
export async function searchMembers(ctx: Ctx, q: string, limit: number): Promise<MemberSummary[]> {
  const text = toHalfWidth(q).trim();
  if (!text) return [];
  const found: MemberRow[] = [];
  const seen = new Set<number>();
  const take = (rows: MemberRow[]) => {
    for (const r of rows) {
      if (found.length >= limit) break;
      if (!seen.has(r.id)) {
        seen.add(r.id);
        found.push(r);
      }
    }
  };
  const room = () => limit - found.length;
  const base = () => live(ctx.db.selectFrom('members').selectAll());

  const digits = text.replace(/[\s\-()+]/g, '');
  const isDigits = /^\d+$/.test(digits);
  const upper = text.toUpperCase();

  // 1. Exact identifiers.
  if (isDigits && digits.length >= 7) {
    const p = wholePhone(text);
    if (p.ok)
      take(
        await base()
          .where((eb) => eb.or([eb('phone', '=', p.e164), eb('phone2', '=', p.e164)]))
          .limit(room())
          .execute(),
      );
  }
  const byNo = await ctx.db.selectFrom('members').selectAll().where('member_no', '=', upper).executeTakeFirst();
  // A merged member's old number still finds the member it became.
  const target = byNo?.merged_into ?? byNo?.id;
  const card = await ctx.db
    .selectFrom('member_cards')
    .select('member_id')
    .where('card_no', '=', upper)
    .where('status', '=', 'active')
    .executeTakeFirst();
  const exactIds = [target, card?.member_id].filter((v): v is number => v !== undefined);
  if (exactIds.length) take(await base().where('id', 'in', exactIds).execute());
  if (text.includes('@'))
    take(
      await base()
        // The index is partial (emails that exist): SQLite uses it only when the query says so.
        .where('email', 'is not', null)
        .where(sql`lower(email)`, '=', text.toLowerCase())
        .limit(room())
        .execute(),
    );
  // WeChat IDs: letters first, or an older account's QQ number or phone (all digits).
  else if (/^[a-zA-Z][-_a-zA-Z0-9]{5,19}$|^\d{5,15}$/.test(text))
    take(
      await base()
        .where('wechat', 'is not', null)
        .where(sql`lower(wechat)`, '=', text.toLowerCase())
        .limit(room())
        .execute(),
    );

  // 2. Phone fragments: tail first, then start of the national number.
  if (isDigits && digits.length >= 3 && room() > 0) {
    const rev = digits.split('').reverse().join('');
    take(
      await base()
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('members')
            .select('id')
            // ':' sorts right after '9', so [rev, rev + ':') is every string starting with rev.
            .where('phone_rev', '>=', rev)
            .where('phone_rev', '<', `${rev}:`)
            .orderBy('id', 'desc')
            .limit(limit * 2),
        )
        .orderBy('id', 'desc')
        .limit(limit * 2)
        .execute(),
    );
    if (room() > 0) {
      // The start of the number as written: 010… is a landline (+8610…), 00852… or 86… a country code.
      const prefix = digits.startsWith('00')
        ? `+${digits.slice(2)}`
        : digits.startsWith('0')
          ? `+86${digits.slice(1)}`
          : digits.startsWith('86') && digits.length > 2
            ? `+${digits}`
            : `+86${digits}`;
      take(
        await base()
          .where('phone', '>=', prefix)
          .where('phone', '<', `${prefix}:`)
          .limit(limit * 2)
          .execute(),
      );
    }
    return toSummaries(ctx, found);
  }

  // 3. Names: pinyin first for letters, then the fragment itself through the gram index.
  const fragment = text.toLowerCase().replace(/[\s\u3000]+/g, '');
  if (room() > 0 && /^[a-z]+$/.test(fragment)) {
    // Initials typed exactly (zs → 张三), then whole pinyin, then pinyin that starts with it.
    take(await base().where('name_initials', '=', fragment).orderBy('id', 'desc').limit(room()).execute());
    if (room() > 0)
      take(await base().where('name_pinyin', '=', fragment).orderBy('id', 'desc').limit(room()).execute());
    if (room() > 0)
      // '{' sorts right after 'z'.
      take(
        await base()
          .where('name_pinyin', '>=', fragment)
          .where('name_pinyin', '<', `${fragment}{`)
          .limit(limit * 2)
          .execute(),
      );
  }
  if (room() > 0 && fragment) {
    const chars = Array.from(fragment);
    let query = ctx.db
      .selectFrom('member_name_grams as g')
      .innerJoin('members as m', 'm.id', 'g.member_id')
      .selectAll('m')
      .where('g.gram', '=', chars.slice(0, 2).join(''))
      .where('m.archived_at', 'is', null)
      .where('m.merged_into', 'is', null)
      .where('m.erased_at', 'is', null);
    if (chars.length > 2)
      query = query.where(sql<boolean>`instr(replace(replace(lower(m.name), ' ', ''), '\u3000', ''), ${fragment}) > 0`);
    take(
      await query
        .orderBy('g.member_id', 'desc')
        .limit(limit * 2)
        .execute(),
    );
  }
  return toSummaries(ctx, found);
}
