import { purchaseFileHeaders } from '../../shared/io/purchaseFields.js';

/** 积分报表（店主视图）：积分负债、每月发放/使用/过期/扣回，消费记录和积分明细导出。 */
export const zhPointsReport = {
  title: '积分报表',
  intro: '积分负债是会员手上全部积分按每分价值折算的金额，是会计要的那个数。月份按店铺营业日划分。',
  period: '期间',
  last12: '最近 12 个月',
  year: '{{year}} 年',
  outstanding: '未使用积分',
  outstandingValue: '{{points}} 分',
  pointValue: '每分价值',
  money: '¥{{amount}}',
  liability: '积分负债',
  liabilityHint: '{{points}} 分 × ¥{{value}}',
  chartTitle: '每月积分流动',
  month: '月份',
  total: '合计',
  outstandingEnd: '月末未使用',
  flows: {
    issued: '发放',
    redeemed: '使用',
    expired: '过期',
    reversed: '扣回',
  },
  flowHints: {
    issued: '消费、签到、推荐、活动、生日、期初余额、抽奖奖励和手工增加',
    redeemed: '积分抵扣、兑换和抽奖，减去退款退回和取消兑换的',
    expired: '定期清零',
    reversed: '退款扣回、作废冲正和手工扣减',
  },
  exportPurchases: '导出消费记录',
  exportLedger: '导出积分明细',
};

export const zhPointsReportNav = { pointsReport: '积分报表' };

/** 合并到 export：消费记录和积分明细的导出窗口。 */
export const zhPointsReportExport = {
  title: { purchases: '导出消费记录', ledger: '导出积分明细' },
  intro: {
    purchases: '导出所选营业日内的全部消费记录（金额为元，两位小数），按记录先后排列。日期都不填就导出全部。',
    ledger: '导出所选营业日内的每一条积分变动（类型、积分、关联、经手人、有效期）。日期都不填就导出全部。',
  },
};

/** 合并到 import：导入消费记录。 */
export const zhPointsReportImport = {
  title: '导入会员和消费记录',
  entity: '导入内容',
  entities: { members: '会员', purchases: '消费记录' },
  purchasesHint:
    '每行一笔消费，用手机号或会员编号找到会员（会员要先导入或登记）。金额以元计；时间可只写日期。导入的历史消费不会按现在的规则送积分：只有文件里有“获得积分”列时才记入这些积分——如果会员的积分余额已作为期初积分导入，请不要映射这一列，否则会重复。',
  purchaseFields: {
    amount: purchaseFileHeaders.zh.amount,
    time: purchaseFileHeaders.zh.time,
    receiptNo: purchaseFileHeaders.zh.receiptNo,
    category: purchaseFileHeaders.zh.category,
    items: purchaseFileHeaders.zh.items,
    paymentMethod: purchaseFileHeaders.zh.paymentMethod,
    pointsEarned: purchaseFileHeaders.zh.pointsEarned,
  },
};
