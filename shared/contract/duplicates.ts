import { z } from 'zod';
import { channel } from './channel.js';
import type { DuplicateCandidate, Page } from '../domain.js';
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
  /** Looks through every member for candidates, e.g. after an upgrade or a data fix. */
  'duplicates.scan': channel<{ found: number }>()({
    input: z.object({}),
    access: 'members.merge',
    idempotent: true,
  }),
};
