import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import {
  intakeChannels,
  ratedBy,
  severities,
  complaintStatuses,
  type ComplaintDetail,
  type ComplaintReport,
  type ComplaintsConfig,
  type ComplaintSummary,
} from '../complaints.js';
import { normalizePhone } from '../rules/phone.js';
import { calendarDate, freeText, id, pageInput, personName, wholeNumber } from './fields.js';

const required = (max: number) => freeText(max).pipe(z.string().min(1, 'errors.required'));
const perSeverity = (min: number, max: number) =>
  z.object({
    low: wholeNumber(min, max),
    normal: wholeNumber(min, max),
    high: wholeNumber(min, max),
    urgent: wholeNumber(min, max),
  });

export const complaintSettingsInput = z.object({
  firstResponseHours: perSeverity(1, 720),
  resolutionDays: perSeverity(0, 90),
  priorityCutPct: wholeNumber(0, 30),
  clerkLimitFen: wholeNumber(0, 100_000_000),
  managerLimitFen: wholeNumber(0, 100_000_000),
  reopenDays: wholeNumber(1, 365),
  followupDays: wholeNumber(0, 90),
});

/**
 * The category list as the owner edits it, in order. A built-in category may keep an empty name
 * (its translated name shows); the shop's own need one. Categories are retired, never deleted.
 */
export const complaintCategoriesInput = z
  .object({
    categories: z
      .array(z.object({ id: id.optional(), name: freeText(20), active: z.boolean() }))
      .min(1, 'errors.required')
      .max(30, 'errors.complaints.tooManyCategories'),
  })
  .superRefine((v, ctx) => {
    const names = new Set<string>();
    v.categories.forEach((c, i) => {
      if (c.id === undefined && c.name === '')
        ctx.addIssue({ code: 'custom', message: 'errors.required', path: ['categories', i, 'name'] });
      if (c.name !== '' && names.has(c.name))
        ctx.addIssue({ code: 'custom', message: 'errors.complaints.categoryTaken', path: ['categories', i, 'name'] });
      names.add(c.name);
    });
    if (!v.categories.some((c) => c.active))
      ctx.addIssue({ code: 'custom', message: 'errors.complaints.noActiveCategory', path: ['categories'] });
  });

/** A walk-in complainant's phone: checked as a member's would be, kept in E.164. */
const contactPhone = z
  .string()
  .trim()
  .max(32, 'errors.tooLong')
  .transform((v, ctx) => {
    if (v === '') return '';
    const r = normalizePhone(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.messageKey });
      return z.NEVER;
    }
    return r.e164;
  });

export const logComplaintInput = z
  .object({
    /** Null for a walk-in complainant: then a name and a phone are needed. */
    memberId: id.nullable(),
    contactName: personName.default(''),
    contactPhone: contactPhone.default(''),
    channel: z.enum(intakeChannels, 'errors.choice'),
    categoryId: id,
    severity: z.enum(severities, 'errors.choice'),
    description: required(1000),
    purchaseId: id.nullable().default(null),
    /** Assign at once (a manager logging for someone, or a clerk taking it). */
    assigneeId: id.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.memberId !== null) return;
    if (v.contactName === '') ctx.addIssue({ code: 'custom', message: 'errors.required', path: ['contactName'] });
    if (v.contactPhone === '') ctx.addIssue({ code: 'custom', message: 'errors.required', path: ['contactPhone'] });
  });

export const compensationInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('apology') }),
    z.object({ kind: z.literal('points'), points: wholeNumber(1, 1_000_000) }),
    z.object({ kind: z.literal('coupon'), rewardId: id }),
    z.object({
      kind: z.literal('refund'),
      amountFen: wholeNumber(1, 100_000_000),
      /** The till's refund slip or transaction number: Liuke records refunds, it does not pay them. */
      reference: required(60),
    }),
  ],
  { error: 'errors.choice' },
);
export type CompensationInput = z.infer<typeof compensationInput>;

export const csatInput = z.object({
  score: wholeNumber(1, 5),
  comment: freeText(500).default(''),
  by: z.enum(ratedBy, 'errors.choice'),
});

/** `toClose`: resolved, waiting for the complainant's word (and CSAT) to be closed. */
export const complaintViews = ['open', 'mine', 'overdue', 'toClose', 'all'] as const;
export type ComplaintView = (typeof complaintViews)[number];

const periodInput = z
  .object({ from: calendarDate, to: calendarDate })
  .refine((v) => v.from <= v.to, { message: 'errors.member.dateRange', path: ['to'] });

const note = freeText(500).default('');
const step = { id, note };

export const complaintsChannels = {
  /** Settings and categories: every role reads them (intake needs the categories). */
  'complaints.config': channel<ComplaintsConfig>()({ input: z.object({}), access: 'session', idempotent: false }),
  'complaints.saveSettings': channel<ComplaintsConfig>()({
    input: complaintSettingsInput,
    access: 'complaints.manage',
    idempotent: true,
  }),
  'complaints.saveCategories': channel<ComplaintsConfig>()({
    input: complaintCategoriesInput,
    access: 'complaints.manage',
    idempotent: true,
  }),
  'complaints.log': channel<ComplaintDetail>()({
    input: logComplaintInput,
    access: 'complaints.write',
    idempotent: true,
  }),
  'complaints.list': channel<Page<ComplaintSummary>>()({
    input: pageInput.extend({
      view: z.enum(complaintViews, 'errors.choice').default('open'),
      status: z.enum(complaintStatuses, 'errors.choice').nullable().default(null),
      severity: z.enum(severities, 'errors.choice').nullable().default(null),
      categoryId: id.nullable().default(null),
      memberId: id.nullable().default(null),
    }),
    access: 'members.read',
    idempotent: false,
  }),
  'complaints.get': channel<ComplaintDetail>()({ input: z.object({ id }), access: 'members.read', idempotent: false }),
  /** To someone else: a manager; a clerk may only take a complaint themselves. */
  'complaints.assign': channel<ComplaintDetail>()({
    input: z.object({ ...step, assigneeId: id }),
    access: 'complaints.write',
    idempotent: true,
  }),
  /** The first response: the complainant has been contacted and the complaint is being worked on. */
  'complaints.start': channel<ComplaintDetail>()({
    input: z.object(step),
    access: 'complaints.write',
    idempotent: true,
  }),
  'complaints.resolve': channel<ComplaintDetail>()({
    input: z.object({ id, resolution: required(1000), compensation: compensationInput }),
    access: 'complaints.write',
    idempotent: true,
  }),
  'complaints.close': channel<ComplaintDetail>()({
    input: z.object({ ...step, csat: csatInput.nullable().default(null) }),
    access: 'complaints.write',
    idempotent: true,
  }),
  /** CSAT for a closed complaint that has none yet (the member answered later). */
  'complaints.rate': channel<ComplaintDetail>()({
    input: z.object({ id, csat: csatInput }),
    access: 'complaints.write',
    idempotent: true,
  }),
  'complaints.reopen': channel<ComplaintDetail>()({
    input: z.object({ id, note: required(500) }),
    access: 'complaints.write',
    idempotent: true,
  }),
  'complaints.addNote': channel<ComplaintDetail>()({
    input: z.object({ id, note: required(500) }),
    access: 'complaints.write',
    idempotent: true,
  }),
  'complaints.report': channel<ComplaintReport>()({
    input: periodInput,
    access: 'complaints.manage',
    idempotent: false,
  }),
};
