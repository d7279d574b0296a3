import { z } from 'zod';
import { channel } from './channel.js';
import { tagNameMax, type TagInfo } from '../domain.js';
import { id, printable } from './fields.js';
import { memberFilterInput } from './members.js';

const tagName = z
  .string()
  .trim()
  .min(1, 'errors.required')
  .max(tagNameMax, 'errors.tooLong')
  .refine(printable, 'errors.badCharacters');
const color = z.enum(
  ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'],
  'errors.choice',
);

export const tagsChannels = {
  'tags.list': channel<(TagInfo & { members: number })[]>()({
    input: z.object({}),
    access: 'members.read',
    idempotent: false,
  }),
  'tags.create': channel<TagInfo>()({
    input: z.object({ name: tagName, color }),
    access: 'tags.manage',
    idempotent: true,
  }),
  'tags.update': channel<TagInfo>()({
    input: z.object({ tagId: id, name: tagName, color }),
    access: 'tags.manage',
    idempotent: true,
  }),
  /** Takes the tag off every member and removes it. */
  'tags.delete': channel<{ ok: true }>()({
    input: z.object({ tagId: id }),
    access: 'tags.manage',
    idempotent: true,
  }),
  /** Sets one member's tags to exactly this list. */
  'tags.setForMember': channel<TagInfo[]>()({
    input: z.object({ memberId: id, tagIds: z.array(id).max(50) }),
    access: 'members.write',
    idempotent: true,
  }),
  /** Bulk tagging of every member the list's filters match. */
  'tags.applyToFilter': channel<{ changed: number }>()({
    input: z.object({ tagId: id, add: z.boolean(), filter: memberFilterInput }),
    access: 'members.write',
    idempotent: true,
  }),
  /** Bulk tagging from the member list: add or remove one tag on the chosen members. */
  'tags.apply': channel<{ changed: number }>()({
    input: z.object({ tagId: id, memberIds: z.array(id).min(1).max(5000), add: z.boolean() }),
    access: 'members.write',
    idempotent: true,
  }),
};
