import type { ImportEntityName } from '../../../shared/io/entities.js';
import type { UndoResult } from '../../../shared/domain.js';
import { matchHeaders } from '../../../shared/io/headerMatch.js';
import { matchPurchaseHeaders } from '../../../shared/io/purchaseFields.js';
import type { Backend } from '../../backend.js';
import type { JobHandle } from '../../jobs/jobs.js';
import { MemberWriter } from './memberWriter.js';
import { rollBackPurchases } from './purchaseUndo.js';
import { PurchaseWriter } from './purchaseWriter.js';
import type { RowWriter, WriterSetup } from './rowWriter.js';
import { rollBackBatch, type EndStatus } from './undo.js';

/**
 * How the one importer handles each entity: which field a header means, how a row is classified
 * and written, and how a batch is taken back out. Staging, preview, chunked writing, progress,
 * cancel, crash rollback and the error report are the same for all.
 */
export interface Importer {
  matchHeaders(headers: string[]): (string | null)[];
  writer(setup: WriterSetup): RowWriter;
  rollBack(
    backend: Backend,
    batchId: number,
    staffId: number | null,
    status: EndStatus,
    job?: JobHandle,
  ): Promise<UndoResult>;
}

export const importers: Record<ImportEntityName, Importer> = {
  members: { matchHeaders, writer: (setup) => new MemberWriter(setup) as RowWriter, rollBack: rollBackBatch },
  purchases: {
    matchHeaders: matchPurchaseHeaders,
    writer: (setup) => new PurchaseWriter(setup) as RowWriter,
    rollBack: rollBackPurchases,
  },
};
