import type { DrawOddsLine, DrawPrize } from '../draws.js';
import { drawTotalBp } from '../draws.js';

/**
 * The pure part of the lucky draw. `pickSlot` is given its randomness (`crypto.randomInt` in the
 * main process, a fixed sequence in tests): it draws one integer in [0, 10,000) and walks the
 * cumulative weights, so a prize of 1,250 basis points is won by exactly 1,250 of the 10,000
 * possible values — no float, no modulo bias (randomInt itself is unbiased).
 */
export type RandomInt = (maxExclusive: number) => number;

export function pickSlot(weightsBp: readonly number[], random: RandomInt): number {
  const total = weightsBp.reduce((a, b) => a + b, 0);
  if (total !== drawTotalBp) throw new Error(`draw: weights add up to ${total}, not ${drawTotalBp}`);
  const r = random(drawTotalBp);
  if (!Number.isInteger(r) || r < 0 || r >= drawTotalBp) throw new Error(`draw: random value ${r} out of range`);
  let edge = 0;
  for (let i = 0; i < weightsBp.length; i++) {
    edge += weightsBp[i]!;
    if (r < edge) return i;
  }
  throw new Error('draw: unreachable');
}

export type OddsPrize = Pick<DrawPrize, 'id' | 'name' | 'kind' | 'points' | 'probabilityBp'> & {
  /** Cannot be won now: its stock (or its catalog reward's) is exhausted, or the reward is off. */
  outOfStock: boolean;
};

/**
 * The odds as the member sees them: an exhausted prize shows 0 and its chance is added to the
 * (first) "thank you" prize, or to a "thank you" line of its own when the shop set none. This is
 * exactly what a draw does: the drawn slot of an exhausted prize pays "thank you".
 */
export function effectiveOdds(prizes: readonly OddsPrize[]): DrawOddsLine[] {
  const moved = prizes.filter((p) => p.outOfStock).reduce((a, p) => a + p.probabilityBp, 0);
  const lines: DrawOddsLine[] = prizes.map((p) => ({
    prizeId: p.id,
    name: p.name,
    kind: p.kind,
    points: p.points,
    bp: p.outOfStock ? 0 : p.probabilityBp,
    outOfStock: p.outOfStock,
  }));
  if (moved === 0) return lines;
  const thanks = lines.find((l) => l.kind === 'thanks' && !l.outOfStock);
  if (thanks) thanks.bp += moved;
  else lines.push({ prizeId: null, name: '', kind: 'thanks', points: 0, bp: moved, outOfStock: false });
  return lines;
}

/** "12.5%" from 1,250 basis points: at most two decimals, trailing zeros dropped. */
export function bpToPercent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/**
 * A name for a screen customers can see: the first character and one star (王女士 → 王*,
 * Alice Wang → A*). One star whatever the length, so the mask does not tell the length either.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}*`;
}
