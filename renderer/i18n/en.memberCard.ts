import type { Shape } from './en';
import type { zhMemberCard } from './zh.memberCard';

/** English for the printable member card (both codes hold the member number). */
export const enMemberCard: Shape<typeof zhMemberCard> = {
  open: 'Print member card',
  title: 'Print member card',
  member: 'Member',
  preview: 'Member card of {{name}}',
  hint: 'Both codes hold the member number: a scan opens the member. When printing, choose card-sized paper (85.6 × 54 mm) and actual size (100%).',
  print: 'Print',
  downloadPdf: 'Download PDF',
  failed: 'Could not make the member card. Please try again.',
};
