import type { Kysely, Selectable } from 'kysely';
import type { ComplaintCategoriesTable, DB } from '../../../db/schema.js';
import type {
  BuiltInCategory,
  ComplaintCategory,
  ComplaintSettings,
  ComplaintsConfig,
} from '../../../shared/complaints.js';
import { fieldError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';

/** A day to answer, three to resolve; urgent within the hour and the same shop day. */
export const defaultComplaintSettings: ComplaintSettings = {
  firstResponseHours: { low: 48, normal: 24, high: 4, urgent: 1 },
  resolutionDays: { low: 7, normal: 3, high: 1, urgent: 0 },
  priorityCutPct: 25,
  clerkLimitFen: 5000,
  managerLimitFen: 50000,
  reopenDays: 7,
  followupDays: 3,
};

/** Settings added by later versions get their defaults until the owner changes them. */
export async function loadComplaintSettings(db: Kysely<DB>): Promise<ComplaintSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'complaints').executeTakeFirst();
  return { ...defaultComplaintSettings, ...(row ? (JSON.parse(row.value) as Partial<ComplaintSettings>) : {}) };
}

export type CategoryRow = Selectable<ComplaintCategoriesTable>;

export function toCategory(r: Pick<CategoryRow, 'id' | 'key' | 'name' | 'active'>): ComplaintCategory {
  return { id: r.id, key: r.key as BuiltInCategory | null, name: r.name, active: r.active === 1 };
}

/** Every category, retired ones too (old complaints name them), in the shop's order. */
export async function loadCategories(db: Kysely<DB>): Promise<ComplaintCategory[]> {
  const rows = await db.selectFrom('complaint_categories').selectAll().orderBy('rank').orderBy('id').execute();
  return rows.map(toCategory);
}

export async function complaintsConfig(ctx: Ctx): Promise<ComplaintsConfig> {
  return { settings: await loadComplaintSettings(ctx.db), categories: await loadCategories(ctx.db) };
}

export async function saveComplaintSettings(ctx: Ctx, input: ComplaintSettings): Promise<ComplaintsConfig> {
  const me = requireStaff(ctx);
  const settings: ComplaintSettings = {
    firstResponseHours: { ...input.firstResponseHours },
    resolutionDays: { ...input.resolutionDays },
    priorityCutPct: input.priorityCutPct,
    clerkLimitFen: input.clerkLimitFen,
    managerLimitFen: input.managerLimitFen,
    reopenDays: input.reopenDays,
    followupDays: input.followupDays,
  };
  const value = JSON.stringify(settings);
  await ctx.db
    .insertInto('settings')
    .values({ key: 'complaints', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'complaints.settingsSaved',
    details: { ...settings },
  });
  return complaintsConfig(ctx);
}

/**
 * Saves the category list in the order given (its rank). Categories sent with an id are updated,
 * new ones added; those left off are retired, never deleted, since old complaints name them. A
 * built-in category whose name is cleared shows its translated name again.
 */
export async function saveComplaintCategories(
  ctx: Ctx,
  input: { categories: { id?: number | undefined; name: string; active: boolean }[] },
): Promise<ComplaintsConfig> {
  const me = requireStaff(ctx);
  const current = await ctx.db.selectFrom('complaint_categories').selectAll().execute();
  const byId = new Map(current.map((c) => [c.id, c]));
  const seen = new Set<number>();
  for (const [i, c] of input.categories.entries()) {
    if (c.id === undefined) continue;
    const row = byId.get(c.id);
    if (!row || seen.has(c.id)) throw fieldError(`categories.${i}.id`, 'errors.complaints.categoryNotFound');
    seen.add(c.id);
    // Only a built-in category has a translation to fall back on.
    if (row.key === null && c.name === '') throw fieldError(`categories.${i}.name`, 'errors.required');
  }
  const listed = input.categories.length;
  const left = current.filter((c) => !seen.has(c.id)).sort((a, b) => a.rank - b.rank || a.id - b.id);
  for (const [n, c] of left.entries())
    await ctx.db
      .updateTable('complaint_categories')
      .set({ active: 0, rank: listed + n })
      .where('id', '=', c.id)
      .execute();
  for (const [rank, c] of input.categories.entries()) {
    const values = { name: c.name === '' ? null : c.name, rank, active: c.active ? 1 : 0 };
    if (c.id === undefined) await ctx.db.insertInto('complaint_categories').values(values).execute();
    else await ctx.db.updateTable('complaint_categories').set(values).where('id', '=', c.id).execute();
  }
  const categories = await loadCategories(ctx.db);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'complaints.categoriesSaved',
    details: { categories },
  });
  return { settings: await loadComplaintSettings(ctx.db), categories };
}
