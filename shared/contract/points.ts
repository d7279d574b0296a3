import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import type { ActivityInfo, CheckInResult, LedgerEntry, MemberPoints, PointsRules, PointsSummary } from '../points.js';
import { roundingModes } from '../points.js';
import { calendarDate, id, pageInput, printable } from './fields.js';

const label = (max: number) =>
  z.string().trim().min(1, 'errors.required').max(max, 'errors.tooLong').refine(printable, 'errors.badCharacters');
export const reason = label(200);
const count = (max: number) =>
  z.number('errors.invalid').int('errors.integer').min(0, 'errors.range').max(max, 'errors.range');
const monthDay = z.string().refine((v) => {
  const m = /^(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [mm, dd] = [Number(m[1]), Number(m[2])];
  // 29 February would not exist most years: the clear date must be a day every year has.
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1]!;
}, 'errors.points.monthDay');
const category = label(40);

export const pointsRulesInput = z
  .object({
    earnPoints: count(1000).min(1, 'errors.range'),
    perFen: count(100_000_00).min(1, 'errors.range'),
    rounding: z.enum(roundingModes, 'errors.choice'),
    categories: z.array(category).max(100),
    excludedCategories: z.array(category).max(100),
    promotions: z
      .array(
        z
          .object({
            id: z.string().min(1).max(40),
            name: label(40),
            from: calendarDate,
            to: calendarDate,
            categories: z.array(category).max(100),
            multiplierPct: count(1000).min(100, 'errors.range'),
          })
          .refine((p) => p.from <= p.to, { message: 'errors.member.dateRange', path: ['to'] }),
      )
      .max(50),
    freezeDays: count(365),
    earnOnPointsAndCoupons: z.boolean(),
    pointValueFen: count(100_000).min(1, 'errors.range'),
    expiry: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('never') }),
      z.object({ kind: z.literal('rolling'), months: count(120).min(1, 'errors.range') }),
      z.object({ kind: z.literal('annual'), monthDay }),
    ]),
    checkIn: z.object({
      points: count(10_000),
      streakBonuses: z
        .array(z.object({ day: count(366).min(2, 'errors.range'), points: count(100_000).min(1, 'errors.range') }))
        .max(10),
    }),
    referral: z.object({ onRegister: count(100_000), onFirstPurchase: count(100_000) }),
    birthdayPoints: count(100_000),
    spendBands: z
      .array(z.object({ name: label(20), fromFen: count(1_000_000_00) }))
      .min(1)
      .max(10),
  })
  .superRefine((r, ctx) => {
    for (const c of r.excludedCategories)
      if (!r.categories.includes(c))
        ctx.addIssue({ code: 'custom', message: 'errors.choice', path: ['excludedCategories'] });
  }) satisfies z.ZodType<PointsRules>;

export const pointsChannels = {
  'points.get': channel<MemberPoints>()({
    input: z.object({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'points.ledger': channel<Page<LedgerEntry>>()({
    input: pageInput.extend({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'points.adjust': channel<PointsSummary>()({
    input: z.object({
      memberId: id,
      points: z
        .number('errors.invalid')
        .int('errors.integer')
        .min(-10_000_000, 'errors.range')
        .max(10_000_000, 'errors.range')
        .refine((n) => n !== 0, 'errors.points.zero'),
      reason,
    }),
    access: 'points.adjust',
    idempotent: true,
  }),
  'points.void': channel<PointsSummary>()({
    input: z.object({ entryId: id, reason }),
    access: 'points.adjust',
    idempotent: true,
  }),
  'points.checkIn': channel<CheckInResult>()({
    input: z.object({ memberId: id }),
    access: 'purchases.write',
    idempotent: true,
  }),
  'points.rules': channel<PointsRules>()({ input: z.object({}), access: 'session', idempotent: false }),
  'points.saveRules': channel<PointsRules>()({ input: pointsRulesInput, access: 'points.rules', idempotent: true }),
  /** Members whose points expire within the next N days, soonest first. */
  'points.expiring': channel<
    Page<{ memberId: number; memberNo: string; name: string; phone: string; points: number; on: string }>
  >()({
    input: pageInput.extend({ days: z.number().int().min(1).max(366).default(30) }),
    access: 'members.read',
    idempotent: false,
  }),
  /** Every activity; with a member, only those they can attend now (active, begun, not yet attended). */
  'activities.list': channel<ActivityInfo[]>()({
    input: z.object({ forMember: id.optional() }),
    access: 'members.read',
    idempotent: false,
  }),
  'activities.save': channel<ActivityInfo>()({
    input: z.object({
      id: id.optional(),
      name: label(40),
      day: calendarDate,
      points: count(100_000).min(1, 'errors.range'),
      active: z.boolean(),
    }),
    access: 'points.rules',
    idempotent: true,
  }),
  'activities.attend': channel<PointsSummary>()({
    input: z.object({ activityId: id, memberId: id }),
    access: 'purchases.write',
    idempotent: true,
  }),
};
