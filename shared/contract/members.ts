import { z } from 'zod';
import { channel } from './channel.js';
import { genders, memberSources, type Member, type MemberSummary, type Page } from '../domain.js';
import { phoneKinds } from '../rules/phone.js';
import { calendarDate, id, pageInput, personName } from './fields.js';

export const registerMemberInput = z.object({
  phone: z.string().trim().min(1, 'errors.required').max(32, 'errors.tooLong'),
  phoneKind: z.enum(phoneKinds, 'errors.choice').default('mobile'),
  name: personName.default(''),
  gender: z.enum(genders, 'errors.choice').default('unspecified'),
  birthday: calendarDate.nullable().default(null),
  source: z.enum(memberSources, 'errors.choice').default('in_store'),
  marketingConsent: z.boolean().default(false),
});

export const membersChannels = {
  'members.register': channel<Member>()({ input: registerMemberInput, access: 'members.write', idempotent: true }),
  /** Counter search: full phone, last 4+ digits, or a fragment of the name. */
  'members.search': channel<MemberSummary[]>()({
    input: z.object({
      q: z.string().trim().max(40, 'errors.tooLong'),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    access: 'members.read',
    idempotent: false,
  }),
  'members.get': channel<Member>()({ input: z.object({ id }), access: 'members.read', idempotent: false }),
  'members.list': channel<Page<MemberSummary>>()({ input: pageInput, access: 'members.read', idempotent: false }),
};
