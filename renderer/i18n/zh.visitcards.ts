/** 次卡：错误信息、操作日志和会员时间线的文字；页面文字在 zh.visitcardsPages.ts。 */
import { zhVisitcards } from './zh.visitcardsPages';

export const zhVisitcardsNav = {
  visitcardProducts: '次卡项目',
  visitcardsExpiring: '次卡到期',
};

export const zhVisitcardsErrors = {
  visitcards: {
    notFound: '找不到这张次卡',
    productNotFound: '找不到这个次卡项目',
    productInactive: '这个次卡项目已停售',
    productEnded: '这个次卡项目的截止日期 {{day}} 已过，请先修改项目',
    untilPast: '截止日期不能早于今天',
    duplicateService: '服务项目重复',
    refunded: '这张次卡已退卡',
    usedUp: '这张次卡的次数已用完',
    expired: '这张次卡已于 {{day}} 到期',
    weekdaysOnly: '这张次卡仅限周一至周五使用',
    dailyLimit: '这张次卡每天最多使用 {{limit}} 次，今天已用满',
    badService: '这张次卡不含此服务（可用：{{services}}）',
    useNotFound: '找不到这条使用记录',
    notAUse: '只能撤销扣次记录',
    alreadyUndone: '这次使用已经撤销过了',
    undoOldNeedsManager: '只能撤销今天的使用；{{day}} 的使用需由店长或老板撤销',
    nothingToRefund: '这张次卡没有剩余次数，无可退金额',
  },
};

export const zhVisitcardsAudit = {
  visitcards_productSaved: '保存次卡项目',
  visitcards_refunded: '次卡退卡',
};

export const zhVisitcardsEvents = {
  visitcardSold: '购买次卡「{{name}}」{{uses}} 次，¥{{price}}（{{methodName}}）',
  visitcardUsed: '次卡「{{name}}」使用 1 次（{{service}}），剩余 {{usesLeft}} 次',
  visitcardUseUndone: '撤销次卡「{{name}}」的一次使用（{{service}}），剩余 {{usesLeft}} 次',
  visitcardRefunded: '次卡「{{name}}」退卡：未使用 {{unused}} 次，退款 ¥{{refund}}（{{methodName}}），手续费 ¥{{fee}}',
};

export const zhVisitcardsAll = {
  pages: { visitcards: zhVisitcards },
  nav: zhVisitcardsNav,
  errors: zhVisitcardsErrors,
  events: zhVisitcardsEvents,
};
