import type { Kysely } from 'kysely';
import type { SqliteDb } from '../../../db/open.js';
import type { DB } from '../../../db/schema.js';
import type { PointsRules } from '../../../shared/points.js';

/** The shop deck's suggestion: 1 point per ¥100, rounded down, usable at once, never expiring. */
export const defaultPointsRules: PointsRules = {
  earnPoints: 1,
  perFen: 10000,
  rounding: 'down',
  categories: [],
  excludedCategories: [],
  promotions: [],
  freezeDays: 0,
  earnOnPointsAndCoupons: false,
  pointValueFen: 100,
  expiry: { kind: 'never' },
  checkIn: { points: 1, streakBonuses: [{ day: 7, points: 5 }] },
  referral: { onRegister: 0, onFirstPurchase: 10 },
  birthdayPoints: 0,
  spendBands: [
    { name: '低', fromFen: 0 },
    { name: '中', fromFen: 100000 },
    { name: '高', fromFen: 500000 },
  ],
};

/** Rules added by later versions get their defaults until the owner changes them. */
const withDefaults = (row: { value: string } | undefined): PointsRules => ({
  ...defaultPointsRules,
  ...(row ? (JSON.parse(row.value) as Partial<PointsRules>) : {}),
});

export async function loadPointsRules(db: Kysely<DB>): Promise<PointsRules> {
  return withDefaults(await db.selectFrom('settings').select('value').where('key', '=', 'points').executeTakeFirst());
}

/** The same, on the raw connection, for jobs that write with prepared statements (imports). */
export function loadPointsRulesSync(raw: SqliteDb): PointsRules {
  return withDefaults(
    raw.prepare(`select value from settings where key = 'points'`).get() as { value: string } | undefined,
  );
}

export async function savePointsRules(db: Kysely<DB>, rules: PointsRules): Promise<void> {
  const value = JSON.stringify(rules);
  await db
    .insertInto('settings')
    .values({ key: 'points', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
