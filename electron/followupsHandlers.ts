import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { createFollowup, reassignFollowup, recordFollowup } from './services/followups/manage.js';
import { listFollowups } from './services/followups/view.js';

type FollowupsChannel = Extract<ChannelName, `followups.${string}`>;
type Handlers = { [C in FollowupsChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** Follow-up visits (回访): tasks made by hand or after a complaint, their outcome, reassignment. */
export const followupsHandlers: Handlers = {
  'followups.create': createFollowup,
  'followups.list': listFollowups,
  'followups.record': recordFollowup,
  'followups.reassign': reassignFollowup,
};
