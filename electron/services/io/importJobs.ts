import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { ImportCounts, ImportPreview, ImportPreviewRow, ImportResult, JobStatus } from '../../../shared/domain.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { columnsOf } from '../../../shared/io/memberRow.js';
import type { Backend } from '../../backend.js';
import { requireStaff, type Ctx } from '../../context.js';
import type { JobHandle } from '../../jobs/jobs.js';
import { writeAudit } from '../audit.js';
import { shopToday } from '../members/view.js';
import { MemberWriter, previewRow, type Classified } from './memberWriter.js';
import { readTable, type TableRow } from './readTable.js';
import { dropStaged, stagedFor, type StagedEntry } from './staging.js';
import { rollBackBatch } from './undo.js';

type ImportInput = ParsedInputOf<'io.previewImport'>;

const previewRows = 20;
/** A write transaction aims at this long, so a counter request never waits more than about that. */
const targetTxMs = 30;

const zeroCounts = (): ImportCounts => ({ new: 0, update: 0, dupInFile: 0, dupExisting: 0, invalid: 0 });
const previewKey = (i: ImportInput) => JSON.stringify([i.fileId, i.mapping, i.mode]);

function checkInput(ctx: Ctx, input: ImportInput): StagedEntry {
  const me = requireStaff(ctx);
  const staged = stagedFor(ctx, input.fileId);
  if (staged.staffId !== me.id) throw appError('NOT_FOUND', 'errors.io.fileGone');
  if (input.mapping.length > staged.headers.length) throw fieldError('mapping', 'errors.io.mappingMismatch');
  if (!input.mapping.includes('phone')) throw fieldError('mapping', 'errors.io.phoneNotMapped');
  const dup = input.mapping.find((f, i) => f && input.mapping.indexOf(f) !== i);
  if (dup) throw fieldError('mapping', 'errors.io.fieldTwice', { field: dup });
  if (ctx.backend.jobs.running().some((j) => j.kind !== 'export'))
    throw appError('CONFLICT', 'errors.io.importRunning');
  return staged;
}

function writerFor(backend: Backend, ctx: Ctx, input: ImportInput, staffId: number): MemberWriter {
  return new MemberWriter({
    raw: backend.raw,
    mode: input.mode,
    columns: columnsOf(input.mapping),
    today: shopToday(ctx),
    nowIso: ctx.nowIso,
    staffId,
    memberNoPrefix: backend.settings!.memberNoPrefix,
  });
}

/**
 * Rows after the header, in chunks sized so that handling one chunk takes about `targetTxMs`:
 * `handle` is given each chunk and returns how long it took.
 */
async function inChunks(
  staged: StagedEntry,
  job: JobHandle,
  handle: (rows: TableRow[]) => Promise<number>,
  progressTotal: number | null,
): Promise<number> {
  let chunk: TableRow[] = [];
  let size = 200;
  let done = 0;
  let header = true;
  const flush = async () => {
    const ms = await handle(chunk);
    done += chunk.length;
    // Aim the next chunk at the target time, from this one's cost per row; never a jump of more than 2×.
    const perRow = ms / Math.max(1, chunk.length);
    size = Math.max(20, Math.min(size * 2, Math.floor(targetTxMs / Math.max(perRow, 0.001)), 5000));
    chunk = [];
    job.progress(done, progressTotal ?? null);
    await job.pause();
  };
  for await (const row of readTable(staged)) {
    if (header) {
      header = false;
      continue;
    }
    chunk.push(row);
    if (chunk.length >= size) {
      await flush();
      if (job.cancelled) return done;
    }
  }
  if (chunk.length) await flush();
  return done;
}

/** Reads the whole file as the import will and counts what would happen. Writes nothing. */
export async function previewImport(ctx: Ctx, input: ImportInput): Promise<JobStatus> {
  const me = requireStaff(ctx);
  const staged = checkInput(ctx, input);
  const backend = ctx.backend;
  staged.previewed = null;
  staged.previewTotal = null;
  return backend.jobs.start('importPreview', me.id, async (job) => {
    const writer = writerFor(backend, ctx, input, me.id);
    const counts = zeroCounts();
    const rows: ImportPreviewRow[] = [];
    const total = await inChunks(
      staged,
      job,
      async (chunk) =>
        backend.db.connection().execute(async () => {
          const t0 = performance.now();
          for (const r of chunk) {
            const c = writer.classify(r.line, r.cells);
            counts[c.status]++;
            if (rows.length < previewRows) rows.push(previewRow(c));
          }
          return performance.now() - t0;
        }),
      null,
    );
    if (job.cancelled) return null;
    staged.previewed = previewKey(input);
    staged.previewTotal = total;
    const preview: ImportPreview = { fileId: input.fileId, mode: input.mode, total, counts, rows };
    return preview;
  });
}

/**
 * Imports exactly what was previewed, as one batch written in short transactions. A cancel or a
 * failure rolls the batch back; a crash leaves it 'running', and the next start rolls it back.
 */
export async function startImport(ctx: Ctx, input: ImportInput): Promise<JobStatus> {
  const me = requireStaff(ctx);
  const staged = checkInput(ctx, input);
  if (staged.previewed !== previewKey(input)) throw appError('CONFLICT', 'errors.io.previewFirst');
  const backend = ctx.backend;
  const batch = await ctx.db
    .insertInto('import_batches')
    .values({
      entity: 'members',
      file_name: staged.name,
      file_sha256: staged.sha256,
      encoding: staged.encoding ?? 'xlsx',
      mode: input.mode,
      mapping: JSON.stringify(Object.fromEntries(staged.headers.map((h, i) => [h, input.mapping[i] ?? null]))),
      status: 'running',
      started_at: ctx.nowIso,
      staff_id: me.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const batchId = batch.id;
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'io.importStarted',
    details: { batchId, file: staged.name, mode: input.mode },
  });
  return backend.jobs.start('import', me.id, async (job) => {
    const writer = writerFor(backend, ctx, input, me.id);
    const counts = zeroCounts();
    const raw = backend.raw;
    const setCounts = raw.prepare(
      `update import_batches set rows_total = ?, imported = ?, updated = ?, skipped = ?, invalid = ? where id = ?`,
    );
    const expected = staged.previewTotal ?? null;
    try {
      await inChunks(
        staged,
        job,
        (chunk) =>
          backend.db.connection().execute(async () => {
            const t0 = performance.now();
            // Import chunks need not survive a power cut one by one: an unfinished batch is rolled
            // back at the next start anyway. The final status below is written with FULL again.
            raw.pragma('synchronous=NORMAL');
            try {
              raw.transaction(() => {
                for (const r of chunk) {
                  const c: Classified = writer.classify(r.line, r.cells);
                  counts[c.status]++;
                  writer.write(c, batchId);
                }
                const skipped = counts.dupInFile + counts.dupExisting;
                const total = skipped + counts.new + counts.update + counts.invalid;
                setCounts.run(total, counts.new, counts.update, skipped, counts.invalid, batchId);
              })();
            } finally {
              raw.pragma('synchronous=FULL');
            }
            return performance.now() - t0;
          }),
        expected,
      );
    } catch (e) {
      await rollBackBatch(backend, batchId, me.id, 'rolledBack', job);
      dropStaged(ctx, input.fileId);
      throw e;
    }
    if (job.cancelled) {
      await rollBackBatch(backend, batchId, me.id, 'cancelled', job);
      dropStaged(ctx, input.fileId);
      const result: ImportResult = { batchId, imported: 0, updated: 0, skipped: 0, invalid: 0, cancelled: true };
      return result;
    }
    const result: ImportResult = {
      batchId,
      imported: counts.new,
      updated: counts.update,
      skipped: counts.dupInFile + counts.dupExisting,
      invalid: counts.invalid,
      cancelled: false,
    };
    const finishedAt = backend.clock.now().toISOString();
    await backend.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('import_batches')
        .set({ status: 'done', finished_at: finishedAt })
        .where('id', '=', batchId)
        .execute();
      await writeAudit(trx, {
        at: finishedAt,
        staffId: me.id,
        action: 'io.imported',
        details: { file: staged.name, ...result },
      });
    });
    dropStaged(ctx, input.fileId);
    return result;
  });
}
