import { z } from 'zod';
import { channel } from './channel.js';
import {
  consentChannels,
  genders,
  interactionKinds,
  mergeFields,
  memberSources,
  type Member,
  type MemberSummary,
  type Page,
  type TimelineEvent,
} from '../domain.js';
import { phoneKinds } from '../rules/phone.js';
import { calendarDate, id, pageInput, personName } from './fields.js';

const optionalText = (max: number) => z.string().trim().max(max, 'errors.tooLong').default('');
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(120, 'errors.tooLong')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'errors.email');
// WeChat IDs: 6–20 letters, digits, _ or -, starting with a letter; older accounts use their QQ number or phone.
export const wechat = z
  .string()
  .trim()
  .refine((v) => v === '' || /^[a-zA-Z][-_a-zA-Z0-9]{5,19}$|^\d{5,15}$/.test(v), 'errors.wechat');
const lunarBirthday = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|30)$/, 'errors.lunarBirthday')
  .nullable()
  .default(null);
export const cardNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,32}$/, 'errors.cardNo');

/** Profile fields a clerk fills or edits; registration adds the phone kind and consents. */
const profileFields = {
  phone: z.string().trim().min(1, 'errors.required').max(32, 'errors.tooLong'),
  phoneKind: z.enum(phoneKinds, 'errors.choice').default('mobile'),
  name: personName.default(''),
  gender: z.enum(genders, 'errors.choice').default('unspecified'),
  birthday: calendarDate.nullable().default(null),
  lunarBirthday,
  occupation: optionalText(40),
  phone2: z.string().trim().max(32, 'errors.tooLong').default(''),
  email: email.default(''),
  wechat: wechat.default(''),
  address: optionalText(200),
  notes: optionalText(1000),
  source: z.enum(memberSources, 'errors.choice').default('in_store'),
  referrerId: id.nullable().default(null),
};

export const registerMemberInput = z.object({
  ...profileFields,
  joinedOn: calendarDate.nullable().default(null),
  /** The channels the member agreed to; the others are recorded as refused. */
  consents: z.array(z.enum(consentChannels, 'errors.choice')).default([]),
});

export const updateMemberInput = z.object({ id, ...profileFields, joinedOn: calendarDate });

export const memberSorts = ['joined', 'name', 'updated'] as const;
const memberFilterFields = {
  tagId: id.nullable().default(null),
  source: z.enum(memberSources, 'errors.choice').nullable().default(null),
  consent: z.enum(consentChannels, 'errors.choice').nullable().default(null),
  gender: z.enum(genders, 'errors.choice').nullable().default(null),
  birthdayMonth: z.number().int().min(1, 'errors.range').max(12, 'errors.range').nullable().default(null),
  joinedFrom: calendarDate.nullable().default(null),
  joinedTo: calendarDate.nullable().default(null),
  notConfirmed: z.boolean().default(false),
  archived: z.boolean().default(false),
};
const inOrder = (f: { joinedFrom: string | null; joinedTo: string | null }) =>
  !f.joinedFrom || !f.joinedTo || f.joinedFrom <= f.joinedTo;
const rangeError = { message: 'errors.member.dateRange', path: ['joinedTo'] };
export const memberFilterInput = z.object(memberFilterFields).refine(inOrder, rangeError);
export const memberListInput = pageInput
  .extend({
    ...memberFilterFields,
    sort: z.enum(memberSorts, 'errors.choice').default('joined'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  })
  .refine(inOrder, rangeError);

export const membersChannels = {
  'members.register': channel<Member>()({ input: registerMemberInput, access: 'members.write', idempotent: true }),
  'members.update': channel<Member>()({ input: updateMemberInput, access: 'members.write', idempotent: true }),
  /** The member confirmed their details are current (定期更新). */
  'members.confirmDetails': channel<Member>()({ input: z.object({ id }), access: 'members.write', idempotent: true }),
  'members.setConsent': channel<Member>()({
    input: z.object({ id, channel: z.enum(consentChannels, 'errors.choice'), granted: z.boolean() }),
    access: 'members.write',
    idempotent: true,
  }),
  /**
   * Counter search: whole phone, 3+ digits (tail first, then start), a name fragment, pinyin or
   * its initials, a member or card number, an exact email or WeChat ID. Best matches first.
   */
  'members.search': channel<MemberSummary[]>()({
    input: z.object({
      q: z.string().trim().max(40, 'errors.tooLong'),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    access: 'members.read',
    idempotent: false,
  }),
  'members.get': channel<Member>()({ input: z.object({ id }), access: 'members.read', idempotent: false }),
  'members.list': channel<Page<MemberSummary>>()({ input: memberListInput, access: 'members.read', idempotent: false }),
  'members.timeline': channel<Page<TimelineEvent>>()({
    input: pageInput.extend({ id }),
    access: 'members.read',
    idempotent: false,
  }),
  'members.addInteraction': channel<TimelineEvent>()({
    input: z.object({
      id,
      kind: z.enum(interactionKinds, 'errors.choice'),
      body: z.string().trim().min(1, 'errors.required').max(2000, 'errors.tooLong'),
    }),
    access: 'members.write',
    idempotent: true,
  }),
  'members.bindCard': channel<Member>()({
    input: z.object({ id, cardNo }),
    access: 'members.write',
    idempotent: true,
  }),
  /** Hide from lists and search, or bring back. Restorable, so nothing is lost. */
  'members.setArchived': channel<Member>()({
    input: z.object({ id, archived: z.boolean() }),
    access: 'members.archive',
    idempotent: true,
  }),
  /**
   * Two records of one person become one: `take` lists the fields whose value comes from the merged
   * record; every other field keeps the survivor's. Everything that points at the merged record
   * moves to the survivor, and the merged record stays as a tombstone pointing at it.
   */
  'members.merge': channel<Member>()({
    input: z
      .object({ survivorId: id, mergedId: id, take: z.array(z.enum(mergeFields, 'errors.choice')).default([]) })
      .refine((v) => v.survivorId !== v.mergedId, { message: 'errors.member.mergeSelf', path: ['mergedId'] }),
    access: 'members.merge',
    idempotent: true,
  }),
  /**
   * PIPL right to deletion: personal fields are wiped for good, anonymous history stays. The owner
   * types the member number to confirm.
   */
  'members.erase': channel<Member>()({
    input: z.object({
      id,
      confirm: z.string().trim().toUpperCase().min(1, 'errors.required').max(40, 'errors.tooLong'),
    }),
    access: 'members.erase',
    idempotent: true,
  }),
  /** 挂失: the card stops opening the member; its history stays. */
  'members.reportCardLost': channel<Member>()({
    input: z.object({ id, cardId: id }),
    access: 'members.write',
    idempotent: true,
  }),
  /** 补卡: a new card replaces a lost one. */
  'members.replaceCard': channel<Member>()({
    input: z.object({ id, cardId: id, cardNo }),
    access: 'members.write',
    idempotent: true,
  }),
};
