import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { nameGrams } from '../../../shared/rules/nameGrams.js';
import { namePinyin } from '../../../shared/rules/pinyin.js';

/**
 * Keeps a member's name searchable: 1–2 character grams and pinyin. Every path that writes a name
 * (register, edit, merge, import, erase) calls this in the same transaction.
 */
export async function indexMemberName(db: Kysely<DB>, memberId: number, name: string): Promise<void> {
  await db.deleteFrom('member_name_grams').where('member_id', '=', memberId).execute();
  const grams = nameGrams(name);
  if (grams.length)
    await db
      .insertInto('member_name_grams')
      .values(grams.map((gram) => ({ gram, member_id: memberId })))
      .execute();
  const py = namePinyin(name);
  await db
    .updateTable('members')
    .set({ name_pinyin: py.full, name_initials: py.initials })
    .where('id', '=', memberId)
    .execute();
}
