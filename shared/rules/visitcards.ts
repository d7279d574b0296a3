import type { Validity, VisitcardState } from '../visitcards.js';
import { addDays } from './earning.js';

/**
 * Count-card (次卡) rules on shop days. Every "day" here is a business day (YYYY-MM-DD) as
 * `businessDay` gives it — the shop's time zone with its day-start hour applied — so a card used at
 * 01:30 in a bar that opens until 3 a.m. counts on the evening it belongs to, for expiry, the
 * weekdays-only rule and the per-day limit alike.
 */

/**
 * The last shop day a card sold on `soldDay` may be used; null: no end. N days of validity means
 * the sale day and the N following days (decision: a 30-day card sold on 1 March is usable to
 * 31 March inclusive).
 */
export function expiresOn(validity: Validity, soldDay: string): string | null {
  switch (validity.kind) {
    case 'days':
      return addDays(soldDay, validity.days);
    case 'until':
      return validity.until;
    case 'none':
      return null;
  }
}

/** Day of the week of a YYYY-MM-DD shop day: 0 Sunday … 6 Saturday (the calendar's, no time zone). */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** A card's last usable day has passed (the last day itself is still usable). */
export function isExpired(expires: string | null, today: string): boolean {
  return expires !== null && today > expires;
}

/** What `usableOn` and `cardState` need of a card. */
export interface CardTerms {
  refunded: boolean;
  usesLeft: number;
  expiresOn: string | null;
  weekdaysOnly: boolean;
  perDayLimit: number | null;
}

/** Why a visit cannot be deducted now; the message key under `errors.visitcards.` and its params. */
export type UseBlock =
  | { key: 'refunded' }
  | { key: 'usedUp' }
  | { key: 'expired'; params: { day: string } }
  | { key: 'weekdaysOnly' }
  | { key: 'dailyLimit'; params: { limit: number } };

/**
 * Whether one more visit may be deducted on shop day `today`, given the visits already deducted
 * (and not undone) on that day. Null: it may. Checked in this order, so the clerk hears the reason
 * that lasts (refunded, used up, expired) before one that passes (the weekend, today's limit).
 */
export function usableOn(card: CardTerms, today: string, usedToday: number): UseBlock | null {
  if (card.refunded) return { key: 'refunded' };
  if (card.usesLeft <= 0) return { key: 'usedUp' };
  if (isExpired(card.expiresOn, today)) return { key: 'expired', params: { day: card.expiresOn! } };
  if (card.weekdaysOnly && isWeekend(today)) return { key: 'weekdaysOnly' };
  if (card.perDayLimit !== null && usedToday >= card.perDayLimit)
    return { key: 'dailyLimit', params: { limit: card.perDayLimit } };
  return null;
}

/** The card's state on shop day `today`, for lists (a weekend or today's limit does not end it). */
export function cardState(card: Pick<CardTerms, 'refunded' | 'usesLeft' | 'expiresOn'>, today: string): VisitcardState {
  if (card.refunded) return 'refunded';
  if (card.usesLeft <= 0) return 'usedUp';
  if (isExpired(card.expiresOn, today)) return 'expired';
  return 'active';
}
