import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { Page } from '../../../shared/domain.js';
import { appError, fieldError } from '../../../shared/errors.js';
import type { SurveyMemberRow } from '../../../shared/surveys.js';
import { requireStaff, type Ctx } from '../../context.js';
import { mustGetWritable } from '../members/rows.js';
import { listedPhone, shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { mustGetSurvey } from './surveys.js';

function asked(ctx: Ctx, surveyId: number) {
  return ctx.db
    .selectFrom('survey_members as sm')
    .innerJoin('members as m', 'm.id', 'sm.member_id')
    .leftJoin('staff as st', 'st.id', 'sm.recorded_by')
    .where('sm.survey_id', '=', surveyId);
}

const columns = [
  'sm.member_id',
  'm.name',
  'm.member_no',
  'm.phone',
  'sm.score',
  'sm.reason',
  'sm.responded_at',
  'st.display_name',
] as const;

const selected = (ctx: Ctx, surveyId: number) => asked(ctx, surveyId).select(columns);
type Row = Awaited<ReturnType<ReturnType<typeof selected>['executeTakeFirstOrThrow']>>;

function toRow(ctx: Ctx, r: Row): SurveyMemberRow {
  return {
    memberId: r.member_id,
    memberName: r.name,
    memberNo: r.member_no,
    phone: listedPhone(ctx, r.phone),
    score: r.score,
    reason: r.reason,
    respondedAt: r.responded_at,
    recordedByName: r.display_name,
  };
}

/** The members asked, in member order (the order staff work down the list in), a page at a time. */
export async function surveyMembers(ctx: Ctx, input: ParsedInputOf<'surveys.members'>): Promise<Page<SurveyMemberRow>> {
  const survey = await mustGetSurvey(ctx, input.surveyId);
  let q = asked(ctx, survey.id);
  if (input.responded !== null) q = q.where('sm.score', input.responded ? 'is not' : 'is', null);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select(columns)
    .orderBy('sm.member_id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { total, rows: rows.map((r) => toRow(ctx, r)) };
}

/**
 * One member's answer as staff enter it. While the survey is open a correction replaces the
 * earlier answer (the timeline keeps both events); a closed survey takes no more.
 */
export async function respondToSurvey(ctx: Ctx, input: ParsedInputOf<'surveys.respond'>): Promise<SurveyMemberRow> {
  const me = requireStaff(ctx);
  const survey = await mustGetSurvey(ctx, input.surveyId);
  if (survey.closed_at !== null) throw appError('CONFLICT', 'errors.surveys.closed');
  await mustGetWritable(ctx, input.memberId);
  const r = await ctx.db
    .updateTable('survey_members')
    .set({
      score: input.score,
      reason: input.reason,
      responded_at: ctx.nowIso,
      responded_day: shopToday(ctx),
      recorded_by: me.id,
    })
    .where('survey_id', '=', survey.id)
    .where('member_id', '=', input.memberId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw fieldError('memberId', 'errors.surveys.notAsked');
  await addEvent(
    ctx,
    input.memberId,
    'npsAnswered',
    { surveyId: survey.id, survey: survey.name, score: input.score },
    input.reason,
  );
  const row = await selected(ctx, survey.id).where('sm.member_id', '=', input.memberId).executeTakeFirstOrThrow();
  return toRow(ctx, row);
}
