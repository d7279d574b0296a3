import { z } from 'zod';
import { channel } from './channel.js';
import { scanPhases, type DuplicateCandidate, type Page, type ScanBatch } from '../domain.js';
import { id, pageInput } from './fields.js';

/** The review queue of members who may be the same person (数据清洗). */
export const duplicatesChannels = {
  'duplicates.list': channel<Page<DuplicateCandidate>>()({
    input: pageInput,
    access: 'members.merge',
    idempotent: false,
  }),
  /** Not the same person: the pair leaves the queue and is not proposed again. */
  'duplicates.dismiss': channel<{ ok: true }>()({
    input: z.object({ id }),
    access: 'members.merge',
    idempotent: true,
  }),
  /**
   * Looks through every member for candidates (after an upgrade or a data fix), one batch per call:
   * call again with `next` until it is null. Progress is `scanned` out of `total`.
   */
  'duplicates.scan': channel<ScanBatch>()({
    input: z.object({
      phase: z.enum(scanPhases, 'errors.choice').default('name'),
      after: z.string().max(200).nullable().default(null),
    }),
    access: 'members.merge',
    idempotent: true,
  }),
};
