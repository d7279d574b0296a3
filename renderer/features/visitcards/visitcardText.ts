import type { TFunction } from 'i18next';
import type { Validity, VisitcardState } from '../../../shared/visitcards.js';

/** How long a product's cards last, in words: "90 days from sale", "valid until …", "no end date". */
export function validityText(t: TFunction, v: Validity): string {
  switch (v.kind) {
    case 'days':
      return t('visitcards.validity.days', { count: v.days });
    case 'until':
      return t('visitcards.validity.until', { day: v.until });
    case 'none':
      return t('visitcards.validity.none');
  }
}

/** A card's or product's limits in words, or the empty list when it has none. */
export function limitTexts(t: TFunction, c: { perDayLimit: number | null; weekdaysOnly: boolean }): string[] {
  const out: string[] = [];
  if (c.perDayLimit !== null) out.push(t('visitcards.limits.perDay', { limit: c.perDayLimit }));
  if (c.weekdaysOnly) out.push(t('visitcards.limits.weekdays'));
  return out;
}

export const stateColors: Record<VisitcardState, string> = {
  active: 'teal',
  usedUp: 'gray',
  expired: 'orange',
  refunded: 'red',
};
