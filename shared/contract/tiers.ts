import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import {
  dropModes,
  growthWindows,
  servicePeriods,
  type AtRiskMember,
  type MemberTier,
  type TierChange,
  type TierDistributionRow,
  type TiersConfig,
} from '../tiers.js';
import { calendarDate, id, pageInput, printable, wholeNumber } from './fields.js';
import { reason } from './points.js';

const label = (max: number) =>
  z.string().trim().min(1, 'errors.required').max(max, 'errors.tooLong').refine(printable, 'errors.badCharacters');

const tierServiceInput = z.object({
  id: id.optional(),
  name: label(30),
  quantity: wholeNumber(1, 100),
  period: z.enum(servicePeriods, 'errors.choice'),
});

const tierInput = z.object({
  id: id.optional(),
  name: label(20),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'errors.tiers.color'),
  threshold: wholeNumber(0, 100_000_000),
  retention: wholeNumber(0, 100_000_000),
  multiplierPct: wholeNumber(100, 1000),
  discountPct: wholeNumber(50, 100),
  birthdayPoints: wholeNumber(0, 100_000).nullable(),
  complaintPriority: wholeNumber(0, 3),
  services: z.array(tierServiceInput).max(10, 'errors.tiers.tooMany'),
});

/**
 * The whole tier table at once, lowest first: the base tier's threshold is 0, thresholds rise,
 * retention never exceeds the tier's own threshold, names differ. Checked field by field so the
 * owner sees which row is wrong.
 */
export const tiersConfigInput = z
  .object({
    settings: z.object({
      window: z.enum(growthWindows, 'errors.choice'),
      dropMode: z.enum(dropModes, 'errors.choice'),
      growthPerYuan: wholeNumber(1, 100),
      activityGrowth: wholeNumber(0, 100_000),
    }),
    tiers: z.array(tierInput).min(1, 'errors.tiers.none').max(8, 'errors.tiers.tooMany'),
  })
  .superRefine((c, ctx) => {
    const names = new Set<string>();
    c.tiers.forEach((t, i) => {
      const at = (field: string, message: string) =>
        ctx.addIssue({ code: 'custom', message, path: ['tiers', i, field] });
      if (i === 0 && t.threshold !== 0) at('threshold', 'errors.tiers.baseThreshold');
      if (i > 0 && t.threshold <= c.tiers[i - 1]!.threshold) at('threshold', 'errors.tiers.thresholdOrder');
      if (t.retention > t.threshold) at('retention', 'errors.tiers.retentionAbove');
      if (names.has(t.name)) at('name', 'errors.tiers.nameTaken');
      names.add(t.name);
      const services = new Set<string>();
      t.services.forEach((s, j) => {
        if (services.has(s.name))
          ctx.addIssue({
            code: 'custom',
            message: 'errors.tiers.nameTaken',
            path: ['tiers', i, 'services', j, 'name'],
          });
        services.add(s.name);
      });
    });
  });
export type TiersConfigInput = z.infer<typeof tiersConfigInput>;

export const tiersChannels = {
  'tiers.config': channel<TiersConfig>()({ input: z.object({}), access: 'members.read', idempotent: false }),
  /** Saving never downgrades anyone; members a lowered threshold now qualifies are upgraded right after, in the background. */
  'tiers.save': channel<TiersConfig>()({ input: tiersConfigInput, access: 'tiers.manage', idempotent: true }),
  'tiers.member': channel<MemberTier>()({
    input: z.object({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  /** The owner sets a tier by hand: always with a reason and an end date, audited. */
  'tiers.setManual': channel<MemberTier>()({
    input: z.object({ memberId: id, tierId: id, until: calendarDate, reason }),
    access: 'tiers.manage',
    idempotent: true,
  }),
  'tiers.endManual': channel<MemberTier>()({
    input: z.object({ memberId: id, reason }),
    access: 'tiers.manage',
    idempotent: true,
  }),
  /** Marks one of the tier's free services used in the current period. */
  'tiers.useService': channel<MemberTier>()({
    input: z.object({ memberId: id, serviceId: id }),
    access: 'purchases.write',
    idempotent: true,
  }),
  /** Undoes the member's latest use of a service in the current period (a mistaken mark). */
  'tiers.undoService': channel<MemberTier>()({
    input: z.object({ memberId: id, serviceId: id, reason }),
    access: 'purchases.write',
    idempotent: true,
  }),
  /** Members whose tier drops at a review within `days` unless they buy: for clerks to call. */
  'tiers.atRisk': channel<Page<AtRiskMember>>()({
    input: pageInput.extend({ days: wholeNumber(1, 90).default(30) }),
    access: 'members.read',
    idempotent: false,
  }),
  /** Upgrades, downgrades, retentions and manual changes between two shop days, newest first. */
  'tiers.changes': channel<Page<TierChange>>()({
    input: pageInput.extend({
      from: calendarDate,
      to: calendarDate,
      direction: z.enum(['all', 'up', 'down'], 'errors.choice').default('all'),
    }),
    access: 'points.report',
    idempotent: false,
  }),
  'tiers.history': channel<TierChange[]>()({
    input: z.object({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'tiers.distribution': channel<TierDistributionRow[]>()({
    input: z.object({}),
    access: 'points.report',
    idempotent: false,
  }),
};
