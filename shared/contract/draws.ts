import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import type { DrawConfig, DrawInfo, DrawResult, Leaderboard, MemberDrawStatus } from '../draws.js';
import { drawTotalBp, leaderboardSizes } from '../draws.js';
import { periodPattern } from '../rules/periods.js';
import { id, pageInput, printable } from './fields.js';

const count = (max: number) =>
  z.number('errors.invalid').int('errors.integer').min(0, 'errors.range').max(max, 'errors.range');
const prizeName = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .max(40, 'errors.tooLong')
  .refine(printable, 'errors.badCharacters');

const prizeBase = {
  /** An existing prize to update; none: a new prize. */
  id: id.optional(),
  name: prizeName,
  probabilityBp: count(drawTotalBp),
  /** Null: unlimited. */
  stock: count(1_000_000).nullable(),
};

export const drawPrizeInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...prizeBase, kind: z.literal('points'), points: count(1_000_000).min(1, 'errors.range') }),
    z.object({ ...prizeBase, kind: z.literal('reward'), rewardId: id }),
    z.object({ ...prizeBase, kind: z.literal('goods') }),
    z.object({ ...prizeBase, kind: z.literal('thanks') }),
  ],
  'errors.choice',
);
export type DrawPrizeInput = z.output<typeof drawPrizeInput>;

/**
 * The owner's draw: on/off, cost, daily limit and prizes. That the chances add up to exactly
 * 10,000 basis points is checked by the service (a field error on `prizes` that names the total).
 */
export const drawConfigInput = z.object({
  enabled: z.boolean(),
  cost: count(1_000_000),
  dailyLimit: count(100).min(1, 'errors.range'),
  prizes: z.array(drawPrizeInput).min(1, 'errors.draws.noPrizes').max(20, 'errors.range'),
});

export const drawsChannels = {
  'draws.config': channel<DrawConfig>()({ input: z.object({}), access: 'session', idempotent: false }),
  'draws.saveConfig': channel<DrawConfig>()({ input: drawConfigInput, access: 'points.rules', idempotent: true }),
  /** The counter's view before drawing: the odds to show the member, their usable points and draws today. */
  'draws.memberStatus': channel<MemberDrawStatus>()({
    input: z.object({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'draws.draw': channel<DrawResult>()({
    input: z.object({ memberId: id }),
    access: 'purchases.write',
    idempotent: true,
  }),
  /** Draws, newest first: one member's, or the shop's. */
  'draws.list': channel<Page<DrawInfo>>()({
    input: pageInput.extend({ memberId: id.optional() }),
    access: 'members.read',
    idempotent: false,
  }),
  /** Top members by points earned in a month, quarter or year; masked for a customer-facing screen. */
  'leaderboard.get': channel<Leaderboard>()({
    input: z.object({
      /** "2026-03", "2026-Q1" or "2026"; none: this month. */
      period: z.string().regex(periodPattern, 'errors.invalid').optional(),
      limit: z
        .number()
        .int()
        .refine((n) => (leaderboardSizes as readonly number[]).includes(n), 'errors.choice')
        .default(20),
    }),
    access: 'session',
    idempotent: false,
  }),
};
