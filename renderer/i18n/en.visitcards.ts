import type { Shape } from './en';
import { enVisitcards } from './en.visitcardsPages';
import type { zhVisitcardsAudit, zhVisitcardsErrors, zhVisitcardsEvents, zhVisitcardsNav } from './zh.visitcards';

export const enVisitcardsNav: Shape<typeof zhVisitcardsNav> = {
  visitcardProducts: 'Count card products',
  visitcardsExpiring: 'Cards expiring',
};

export const enVisitcardsErrors: Shape<typeof zhVisitcardsErrors> = {
  visitcards: {
    notFound: 'Count card not found',
    productNotFound: 'Count card product not found',
    productInactive: 'This count card product is no longer sold',
    productEnded: "This product's end date {{day}} has passed; edit the product first",
    untilPast: 'The end date cannot be before today',
    duplicateService: 'This service is listed twice',
    refunded: 'This count card has been refunded',
    usedUp: 'This count card has no visits left',
    expired: 'This count card expired on {{day}}',
    weekdaysOnly: 'This count card can be used Monday to Friday only',
    dailyLimit: "Today's visits on this count card are used up (limit: {{limit}} a day)",
    badService: 'This card does not cover that service (it covers: {{services}})',
    useNotFound: 'Visit record not found',
    notAUse: 'Only a deducted visit can be undone',
    alreadyUndone: 'This visit has already been undone',
    undoOldNeedsManager: "Only today's visits can be undone here; a visit of {{day}} needs a manager or the owner",
    nothingToRefund: 'This count card has no visits left to refund',
  },
};

export const enVisitcardsAudit: Shape<typeof zhVisitcardsAudit> = {
  visitcards_productSaved: 'Count card product saved',
  visitcards_refunded: 'Count card refunded',
};

export const enVisitcardsEvents: Shape<typeof zhVisitcardsEvents> = {
  visitcardSold: 'Bought count card "{{name}}" (visits: {{uses}}) for ¥{{price}} ({{methodName}})',
  visitcardUsed: 'Used 1 visit of count card "{{name}}" ({{service}}), {{usesLeft}} left',
  visitcardUseUndone: 'Undid a visit of count card "{{name}}" ({{service}}), {{usesLeft}} left',
  visitcardRefunded:
    'Count card "{{name}}" refunded ({{unused}} unused): ¥{{refund}} back ({{methodName}}), fee ¥{{fee}}',
};

export const enVisitcardsAll = {
  pages: { visitcards: enVisitcards },
  nav: enVisitcardsNav,
  errors: enVisitcardsErrors,
  events: enVisitcardsEvents,
};
