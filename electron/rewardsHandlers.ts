import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { listOffers, listRewards, saveReward } from './services/rewards/catalog.js';
import { useCode } from './services/rewards/codes.js';
import { cancelRedemption, redeemReward } from './services/rewards/redeem.js';
import { listRedemptions, redemptionByCode } from './services/rewards/view.js';

type RewardsChannel = Extract<ChannelName, `rewards.${string}`>;
type Handlers = { [C in RewardsChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** The rewards catalog, redemptions and codes: channel → service. */
export const rewardsHandlers: Handlers = {
  'rewards.list': listRewards,
  'rewards.save': saveReward,
  'rewards.offers': listOffers,
  'rewards.redeem': redeemReward,
  'rewards.cancel': cancelRedemption,
  'rewards.redemptions': listRedemptions,
  'rewards.lookupCode': (ctx, input) => redemptionByCode(ctx, input.code),
  'rewards.useCode': useCode,
};
