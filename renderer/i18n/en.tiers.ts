/** Membership tiers: errors, audit actions and timeline events (pages add their own files). */
export const enTiersErrors = {
  tiers: {
    color: 'A colour is written #RRGGBB',
    none: 'There must be at least one tier',
    baseThreshold: 'The lowest tier’s threshold must be 0',
    thresholdOrder: 'The threshold must be higher than the tier below',
    retentionAbove: 'Retention cannot be higher than the tier’s threshold',
    nameTaken: 'This name is used twice',
    baseFirst: 'The base tier (where every new member starts) stays in the first row',
    notFound: 'No such tier',
    inUse: 'Members are still in “{{name}}”: the tier cannot be removed',
    reserved: 'A reward is reserved for “{{name}}”: the tier cannot be removed',
    untilPast: 'The end date cannot be before today',
    untilTooFar: 'A manual tier lasts at most {{months}} months',
    notManual: 'This member has no manual tier',
    serviceNotInTier: '“{{tier}}” does not include this service',
    serviceUsedUp: '“{{name}}”: all {{quantity}} uses of this period are used',
    serviceNothingToUndo: 'Nothing used in this period',
    undoNeedsManager: 'Undoing after the day needs a manager or the owner',
    tooMany: 'At most {{limit}}',
  },
};

export const enTiersAudit = {
  tiers_save: 'Changed membership tiers',
  tiers_setManual: 'Set a member’s tier by hand',
  tiers_endManual: 'Ended a manual tier',
  tiers_undoService: 'Undid a tier service use',
};

export const enTiersEvents = {
  tierChange: 'Tier changed: {{from}} → {{to}}',
  tierChanges: {
    upgrade: 'Upgraded to “{{to}}” (growth {{growth}})',
    retained: 'Kept “{{to}}” at the review (growth {{growth}}, needed {{retention}})',
    downgrade: 'Down from “{{from}}” to “{{to}}” at the review (growth {{growth}}, needed {{retention}})',
    manualSet: 'Set to “{{to}}” by hand until {{until}}',
    manualEnd: 'Manual tier ended: “{{from}}” → “{{to}}”',
    manualEndAuto: 'Manual tier ran out ({{until}}): “{{from}}” → “{{to}}”',
    upgradeReverted: 'A refund took back the growth: “{{from}}” back to “{{to}}”',
  },
  tierService: 'Used the tier service “{{service}}” ({{period}}, {{left}} left)',
  tierServiceUndone: 'Undid a use of “{{service}}” ({{period}})',
};
