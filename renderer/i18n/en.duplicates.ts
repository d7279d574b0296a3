import type { Shape } from './en';
import type { zhDuplicates } from './zh.duplicates';

/** English for the duplicate review queue and merging. */
export const enDuplicates: Shape<typeof zhDuplicates> = {
  title: 'Possible duplicates',
  intro:
    'One phone number can never be registered twice. These members may still be one person: same name and birthday, same name and a phone one digit apart, one’s phone is the other’s second phone, or the same email or WeChat ID. Check them, then merge or mark them as different people.',
  total: '{{count}} pairs to review',
  empty: 'No possible duplicates to review.',
  scan: 'Check all members',
  scanned_one: 'Check finished: {{count}} new possible duplicate',
  scanned_other: 'Check finished: {{count}} new possible duplicates',
  scanIntro:
    'Checks every member in batches and puts possible duplicates in the review queue. The counter keeps working meanwhile, and you can stop at any time.',
  scanStart: 'Start',
  scanStop: 'Stop',
  scanProgress_one: '{{scanned}} of {{total}} checked, {{count}} new pair found',
  scanProgress_other: '{{scanned}} of {{total}} checked, {{count}} new pairs found',
  scanStopped_one: 'Check stopped: {{count}} new possible duplicate',
  scanStopped_other: 'Check stopped: {{count}} new possible duplicates',
  reasons: {
    nameBirthday: 'Same name and birthday',
    namePhone: 'Same name, phone one digit apart',
    phone2: 'Phone is the other’s second phone',
    email: 'Same email',
    wechat: 'Same WeChat ID',
  },
  memberLabel: '{{name}} ({{no}})',
  reason: 'Why',
  memberA: 'Member A',
  memberB: 'Member B',
  foundAt: 'Found',
  compare: 'Compare and merge',
  dismiss: 'Not the same person',
  dismissed: 'Marked as different people',
  mergeTitle: 'Merge members',
  mergeIntro:
    'Choose which record stays (its member number stays in use), then choose the value to keep for each field. The other record’s interactions, cards, tags and consent history move to the member who stays; the record itself remains as history pointing to them.',
  keep: 'Keep this record',
  field: 'Field',
  same: 'Same',
  bothKept: 'All kept',
  cardItem: '{{no}} ({{status}})',
  cardKept:
    'If both have a card in use, the card of the record that stays remains in use and the other is ended (its history kept).',
  phoneKept:
    'The phone number not chosen is kept as the second phone (when that is empty). Both records as they were before the merge are kept on file.',
  mergeButton: 'Merge',
  confirmTitle: 'Confirm the merge',
  confirmBody: 'Merge {{merged}} into {{survivor}}? A merge cannot be undone.',
  merged: 'Merged into member {{no}}',
  notMergeable: 'One of these members was already merged or erased and cannot be merged.',
  mergeWith: 'Merge a duplicate…',
  mergeWithTitle: 'Merge with another member',
  mergeWithHint: 'Find the other record (phone, name, pinyin or member number), then compare them field by field.',
  otherMember: 'Other member',
  next: 'Compare',
};
