/** Membership tiers: errors, audit actions and timeline events (pages add their own files). */
export const zhTiersErrors = {
  tiers: {
    color: '颜色格式是 #RRGGBB',
    none: '至少要有一个等级',
    baseThreshold: '最低等级的门槛必须是 0',
    thresholdOrder: '门槛要比上一个等级高',
    retentionAbove: '保级成长值不能高于本等级门槛',
    nameTaken: '名称重复了',
    baseFirst: '最低等级（所有新会员所在的等级）要保持在第一行',
    notFound: '找不到这个等级',
    inUse: '还有会员在「{{name}}」，不能删除这个等级',
    reserved: '有奖品只对「{{name}}」开放，不能删除这个等级',
    untilPast: '结束日期不能早于今天',
    untilTooFar: '手动等级最长 {{months}} 个月',
    notManual: '这位会员没有手动设定的等级',
    serviceNotInTier: '「{{tier}}」不含这项服务',
    serviceUsedUp: '「{{name}}」本期 {{quantity}} 次已用完',
    serviceNothingToUndo: '本期还没有使用记录',
    undoNeedsManager: '当天以后撤销，需要店长或店主操作',
    tooMany: '最多 {{limit}} 个',
  },
};

export const zhTiersAudit = {
  tiers_save: '修改会员等级',
  tiers_setManual: '手动设定会员等级',
  tiers_endManual: '结束手动等级',
  tiers_undoService: '撤销等级服务使用',
};

export const zhTiersEvents = {
  tierChange: '等级变化：{{from}} → {{to}}',
  tierChanges: {
    upgrade: '升级为「{{to}}」（成长值 {{growth}}）',
    retained: '保级成功，保持「{{to}}」（成长值 {{growth}}，保级要求 {{retention}}）',
    downgrade: '降级：「{{from}}」→「{{to}}」（成长值 {{growth}}，保级要求 {{retention}}）',
    manualSet: '手动设定为「{{to}}」，至 {{until}}',
    manualEnd: '手动等级结束：「{{from}}」→「{{to}}」',
    manualEndAuto: '手动等级到期（{{until}}）：「{{from}}」→「{{to}}」',
    upgradeReverted: '退款后成长值不足，「{{from}}」退回「{{to}}」',
  },
  tierService: '使用等级服务「{{service}}」（{{period}}，剩 {{left}} 次）',
  tierServiceUndone: '撤销等级服务「{{service}}」的使用（{{period}}）',
};
