import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import { requireStaff, type Ctx } from './context.js';
import { writeAudit } from './services/audit.js';
import { mustGetMember } from './services/members/rows.js';
import { listActivities, markAttendee, saveActivity } from './services/points/activities.js';
import { adjustPoints, voidEntry } from './services/points/adjust.js';
import { checkIn, currentStreak } from './services/points/checkin.js';
import { listExpiring, listLedger } from './services/points/ledgerList.js';
import { loadPointsRules, savePointsRules } from './services/points/rules.js';
import { pointsReport } from './services/points/report.js';
import { pointsSummary } from './services/points/summary.js';
import { consumptionHabits } from './services/purchases/habits.js';
import { listPurchases } from './services/purchases/list.js';
import { recordPurchase } from './services/purchases/record.js';
import { refundPurchase } from './services/purchases/refund.js';

type PointsChannel = Extract<ChannelName, `points.${string}` | `purchases.${string}` | `activities.${string}`>;
type Handlers = { [C in PointsChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** Purchases, points and activities: channel → service. */
export const pointsHandlers: Handlers = {
  'purchases.record': recordPurchase,
  'purchases.refund': refundPurchase,
  'purchases.list': listPurchases,
  'purchases.habits': (ctx, input) => consumptionHabits(ctx, input.memberId),

  'points.get': async (ctx, input) => {
    await mustGetMember(ctx, input.memberId);
    const streak = await currentStreak(ctx, input.memberId);
    return { ...(await pointsSummary(ctx, input.memberId)), streak: streak.streak, checkedInToday: streak.today };
  },
  'points.ledger': listLedger,
  'points.adjust': adjustPoints,
  'points.void': voidEntry,
  'points.checkIn': checkIn,
  'points.rules': (ctx) => loadPointsRules(ctx.db),
  'points.saveRules': async (ctx, input) => {
    const me = requireStaff(ctx);
    const before = await loadPointsRules(ctx.db);
    await savePointsRules(ctx.db, input);
    const changed = Object.keys(input).filter(
      (k) => JSON.stringify(input[k as keyof typeof input]) !== JSON.stringify(before[k as keyof typeof before]),
    );
    await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'points.rulesUpdated', details: { changed } });
    return input;
  },
  'points.expiring': listExpiring,
  'points.report': pointsReport,

  'activities.list': listActivities,
  'activities.save': saveActivity,
  'activities.attend': markAttendee,
};
