import { Solar } from 'lunar-typescript';
import type { Backend } from '../../backend.js';
import { standaloneCtx } from '../../context.js';
import { addDays } from '../../../shared/rules/earning.js';
import { addEvent } from '../timeline.js';
import { credit } from './ledger.js';
import { loadPointsRules } from './rules.js';
import { loadTierBook } from '../tiers/state.js';

/** A PC switched off over a birthday still pays it at the next start within this many days. */
const lateDays = 6;

/** The solar and lunar "MM-DD" keys a birthday on `day` is stored under. */
function keysFor(day: string): { solar: string[]; lunar: string[] } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const solar = [day.slice(5)];
  // A 29 February birthday is kept on the 28th in other years.
  if (m === 2 && d === 28 && new Date(Date.UTC(y, 1, 29)).getUTCMonth() !== 1) solar.push('02-29');
  const lunar = Solar.fromYmd(y, m, d).getLunar();
  const lm = lunar.getMonth();
  const key = (n: number) => `${String(Math.abs(lm)).padStart(2, '0')}-${String(n).padStart(2, '0')}`;
  // Birthdays in a leap month are kept in the regular month (as nextLunarBirthday does): a leap day pays nobody.
  if (lm < 0) return { solar, lunar: [] };
  const lunarKeys = [key(lunar.getDay())];
  // A 30th in a 29-day month falls on the 29th.
  if (lunar.getDay() === 29 && lunar.next(1).getDay() === 1) lunarKeys.push(key(30));
  return { solar, lunar: lunarKeys };
}

/**
 * The birthday bonus, once per member and year (requests and jobs share one connection, so the check holds), on the solar or
 * the lunar birthday, whichever comes first. Archived, erased and merged records get nothing.
 */
export async function grantBirthdayBonuses(backend: Backend, today: string): Promise<number> {
  const rules = await loadPointsRules(backend.db);
  const { tiers } = await loadTierBook(backend.db);
  // A tier's own birthday bonus replaces the rules' one for its members.
  const bonusOf = (tierId: number | null) =>
    (tiers.find((t) => t.id === tierId) ?? tiers[0])?.birthdayPoints ?? rules.birthdayPoints;
  if (rules.birthdayPoints <= 0 && tiers.every((t) => !t.birthdayPoints)) return 0;
  let granted = 0;
  for (let back = lateDays; back >= 0; back--) {
    const day = addDays(today, -back);
    const year = Number(day.slice(0, 4));
    const { solar, lunar } = keysFor(day);
    const ids = await backend.db
      .selectFrom('members')
      .leftJoin('member_tiers', 'member_tiers.member_id', 'members.id')
      .select(['id', 'member_tiers.tier_id'])
      .where('archived_at', 'is', null)
      .where('erased_at', 'is', null)
      .where('merged_into', 'is', null)
      .where((eb) =>
        eb.or([
          eb(eb.fn('substr', ['birthday', eb.val(6)]), 'in', solar),
          ...(lunar.length ? [eb('lunar_birthday', 'in', lunar)] : []),
        ]),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('points_ledger as l')
              .select('l.id')
              .whereRef('l.member_id', '=', 'members.id')
              .where('l.kind', '=', 'birthday')
              .where('l.ref_id', '=', year),
          ),
        ),
      )
      .execute();
    for (let i = 0; i < ids.length; i += 500)
      await backend.db.transaction().execute(async (trx) => {
        const ctx = { ...standaloneCtx(backend, null), db: trx };
        for (const { id, tier_id: tierId } of ids.slice(i, i + 500)) {
          const points = bonusOf(tierId);
          if (points <= 0) continue;
          await credit(ctx, rules, { memberId: id, kind: 'birthday', refType: 'year', refId: year }, points, {
            freeze: false,
          });
          await addEvent(ctx, id, 'birthdayBonus', { points, year });
          granted += 1;
        }
      });
  }
  return granted;
}
