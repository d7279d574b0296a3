import type { Ctx } from '../../context.js';
import type { ImportBatchInfo, Page } from '../../../shared/domain.js';

export async function listBatches(ctx: Ctx, page: number, pageSize: number): Promise<Page<ImportBatchInfo>> {
  const { total } = await ctx.db
    .selectFrom('import_batches')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('import_batches as b')
    .leftJoin('staff as s', 's.id', 'b.staff_id')
    .selectAll('b')
    .select(['s.display_name as staffName'])
    .select((eb) =>
      eb
        .selectFrom('import_rejects as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.batch_id', '=', 'b.id')
        .as('rejects'),
    )
    .orderBy('b.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      encoding: r.encoding,
      mode: r.mode,
      status: r.status,
      rowsTotal: r.rows_total,
      imported: r.imported,
      updated: r.updated,
      skipped: r.skipped,
      invalid: r.invalid,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      staffName: r.staffName ?? '',
      rejects: Number(r.rejects ?? 0),
    })),
  };
}
