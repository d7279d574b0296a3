/** 储值：错误信息、操作日志和会员时间线的文字；页面文字在 zh.walletPages.ts 和 zh.walletTill.ts。 */
import { zhVisitcardsAll } from './zh.visitcards';
import { zhWallet } from './zh.walletPages';
import { zhTill, zhTillErrors, zhWalletExport } from './zh.walletTill';

export const zhWalletNav = {
  walletSettings: '储值设置',
  walletReport: '储值报表',
  shift: '交班',
  dayClose: '日结',
};

export const zhWalletErrors = {
  wallet: {
    notEnough: '储值余额不足（余额 ¥{{balance}}）',
    wouldGoNegative: '这样做余额会小于零：现在只有本金 ¥{{principal}}、赠金 ¥{{bonus}}（可能已经花掉了）',
    adjustZero: '本金和赠金至少调整一项',
    tooManyPackages: '充值套餐最多 20 个',
    overCap: '超出储值上限 ¥{{cap}}，本次最多还能充 ¥{{room}}',
    packageInactive: '这个充值套餐已停用或不存在，请重新选择',
    packageNotReached: '这个套餐要充满 ¥{{pay}}',
    packageNotFound: '找不到这个套餐，请刷新后再改',
    duplicatePackage: '已有一个同样充值金额的套餐',
    restNeedsMethod: '储值只付了一部分，剩下的 ¥{{rest}} 请选择付款方式',
    topupNotFound: '找不到这笔充值',
    topupVoided: '这笔充值已经作废了',
    topupSpent: '余额已不足以作废这笔充值（现有本金 ¥{{principal}}，赠金 ¥{{bonus}}），请改用退余额',
    nothingToRefund: '这位会员没有储值余额可退',
    entryNotFound: '找不到这条储值记录',
    notReversible: '只有手工调整可以冲正',
    alreadyReversed: '这条记录已经冲正过了',
    eraseHoldsBalance: '这位会员还有储值余额 ¥{{balance}}，请先退余额，再删除个人信息',
    eraseHoldsCards_one: '这位会员还有 {{count}} 张没用完的次卡，请先退卡，再删除个人信息',
    eraseHoldsCards_other: '这位会员还有 {{count}} 张没用完的次卡，请先退卡，再删除个人信息',
    eraseHoldsBoth_one:
      '这位会员还有储值余额 ¥{{balance}} 和 {{count}} 张没用完的次卡，请先退余额、退卡，再删除个人信息',
    eraseHoldsBoth_other:
      '这位会员还有储值余额 ¥{{balance}} 和 {{count}} 张没用完的次卡，请先退余额、退卡，再删除个人信息',
  },
};

export const zhWalletAudit = {
  wallet_topupVoided: '作废储值充值',
  wallet_refunded: '退储值余额',
  wallet_adjusted: '手工调整储值',
  wallet_reversed: '冲正储值调整',
  wallet_settingsSaved: '修改储值设置',
  wallet_packagesSaved: '修改充值套餐',
};

export const zhWalletEvents = {
  walletTopup: '储值充值 ¥{{paid}}（{{methodName}}），赠金 ¥{{bonus}}，赠积分 {{bonusPoints}}',
  walletTopupVoided: '作废充值 #{{topupId}}：扣回本金 ¥{{paid}}、赠金 ¥{{bonus}}、积分 {{points}}',
  walletPayout: '退余额 ¥{{payout}}（{{methodName}}）：本金 ¥{{principal}}，手续费 ¥{{fee}}，赠金 ¥{{bonus}} 作废',
  walletAdjusted: '手工调整储值：本金 {{principal}} 元，赠金 {{bonus}} 元',
  walletReversed: '冲正储值调整 #{{reversed}}：本金 {{principal}} 元，赠金 {{bonus}} 元',
  refundStoredValue: '退回储值：本金 ¥{{principal}}，赠金 ¥{{bonus}}',
};

/** Everything above, as zh.ts / en.ts merge it: the pages at the top level, the rest into their sections. */
export const zhWalletAll = {
  pages: { wallet: zhWallet, till: zhTill, ...zhVisitcardsAll.pages },
  nav: { ...zhWalletNav, ...zhVisitcardsAll.nav },
  export: zhWalletExport,
  errors: { ...zhWalletErrors, ...zhVisitcardsAll.errors, ...zhTillErrors },
  events: { ...zhWalletEvents, ...zhVisitcardsAll.events },
};
