import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FileDownload } from '../../shared/contract/index.js';
import { appError } from '../../shared/errors.js';
import { requireStaff, type Ctx } from '../context.js';
import { writeAudit } from './audit.js';

export async function downloadLog(ctx: Ctx): Promise<FileDownload> {
  const me = requireStaff(ctx);
  const path = join(ctx.backend.paths.logs, 'liuke.log');
  if (!existsSync(path)) throw appError('NOT_FOUND', 'errors.support.noLog');
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'support.logDownloaded' });
  return {
    fileName: `liuke-${ctx.nowIso.slice(0, 10)}.log`,
    contentType: 'text/plain; charset=utf-8',
    path,
    deleteAfter: false,
  };
}
