import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import { followupOutcomes, followupReasons, type FollowupInfo } from '../followups.js';
import { calendarDate, freeText, id, pageInput } from './fields.js';

export const followupViews = ['today', 'mine', 'open', 'done'] as const;
export type FollowupView = (typeof followupViews)[number];

export const followupsChannels = {
  /** A custom task is only what its note says: it needs one. */
  'followups.create': channel<FollowupInfo>()({
    input: z
      .object({
        memberId: id,
        reason: z.enum(followupReasons, 'errors.choice'),
        note: freeText(500).default(''),
        dueOn: calendarDate,
        assigneeId: id.nullable().default(null),
      })
      .superRefine((v, ctx) => {
        if (v.reason === 'custom' && v.note === '')
          ctx.addIssue({ code: 'custom', message: 'errors.required', path: ['note'] });
      }),
    access: 'complaints.write',
    idempotent: true,
  }),
  /** `today`: open and due today or earlier (the home screen's list); `mine`: open and assigned to me. */
  'followups.list': channel<Page<FollowupInfo>>()({
    input: pageInput.extend({
      view: z.enum(followupViews, 'errors.choice').default('today'),
      memberId: id.nullable().default(null),
    }),
    access: 'members.read',
    idempotent: false,
  }),
  /** The outcome; a call back needs its date, and schedules the next task for it. */
  'followups.record': channel<FollowupInfo>()({
    input: z
      .object({
        id,
        outcome: z.enum(followupOutcomes, 'errors.choice'),
        note: freeText(500).default(''),
        nextStep: freeText(200).default(''),
        callBackOn: calendarDate.nullable().default(null),
      })
      .superRefine((v, ctx) => {
        if (v.outcome === 'callBack' && v.callBackOn === null)
          ctx.addIssue({ code: 'custom', message: 'errors.required', path: ['callBackOn'] });
      }),
    access: 'complaints.write',
    idempotent: true,
  }),
  'followups.reassign': channel<FollowupInfo>()({
    input: z.object({ id, assigneeId: id.nullable(), dueOn: calendarDate }),
    access: 'complaints.write',
    idempotent: true,
  }),
};
