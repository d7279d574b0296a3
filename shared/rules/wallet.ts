import type { Balance, DrawOrder } from '../wallet.js';

/**
 * The parts a stored-value spend of `amountFen` takes from a balance that covers it. Bonus first
 * empties the bonus before touching the principal. Proportional takes the bonus share rounded up,
 * so any odd fen comes out of the gift and the member's refundable principal is never the loser.
 */
export function splitSpend(balance: Balance, amountFen: number, order: DrawOrder): Balance {
  const total = balance.principalFen + balance.bonusFen;
  if (amountFen > total) throw new RangeError('stored value does not cover the amount');
  if (amountFen === 0 || total === 0) return { principalFen: 0, bonusFen: 0 };
  const bonusFen =
    order === 'bonusFirst'
      ? Math.min(balance.bonusFen, amountFen)
      : Number((BigInt(amountFen) * BigInt(balance.bonusFen) + BigInt(total) - 1n) / BigInt(total));
  return { principalFen: amountFen - bonusFen, bonusFen };
}

/**
 * The share of `part` due after refunding `doneAfter` of `whole`, less what earlier refunds gave:
 * figured on the running total, so partial refunds never return more than was taken and the last
 * one returns exactly the rest.
 */
export function runningShare(part: number, whole: number, doneAfter: number, givenBefore: number): number {
  if (doneAfter >= whole) return part - givenBefore;
  return Math.max(0, Number((BigInt(part) * BigInt(doneAfter)) / BigInt(whole)) - givenBefore);
}

/** The fee the terms allow on a refund, rounded down: a fen in doubt stays with the member. */
export function refundFee(amountFen: number, feePct: number): number {
  return Math.floor((amountFen * feePct) / 100);
}

/** The pro-rata value of a count card's unused visits, rounded down: price × unused / total. */
export function unusedValue(priceFen: number, usesTotal: number, unused: number): number {
  return Number((BigInt(priceFen) * BigInt(unused)) / BigInt(usesTotal));
}
