import type { UndoResult } from '../../../shared/domain.js';
import type { Backend } from '../../backend.js';
import type { JobHandle } from '../../jobs/jobs.js';
import { WriteSteps } from '../../jobs/writeSteps.js';
import { closeBatch, type EndStatus } from './undo.js';

const chunkMs = 30;

/**
 * Takes a purchases batch back out, in short transactions: each purchase it created goes, with its
 * points lot and timeline event — unless it was worked with since (refunded, or its points spent,
 * expired or otherwise moved), in which case it stays and leaves the batch, like a member who was
 * served after an import. Used by undo, by a cancelled or failed import, and at start for a batch a
 * crash left running. An undo cut short can be run again.
 */
export async function rollBackPurchases(
  backend: Backend,
  batchId: number,
  staffId: number | null,
  status: EndStatus,
  job?: JobHandle,
): Promise<UndoResult> {
  const raw = backend.raw;
  const p = (s: string) => raw.prepare(s);
  const s = {
    created: p(`select id, member_id from purchases where import_batch_id = ? and id > ? order by id limit 50`),
    used: p(
      `select exists(select 1 from purchase_refunds where purchase_id = @id)
         or exists(select 1 from points_ledger l where l.ref_type = 'purchase' and l.ref_id = @id
              and (l.kind <> 'purchase' or l.remaining <> l.points
                   or exists(select 1 from points_allocations a where a.lot_id = l.id))) as used`,
    ),
    keep: p(`update purchases set import_batch_id = null where id = ?`),
    deletes: [
      `delete from points_ledger where kind = 'purchase' and ref_type = 'purchase' and ref_id = @id`,
      `delete from member_events where member_id = @member and kind = 'purchase'
         and json_extract(data, '$.purchaseId') = @id`,
      `delete from purchases where id = @id`,
    ].map(p),
  };
  const result: UndoResult = { removed: 0, restored: 0, kept: 0 };
  const total = (raw.prepare(`select imported as n from import_batches where id = ?`).get(batchId) as { n: number }).n;
  const steps = new WriteSteps(backend);
  let lastId = 0;
  try {
    for (let more = true; more;) {
      // The app is closing: the batch keeps its status, and the next start (or undo) finishes it.
      if (job?.stopping) return result;
      ({ value: more } = await steps.step(() => {
        const t0 = performance.now();
        for (;;) {
          const rows = s.created.all(batchId, lastId) as { id: number; member_id: number }[];
          if (!rows.length) return false;
          for (const { id, member_id } of rows) {
            lastId = id;
            if ((s.used.get({ id }) as { used: number }).used) {
              s.keep.run(id);
              result.kept++;
              continue;
            }
            for (const d of s.deletes) d.run({ id, member: member_id });
            result.removed++;
          }
          if (performance.now() - t0 >= chunkMs) return true;
        }
      }));
      job?.progress(result.removed + result.kept, total);
    }
  } finally {
    await steps.end();
  }
  await closeBatch(backend, batchId, staffId, status, { entity: 'purchases', ...result });
  return result;
}
