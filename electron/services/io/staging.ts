import { createHash, randomUUID } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { StagedFile } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import type { ImportEntityName } from '../../../shared/io/entities.js';
import { requireStaff, type Ctx } from '../../context.js';
import { decodedStream, detectEncoding, sniffDelimiter, type TextEncoding } from './fileText.js';
import { importers } from './importers.js';
import { savedMappingFor } from './mappings.js';
import { readTable, type TableSource } from './readTable.js';

/** Larger than any shop's member list (1,000,000 rows is ~100 MB of CSV). */
export const maxImportBytes = 512 * 1024 * 1024;

export interface StagedEntry extends TableSource {
  entity: ImportEntityName;
  fileId: string;
  name: string;
  bytes: number;
  sha256: string;
  headers: string[];
  staffId: number;
  /** The preview that was shown for it: an import runs only what was previewed. */
  previewed: string | null;
  previewTotal: number | null;
}

const sampleRows = 5;

/** The first 64 KB as text, for the delimiter. */
async function head(path: string, encoding: TextEncoding): Promise<string> {
  let text = '';
  for await (const chunk of decodedStream(path, encoding) as AsyncIterable<string>) {
    text += chunk;
    if (text.length > 65_536) break;
  }
  return text;
}

/**
 * What the first bytes say: a workbook (.xlsx is a zip), an old binary Excel file (.xls, OLE2),
 * some other binary file (a NUL byte in text that is not UTF-16), or text.
 */
function sniffKind(path: string): 'xlsx' | 'xls' | 'binary' | 'text' {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(65_536);
    const n = readSync(fd, b, 0, b.length, 0);
    const head = b.subarray(0, n);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return 'xls';
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    return !utf16 && head.includes(0) ? 'binary' : 'text';
  } finally {
    closeSync(fd);
  }
}

/**
 * Takes a copy of the file into the data folder's transfers/ (so the import reads exactly the
 * bytes that were previewed, whatever happens to the original), finds its format, encoding,
 * delimiter and header row, and matches the headers to fields.
 */
export async function stageFile(
  ctx: Ctx,
  input: { entity: ImportEntityName; path: string; name: string },
): Promise<StagedFile> {
  const me = requireStaff(ctx);
  let bytes: number;
  try {
    const st = statSync(input.path);
    if (!st.isFile()) throw new Error('not a file');
    bytes = st.size;
  } catch {
    throw appError('NOT_FOUND', 'errors.io.fileUnreadable');
  }
  if (bytes === 0) throw appError('VALIDATION', 'errors.io.emptyFile');
  if (bytes > maxImportBytes)
    throw appError('VALIDATION', 'errors.io.fileTooLarge', { params: { mb: maxImportBytes >> 20 } });

  const kind = sniffKind(input.path);
  if (kind === 'xls') throw appError('VALIDATION', 'errors.io.oldExcel');
  if (kind === 'binary') throw appError('VALIDATION', 'errors.io.fileUnreadable');
  const xlsx = kind === 'xlsx';
  const fileId = randomUUID();
  const dir = ctx.backend.paths.transfers;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${fileId}.${xlsx ? 'xlsx' : 'txt'}`);
  const hash = createHash('sha256');
  await pipeline(
    createReadStream(input.path),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    }),
    createWriteStream(path, { mode: 0o600 }),
  );

  try {
    const encoding = xlsx ? null : await detectEncoding(path);
    const delimiter = encoding ? sniffDelimiter(await head(path, encoding), input.name) : ',';
    const src: TableSource = { path, format: xlsx ? 'xlsx' : 'csv', encoding, delimiter };
    const top: string[][] = [];
    for await (const row of readTable(src)) {
      top.push(row.cells);
      if (top.length > sampleRows) break;
    }
    const headers = (top[0] ?? []).map((h) => h.trim());
    if (!headers.length || top.length < 2) throw appError('VALIDATION', 'errors.io.emptyFile');
    const saved = await savedMappingFor(ctx, input.entity, headers);
    const entry: StagedEntry = {
      ...src,
      entity: input.entity,
      fileId,
      name: input.name,
      bytes,
      sha256: hash.digest('hex'),
      headers,
      staffId: me.id,
      previewed: null,
      previewTotal: null,
    };
    ctx.backend.staged.set(fileId, entry);
    return {
      fileId,
      name: input.name,
      bytes,
      format: src.format,
      encoding: encoding ?? 'xlsx',
      delimiter,
      headers,
      suggested: saved ? headers.map((h) => saved.mapping[h] ?? null) : importers[input.entity].matchHeaders(headers),
      savedMappingId: saved?.id ?? null,
      sample: top.slice(1),
    };
  } catch (e) {
    rmSync(path, { force: true });
    // A workbook that is not one, or text that is not a table.
    if (e instanceof Error && !('data' in e)) throw appError('VALIDATION', 'errors.io.fileUnreadable');
    throw e;
  }
}

export function stagedFor(ctx: Ctx, fileId: string): StagedEntry {
  const entry = ctx.backend.staged.get(fileId);
  if (!entry) throw appError('NOT_FOUND', 'errors.io.fileGone');
  return entry;
}

export function dropStaged(ctx: Ctx, fileId: string): void {
  const entry = ctx.backend.staged.get(fileId);
  if (!entry) return;
  rmSync(entry.path, { force: true });
  ctx.backend.staged.delete(fileId);
}
