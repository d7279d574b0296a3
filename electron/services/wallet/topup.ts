import type { Selectable } from 'kysely';
import type { WalletTopupsTable } from '../../../db/schema.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { formatFen } from '../../../shared/rules/money.js';
import type { TillMethod, TopupInfo, TopupResult } from '../../../shared/wallet.js';
import { requireStaff, type Ctx } from '../../context.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { credit } from '../points/ledger.js';
import { loadPointsRules } from '../points/rules.js';
import { pointsSummary } from '../points/summary.js';
import { addEvent } from '../timeline.js';
import { ensureTerms, packageFor } from './config.js';
import { balanceOf, post, setEntryRef } from './ledger.js';
import { loadWalletSettings } from './settings.js';
import { walletSummary } from './summary.js';

export type TopupRow = Selectable<WalletTopupsTable>;

export function toTopupInfo(r: TopupRow, staffName: string | null): TopupInfo {
  return {
    id: r.id,
    memberId: r.member_id,
    paidFen: r.paid_fen,
    bonusFen: r.bonus_fen,
    bonusPoints: r.bonus_points,
    paymentMethod: r.payment_method as TillMethod,
    voided: r.voided_at !== null,
    staffName,
    at: r.at,
    day: r.day,
  };
}

export interface TopupInput {
  memberId: number;
  paidFen: number;
  paymentMethod: TillMethod;
  packageId: number | null;
}

/**
 * A top-up at the counter (储值充值), in one transaction: the money paid becomes principal, the
 * package's bonus (flat, when the amount reaches the package) becomes bonus, its bonus points a
 * points lot usable at once. The principal a member holds may not pass the shop's cap (by law
 * ¥5,000 by default); the bonus does not count toward it. The top-up names the terms the member
 * was shown, which the slip prints. A routine counter act like a sale: on the timeline, not audited.
 */
export async function topup(ctx: Ctx, input: TopupInput): Promise<TopupResult> {
  const me = requireStaff(ctx);
  const member = await mustGetWritable(ctx, input.memberId);
  if (member.archived_at !== null) throw appError('CONFLICT', 'errors.purchase.memberArchived');
  const settings = await loadWalletSettings(ctx.db);
  const pkg = input.packageId === null ? null : await packageFor(ctx, input.packageId, input.paidFen);
  const before = await balanceOf(ctx, member.id);
  if (before.principalFen + input.paidFen > settings.capFen)
    throw fieldError('paidFen', 'errors.wallet.overCap', {
      cap: formatFen(settings.capFen),
      room: formatFen(Math.max(0, settings.capFen - before.principalFen)),
    });
  const bonusFen = pkg?.bonusFen ?? 0;
  const bonusPoints = pkg?.bonusPoints ?? 0;
  const termsId = await ensureTerms(ctx, settings.terms);
  const entryId = await post(
    ctx,
    { memberId: member.id, kind: 'topup', refType: 'topup' },
    { principalFen: input.paidFen, bonusFen },
  );
  let row = await ctx.db
    .insertInto('wallet_topups')
    .values({
      member_id: member.id,
      paid_fen: input.paidFen,
      bonus_fen: bonusFen,
      bonus_points: bonusPoints,
      package_id: pkg?.id ?? null,
      payment_method: input.paymentMethod,
      terms_id: termsId,
      entry_id: entryId,
      request_id: ctx.requestId,
      staff_id: me.id,
      at: ctx.nowIso,
      day: shopToday(ctx),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await setEntryRef(ctx, entryId, row.id);
  let points = null;
  if (bonusPoints > 0) {
    const rules = await loadPointsRules(ctx.db);
    const ref = { memberId: member.id, kind: 'topupBonus' as const, refType: 'topup', refId: row.id };
    const pointsEntryId = await credit(ctx, rules, ref, bonusPoints, { freeze: false });
    row = await ctx.db
      .updateTable('wallet_topups')
      .set({ points_entry_id: pointsEntryId })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    points = await pointsSummary(ctx, member.id);
  }
  await addEvent(ctx, member.id, 'walletTopup', {
    topupId: row.id,
    paidFen: input.paidFen,
    bonusFen,
    bonusPoints,
    method: input.paymentMethod,
  });
  return {
    topup: toTopupInfo(row, me.display_name),
    summary: await walletSummary(ctx, member.id),
    terms: settings.terms,
    points,
  };
}
