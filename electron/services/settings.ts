import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ShopSettings } from '../../shared/domain.js';

export const defaultSettings: ShopSettings = {
  shopName: '',
  timeZone: 'Asia/Shanghai',
  dayStartHour: 0,
  memberNoPrefix: 'M',
  idleLockMinutes: 10,
  reconfirmMonths: 12,
  backupFolder: '',
  backupKeep: 10,
};

export async function loadSettings(db: Kysely<DB>): Promise<ShopSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'shop').executeTakeFirst();
  // Settings added by later versions get their defaults until the owner changes them.
  return { ...defaultSettings, ...(row ? (JSON.parse(row.value) as Partial<ShopSettings>) : {}) };
}

export async function saveSettings(db: Kysely<DB>, settings: ShopSettings): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'shop', value: JSON.stringify(settings) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(settings) }))
    .execute();
}
