import { sql } from 'kysely';
import type { ParsedInputOf } from '../../../shared/contract/index.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { npsFigures, percentOf } from '../../../shared/rules/complaints.js';
import { maxSurveyMembers, type SurveyInfo } from '../../../shared/surveys.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { filteredMembers } from '../members/list.js';

/**
 * Surveys with their figures, counted in SQL: a survey may ask a hundred thousand members, and
 * the list should not read every score to count three groups.
 */
function withFigures(ctx: Ctx) {
  return ctx.db
    .selectFrom('surveys as s')
    .leftJoin('staff as st', 'st.id', 's.created_by')
    .leftJoin('survey_members as sm', 'sm.survey_id', 's.id')
    .groupBy('s.id')
    .select((eb) => [
      's.id',
      's.name',
      's.filter_note',
      's.created_at',
      's.closed_at',
      'st.display_name',
      eb.fn.count<number>('sm.member_id').as('invited'),
      sql<number>`coalesce(sum(sm.score >= 9), 0)`.as('promoters'),
      sql<number>`coalesce(sum(sm.score between 7 and 8), 0)`.as('passives'),
      sql<number>`coalesce(sum(sm.score <= 6), 0)`.as('detractors'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof withFigures>['executeTakeFirstOrThrow']>>;

function toInfo(r: Row): SurveyInfo {
  const figures = npsFigures(Number(r.promoters), Number(r.passives), Number(r.detractors));
  const invited = Number(r.invited);
  return {
    id: r.id,
    name: r.name,
    filterNote: r.filter_note,
    createdAt: r.created_at,
    createdByName: r.display_name,
    closedAt: r.closed_at,
    invited,
    responded: figures.responses,
    responsePct: percentOf(figures.responses, invited),
    figures,
  };
}

export async function getSurvey(ctx: Ctx, id: number): Promise<SurveyInfo> {
  const row = await withFigures(ctx).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.surveys.notFound');
  return toInfo(row);
}

/** Newest first; the shop runs a few surveys a year, so the list is not paged. */
export async function listSurveys(ctx: Ctx): Promise<SurveyInfo[]> {
  const rows = await withFigures(ctx).orderBy('s.id', 'desc').execute();
  return rows.map(toInfo);
}

/**
 * Asks the members the list shows with `filter`, archived ones left out (they have left the
 * shop). One INSERT … SELECT of at most `maxSurveyMembers` (+1 to tell a set that is too large).
 */
export async function createSurvey(ctx: Ctx, input: ParsedInputOf<'surveys.create'>): Promise<SurveyInfo> {
  const me = requireStaff(ctx);
  const { id } = await ctx.db
    .insertInto('surveys')
    .values({ name: input.name, filter_note: input.filterNote, created_by: me.id, created_at: ctx.nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  const asked = filteredMembers(ctx, input.filter)
    .where('m.archived_at', 'is', null)
    .select((eb) => [eb.lit(id).as('survey_id'), 'm.id as member_id'])
    // One more than allowed is enough to know the set is too large, without reading all of it.
    .limit(maxSurveyMembers + 1);
  const r = await ctx.db
    .insertInto('survey_members')
    .columns(['survey_id', 'member_id'])
    .expression(asked)
    .executeTakeFirstOrThrow();
  const invited = Number(r.numInsertedOrUpdatedRows ?? 0);
  // Throwing rolls back the survey row written above.
  if (invited === 0) throw fieldError('filter', 'errors.surveys.noMembers');
  if (invited > maxSurveyMembers) throw fieldError('filter', 'errors.surveys.tooMany', { max: maxSurveyMembers });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'surveys.created',
    details: { surveyId: id, name: input.name, invited },
  });
  return getSurvey(ctx, id);
}

export async function mustGetSurvey(ctx: Ctx, id: number) {
  const row = await ctx.db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', 'errors.surveys.notFound');
  return row;
}

/** No more answers are taken; the figures stay as they are. */
export async function closeSurvey(ctx: Ctx, input: ParsedInputOf<'surveys.close'>): Promise<SurveyInfo> {
  const me = requireStaff(ctx);
  const survey = await mustGetSurvey(ctx, input.surveyId);
  if (survey.closed_at !== null) throw appError('CONFLICT', 'errors.surveys.closed');
  await ctx.db.updateTable('surveys').set({ closed_at: ctx.nowIso }).where('id', '=', survey.id).execute();
  const info = await getSurvey(ctx, survey.id);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'surveys.closed',
    details: { surveyId: survey.id, invited: info.invited, responded: info.responded },
  });
  return info;
}
