import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import {
  rewardKinds,
  type RedemptionInfo,
  type RedemptionResult,
  type RewardInfo,
  type RewardOffer,
} from '../rewards.js';
import { calendarDate, id, pageInput, printable } from './fields.js';
import { reason } from './points.js';

const count = (max: number) =>
  z.number('errors.invalid').int('errors.integer').min(1, 'errors.range').max(max, 'errors.range');
/** A picture the renderer has already scaled down: a data: URL of at most ~300 KB. */
const image = z
  .string()
  .max(400_000, 'errors.rewards.imageTooLarge')
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'errors.rewards.imageType');
/** What a clerk types or scans: letters and digits, dashes and spaces ignored. */
export const rewardCode = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6,20}$/, 'errors.rewards.codeFormat'));

export const rewardInput = z
  .object({
    id: id.optional(),
    name: z
      .string()
      .trim()
      .min(1, 'errors.required')
      .max(40, 'errors.tooLong')
      .refine(printable, 'errors.badCharacters'),
    kind: z.enum(rewardKinds, 'errors.choice'),
    description: z.string().trim().max(500, 'errors.tooLong').refine(printable, 'errors.badCharacters').default(''),
    pointsCost: count(10_000_000),
    valueFen: count(100_000_000).nullable().default(null),
    discountPct: count(99).nullable().default(null),
    stock: z.number('errors.invalid').int('errors.integer').min(0, 'errors.range').max(10_000_000).nullable(),
    perMemberLimit: count(10_000).nullable().default(null),
    availableFrom: calendarDate.nullable().default(null),
    availableTo: calendarDate.nullable().default(null),
    codeValidDays: count(3650).nullable().default(null),
    active: z.boolean(),
    image: image.nullable().default(null),
    /** Only members of this tier or a higher one may redeem it; null: every member. */
    minTierId: id.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.availableFrom && r.availableTo && r.availableFrom > r.availableTo)
      ctx.addIssue({ code: 'custom', message: 'errors.member.dateRange', path: ['availableTo'] });
    if (r.kind === 'coupon' && r.valueFen === null)
      ctx.addIssue({ code: 'custom', message: 'errors.rewards.valueRequired', path: ['valueFen'] });
    if (r.kind === 'voucher' && r.discountPct === null)
      ctx.addIssue({ code: 'custom', message: 'errors.rewards.discountRequired', path: ['discountPct'] });
  })
  // A value or discount belongs only to the kind that uses it.
  .transform((r) => ({
    ...r,
    valueFen: r.kind === 'coupon' ? r.valueFen : null,
    discountPct: r.kind === 'voucher' ? r.discountPct : null,
  }));

export const rewardsChannels = {
  'rewards.list': channel<RewardInfo[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }),
    access: 'members.read',
    idempotent: false,
  }),
  'rewards.save': channel<RewardInfo>()({ input: rewardInput, access: 'points.rules', idempotent: true }),
  /** The catalog as one member sees it: what they may still redeem, and why not otherwise. */
  'rewards.offers': channel<RewardOffer[]>()({
    input: z.object({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'rewards.redeem': channel<RedemptionResult>()({
    input: z.object({ memberId: id, rewardId: id }),
    access: 'purchases.write',
    idempotent: true,
  }),
  /** Gives the points back to the lots they came from and the item back to stock. */
  'rewards.cancel': channel<RedemptionResult>()({
    input: z.object({ redemptionId: id, reason }),
    access: 'purchases.write',
    idempotent: true,
  }),
  'rewards.redemptions': channel<Page<RedemptionInfo>>()({
    input: pageInput.extend({ memberId: id.optional() }),
    access: 'members.read',
    idempotent: false,
  }),
  'rewards.lookupCode': channel<RedemptionInfo>()({
    input: z.object({ code: rewardCode }),
    access: 'members.read',
    idempotent: false,
  }),
  /** Marks a code used at the counter (核销), once. */
  'rewards.useCode': channel<RedemptionInfo>()({
    input: z.object({ code: rewardCode }),
    access: 'purchases.write',
    idempotent: true,
  }),
};
