import { z } from 'zod';
import { channel, type FileDownload } from './channel.js';
import {
  importModes,
  type ImportBatchInfo,
  type ImportMappingInfo,
  type JobStatus,
  type Page,
  type StagedFile,
} from '../domain.js';
import { importEntities, importEntityNames } from '../io/entities.js';
import { id, pageInput, printable } from './fields.js';

const fileId = z.string().regex(/^[0-9a-f-]{36}$/, 'errors.io.fileGone');
const entity = z.enum(importEntityNames, 'errors.choice').default('members');
/** The field each file column goes to, in column order; null leaves the column out. */
const columnMapping = z.array(z.string().max(40, 'errors.tooLong').nullable()).max(200, 'errors.tooLong');
/** Every mapped field must be one of the entity's. */
const fieldsOfEntity = (v: { entity: keyof typeof importEntities; mapping: (string | null)[] }, ctx: z.RefinementCtx) =>
  v.mapping.forEach((f, i) => {
    if (f !== null && !importEntities[v.entity].fields.includes(f))
      ctx.addIssue({ code: 'custom', message: 'errors.choice', path: ['mapping', i] });
  });
const importInput = z
  .object({ entity, fileId, mapping: columnMapping, mode: z.enum(importModes, 'errors.choice') })
  .superRefine(fieldsOfEntity);

/** Data in (import with mapping and preview, undo, error report) and long-job progress. */
export const ioChannels = {
  /**
   * A file to import. In the desktop app the renderer names the file the clerk picked; in browser
   * mode the HTTP binding receives its bytes, writes them to a temporary file and names that.
   */
  'io.stageFile': channel<StagedFile>()({
    input: z.object({
      entity,
      path: z.string().min(1, 'errors.required').max(1000, 'errors.tooLong'),
      name: z
        .string()
        .trim()
        .min(1, 'errors.required')
        .max(255, 'errors.tooLong')
        .refine(printable, 'errors.badCharacters'),
    }),
    access: 'io.import',
    idempotent: false,
    file: 'upload',
    // Copying and decoding a large file takes seconds: the connection must not be held meanwhile.
    transaction: false,
  }),
  /** Reads the whole file as the import would and counts what would happen; writes nothing. */
  'io.previewImport': channel<JobStatus>()({ input: importInput, access: 'io.import', idempotent: false }),
  /** Imports exactly what was previewed (same file, mapping and mode) as one batch. */
  'io.startImport': channel<JobStatus>()({ input: importInput, access: 'io.import', idempotent: true }),
  'io.batches': channel<Page<ImportBatchInfo>>()({ input: pageInput, access: 'io.import', idempotent: false }),
  /** Removes what a batch created and restores what it changed, as one. */
  'io.undoBatch': channel<JobStatus>()({ input: z.object({ batchId: id }), access: 'io.import', idempotent: true }),
  /** The rows a batch refused or skipped, as they were, with a reason column, in the file's encoding. */
  'io.errorReport': channel<FileDownload>()({
    input: z.object({ batchId: id, language: z.enum(['zh', 'en']).default('zh') }),
    access: 'io.import',
    idempotent: false,
    file: 'download',
    // Up to a whole file of refused rows: read in short steps, not in one transaction.
    transaction: false,
  }),
  'io.mappings': channel<ImportMappingInfo[]>()({
    input: z.object({ entity }),
    access: 'io.import',
    idempotent: false,
  }),
  'io.saveMapping': channel<ImportMappingInfo>()({
    input: z
      .object({
        entity,
        name: z
          .string()
          .trim()
          .min(1, 'errors.required')
          .max(40, 'errors.tooLong')
          .refine(printable, 'errors.badCharacters'),
        headers: z.array(z.string().max(200, 'errors.tooLong')).min(1, 'errors.required').max(200, 'errors.tooLong'),
        mapping: columnMapping,
      })
      .superRefine(fieldsOfEntity),
    access: 'io.import',
    idempotent: true,
  }),
  'io.deleteMapping': channel<{ ok: true }>()({ input: z.object({ id }), access: 'io.import', idempotent: true }),

  /** A long job's progress; only the staff member who started it (or an owner) sees it. */
  'jobs.get': channel<JobStatus>()({ input: z.object({ id: z.uuid() }), access: 'session', idempotent: false }),
  'jobs.cancel': channel<JobStatus>()({ input: z.object({ id: z.uuid() }), access: 'session', idempotent: false }),
};
