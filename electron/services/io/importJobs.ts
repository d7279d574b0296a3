import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { ImportCounts, ImportPreview, ImportPreviewRow, ImportResult, JobStatus } from '../../../shared/domain.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { importEntities } from '../../../shared/io/entities.js';
import type { Backend } from '../../backend.js';
import { requireStaff, type Ctx } from '../../context.js';
import type { JobHandle } from '../../jobs/jobs.js';
import { writeAudit } from '../audit.js';
import { shopToday } from '../members/view.js';
import { importers } from './importers.js';
import type { Classified, RowWriter } from './rowWriter.js';
import { WriteSteps } from '../../jobs/writeSteps.js';
import { readTable, type TableRow } from './readTable.js';
import { dropStaged, stagedFor, type StagedEntry } from './staging.js';

type ImportInput = ParsedInputOf<'io.previewImport'>;

const previewRows = 20;
/**
 * Rows read ahead of one step. Rows held across a step's await outlive V8's young generation; a
 * preview's fast steps of thousands of rows each grew the old generation (and the process's peak
 * memory) by hundreds of megabytes of garbage before a full collection.
 */
const maxChunkRows = 500;
/** A write transaction aims at this long, so a counter request never waits more than about that. */
const targetTxMs = 35;
function txSummary(ms: number[]): ImportResult['transactions'] {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    count: sorted.length,
    medianMs: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
  };
}

const zeroCounts = (): ImportCounts => ({ new: 0, update: 0, dupInFile: 0, dupExisting: 0, invalid: 0 });
const previewKey = (i: ImportInput) => JSON.stringify([i.entity, i.fileId, i.mapping, i.mode]);

function checkInput(ctx: Ctx, input: ImportInput): StagedEntry {
  const me = requireStaff(ctx);
  const staged = stagedFor(ctx, input.fileId);
  if (staged.staffId !== me.id) throw appError('NOT_FOUND', 'errors.io.fileGone');
  if (input.mapping.length > staged.headers.length) throw fieldError('mapping', 'errors.io.mappingMismatch');
  if (staged.entity !== input.entity) throw appError('NOT_FOUND', 'errors.io.fileGone');
  for (const field of importEntities[input.entity].required)
    if (!input.mapping.includes(field)) throw fieldError('mapping', 'errors.io.requiredNotMapped', { field });
  const dup = input.mapping.find((f, i) => f && input.mapping.indexOf(f) !== i);
  if (dup) throw fieldError('mapping', 'errors.io.fieldTwice', { field: dup });
  if (ctx.backend.jobs.running().some((j) => j.kind !== 'export'))
    throw appError('CONFLICT', 'errors.io.importRunning');
  return staged;
}

function writerFor(backend: Backend, ctx: Ctx, input: ImportInput, staffId: number): RowWriter {
  return importers[input.entity].writer({
    raw: backend.raw,
    mode: input.mode,
    mapping: input.mapping,
    today: shopToday(ctx),
    nowIso: ctx.nowIso,
    staffId,
    memberNoPrefix: backend.settings!.memberNoPrefix,
    timeZone: backend.settings!.timeZone,
    dayStartHour: backend.settings!.dayStartHour,
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
    size = Math.max(20, Math.min(size * 2, Math.floor(targetTxMs / Math.max(perRow, 0.001)), maxChunkRows));
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
            if (rows.length < previewRows) rows.push(writer.preview(c));
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
      entity: input.entity,
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
    const setCounts = backend.raw.prepare(
      `update import_batches set rows_total = ?, imported = ?, updated = ?, skipped = ?, invalid = ? where id = ?`,
    );
    const expected = staged.previewTotal ?? null;
    const txMs: number[] = [];
    const steps = new WriteSteps(backend);
    try {
      await inChunks(
        staged,
        job,
        async (chunk) => {
          const { ms } = await steps.step(() => {
            for (const r of chunk) {
              const c: Classified = writer.classify(r.line, r.cells);
              counts[c.status]++;
              writer.write(c, batchId);
            }
            const skipped = counts.dupInFile + counts.dupExisting;
            const total = skipped + counts.new + counts.update + counts.invalid;
            setCounts.run(total, counts.new, counts.update, skipped, counts.invalid, batchId);
          });
          txMs.push(ms);
          return ms;
        },
        expected,
      );
    } catch (e) {
      await steps.end();
      if (job.stopping) throw e;
      await importers[input.entity].rollBack(backend, batchId, me.id, 'rolledBack', job);
      dropStaged(ctx, input.fileId);
      throw e;
    }
    await steps.end();
    // Closing: the batch stays 'running' and the next start rolls it back.
    if (job.stopping) return null;
    if (job.cancelled) {
      await importers[input.entity].rollBack(backend, batchId, me.id, 'cancelled', job);
      dropStaged(ctx, input.fileId);
      const result: ImportResult = {
        batchId,
        imported: 0,
        updated: 0,
        skipped: 0,
        invalid: 0,
        cancelled: true,
        transactions: txSummary(txMs),
        checkpoints: txSummary(steps.checkpointMs),
      };
      return result;
    }
    const result: ImportResult = {
      batchId,
      imported: counts.new,
      updated: counts.update,
      skipped: counts.dupInFile + counts.dupExisting,
      invalid: counts.invalid,
      cancelled: false,
      transactions: txSummary(txMs),
      checkpoints: txSummary(steps.checkpointMs),
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
        details: {
          batchId,
          file: staged.name,
          imported: result.imported,
          updated: result.updated,
          skipped: result.skipped,
          invalid: result.invalid,
        },
      });
    });
    dropStaged(ctx, input.fileId);
    return result;
  });
}
