import type { ImportMappingInfo } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import type { ImportEntityName } from '../../../shared/io/entities.js';
import { requireStaff, type Ctx } from '../../context.js';

const toInfo = (r: { id: number; name: string; mapping: string }): ImportMappingInfo => ({
  id: r.id,
  name: r.name,
  mapping: JSON.parse(r.mapping) as Record<string, string>,
});

/** Saved column mappings: an old till's export has the same headers every time. */
export async function listMappings(ctx: Ctx, entity: ImportEntityName): Promise<ImportMappingInfo[]> {
  const rows = await ctx.db
    .selectFrom('import_mappings')
    .select(['id', 'name', 'mapping'])
    .where('entity', '=', entity)
    .orderBy('name')
    .execute();
  return rows.map(toInfo);
}

/** The saved mapping that names every one of these headers, if there is one. */
export async function savedMappingFor(
  ctx: Ctx,
  entity: ImportEntityName,
  headers: string[],
): Promise<ImportMappingInfo | null> {
  const all = await listMappings(ctx, entity);
  const set = new Set(headers);
  return all.find((m) => Object.keys(m.mapping).length > 0 && Object.keys(m.mapping).every((h) => set.has(h))) ?? null;
}

export async function saveMapping(
  ctx: Ctx,
  input: { entity: ImportEntityName; name: string; headers: string[]; mapping: (string | null)[] },
): Promise<ImportMappingInfo> {
  const me = requireStaff(ctx);
  const mapping: Record<string, string> = {};
  input.headers.forEach((h, i) => {
    const f = input.mapping[i];
    if (f) mapping[h] = f;
  });
  if (!Object.keys(mapping).length) throw appError('VALIDATION', 'errors.io.mappingEmpty');
  const row = await ctx.db
    .insertInto('import_mappings')
    .values({
      entity: 'members',
      name: input.name,
      mapping: JSON.stringify(mapping),
      created_at: ctx.nowIso,
      created_by: me.id,
    })
    .onConflict((oc) => oc.columns(['entity', 'name']).doUpdateSet({ mapping: JSON.stringify(mapping) }))
    .returning(['id', 'name', 'mapping'])
    .executeTakeFirstOrThrow();
  return toInfo(row);
}

export async function deleteMapping(ctx: Ctx, id: number): Promise<{ ok: true }> {
  await ctx.db.deleteFrom('import_mappings').where('id', '=', id).execute();
  return { ok: true };
}
