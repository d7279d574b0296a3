import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { drawConfig, saveDrawConfig } from './services/draws/config.js';
import { drawOnce, memberDrawStatus } from './services/draws/draw.js';
import { leaderboard } from './services/draws/leaderboard.js';
import { listDraws } from './services/draws/list.js';

type DrawsChannel = Extract<ChannelName, `draws.${string}` | `leaderboard.${string}`>;
type Handlers = { [C in DrawsChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** The lucky draw and the leaderboard: channel → service. */
export const drawsHandlers: Handlers = {
  'draws.config': drawConfig,
  'draws.saveConfig': saveDrawConfig,
  'draws.memberStatus': memberDrawStatus,
  'draws.draw': drawOnce,
  'draws.list': listDraws,
  'leaderboard.get': leaderboard,
};
