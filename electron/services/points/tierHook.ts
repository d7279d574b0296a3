import type { Ctx } from '../../context.js';

/**
 * The member's tier multiplier for earning, in percent. Tiers are their own feature (a later
 * issue); until it supplies one every member earns at 100%. Purchases call this, never a constant,
 * so the tiers feature changes one function.
 */
export async function tierMultiplierPct(_ctx: Ctx, _memberId: number): Promise<number> {
  return 100;
}
