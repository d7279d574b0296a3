import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { respondToSurvey, surveyMembers } from './services/surveys/answers.js';
import { closeSurvey, createSurvey, listSurveys } from './services/surveys/surveys.js';

type SurveysChannel = Extract<ChannelName, `surveys.${string}`>;
type Handlers = { [C in SurveysChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** NPS surveys: a set of members from the list's filter, their answers as they come in, the figures. */
export const surveysHandlers: Handlers = {
  'surveys.create': createSurvey,
  'surveys.list': (ctx) => listSurveys(ctx),
  'surveys.members': surveyMembers,
  'surveys.respond': respondToSurvey,
  'surveys.close': closeSurvey,
};
