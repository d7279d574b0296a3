import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { shopToday } from './services/members/view.js';
import { saveTiersConfig, tiersConfig } from './services/tiers/config.js';
import { endManualByOwner, setManualTier } from './services/tiers/manual.js';
import { atRisk, tierChanges, tierDistribution } from './services/tiers/reports.js';
import { sweepSoon } from './services/tiers/review.js';
import { forgetTierBook } from './services/tiers/state.js';
import { undoService, useService } from './services/tiers/services.js';
import { memberTier, tierHistory } from './services/tiers/view.js';

type TiersChannel = Extract<ChannelName, `tiers.${string}`>;
type Handlers = { [C in TiersChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** Membership tiers: the table, a member's tier, manual tiers, free services, reports. */
export const tiersHandlers: Handlers = {
  'tiers.config': (ctx) => tiersConfig(ctx),
  'tiers.save': async (ctx, input) => {
    await saveTiersConfig(ctx, input);
    const today = shopToday(ctx);
    ctx.afterCommit(() => {
      forgetTierBook(ctx);
      sweepSoon(ctx.backend, today);
    });
    return tiersConfig(ctx);
  },
  'tiers.member': (ctx, input) => memberTier(ctx, input.memberId),
  'tiers.setManual': async (ctx, input) => {
    await setManualTier(ctx, input);
    return memberTier(ctx, input.memberId);
  },
  'tiers.endManual': async (ctx, input) => {
    await endManualByOwner(ctx, input);
    return memberTier(ctx, input.memberId);
  },
  'tiers.useService': async (ctx, input) => {
    await useService(ctx, input);
    return memberTier(ctx, input.memberId);
  },
  'tiers.undoService': async (ctx, input) => {
    await undoService(ctx, input);
    return memberTier(ctx, input.memberId);
  },
  'tiers.atRisk': atRisk,
  'tiers.changes': tierChanges,
  'tiers.history': (ctx, input) => tierHistory(ctx, input.memberId),
  'tiers.distribution': (ctx) => tierDistribution(ctx),
};
