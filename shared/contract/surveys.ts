import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import type { SurveyInfo, SurveyMemberRow } from '../surveys.js';
import { freeText, id, pageInput } from './fields.js';
import { memberFilterInput } from './members.js';

export const surveysChannels = {
  /** Asks the members the member list shows with `filter` (archived members are never asked). */
  'surveys.create': channel<SurveyInfo>()({
    input: z.object({
      name: freeText(40).pipe(z.string().min(1, 'errors.required')),
      filter: memberFilterInput,
      /** How the list page described the filter, kept with the survey for its readers. */
      filterNote: freeText(300).default(''),
    }),
    access: 'complaints.manage',
    idempotent: true,
  }),
  'surveys.list': channel<SurveyInfo[]>()({ input: z.object({}), access: 'members.read', idempotent: false }),
  'surveys.members': channel<Page<SurveyMemberRow>>()({
    input: pageInput.extend({
      surveyId: id,
      /** null: everyone asked; true/false: only those who answered / have not. */
      responded: z.boolean().nullable().default(null),
    }),
    access: 'members.read',
    idempotent: false,
  }),
  /** One member's answer, 0–10 and why; a correction replaces it while the survey is open. */
  'surveys.respond': channel<SurveyMemberRow>()({
    input: z.object({
      surveyId: id,
      memberId: id,
      score: z.number('errors.invalid').int('errors.integer').min(0, 'errors.range').max(10, 'errors.range'),
      reason: freeText(500).default(''),
    }),
    access: 'complaints.write',
    idempotent: true,
  }),
  'surveys.close': channel<SurveyInfo>()({
    input: z.object({ surveyId: id }),
    access: 'complaints.manage',
    idempotent: true,
  }),
};
