import type { TFunction } from 'i18next';
import type { DrawInfo } from '../../../shared/draws.js';

/** What a member got from a draw, in words: "Won 50 points", "Won the ¥10 coupon", "Thank you". */
export function describeOutcome(t: TFunction, d: DrawInfo): string {
  const text = t(`draws.outcomes.${d.outcome}`, { points: d.points, prize: d.prizeName });
  return d.fellBack ? `${d.prizeName}${t('draws.fellBack')}` : text;
}
