import { tillFigureNames, walletReportItemNames } from '../../shared/io/walletFields.js';
/** 交班、日结和储值报表的页面，以及它们的导出。表头和分组的文字与导出文件一致（shared/io/walletFields.ts）。 */
export const zhTill = {
  money: '¥{{amount}}',
  times: '{{count}} 笔',
  staff: '员工',
  method: '支付方式',
  total: '合计',
  figures: tillFigureNames.zh,
  figureHints: {
    topupFen: '收到的充值款（不含赠金）',
    bonusFen: '送出的赠金；作废充值收回的赠金已扣除',
    cardSalesFen: '次卡售价，含用储值购买的次卡',
    refundsFen:
      '退出去的钱：退余额付出的金额、作废充值退回的本金、以现金等方式退的次卡款（退回储值的次卡款不算，已在储值消费中扣除）',
    storedValueSpentFen: '用储值支付的消费和次卡，扣除退款退回储值的部分',
    netFen: '充值 + 次卡销售 − 退款，只含储值和次卡；普通消费在收银台结算，不在此列；储值支付不是现金，不计入',
  },
  nothing: '这段时间没有充值、次卡或储值收支。',
  tillNote: '这里只有储值和次卡的收支；普通消费在收银台结算，不计入这里。',
  printSlip: '打印此单',
  closes: {
    shift: '交班',
    day: '日结',
    kind: '类型',
    at: '时间',
    range: '时段',
    by: '操作人',
    rangeValue: '{{from}} – {{to}}',
    export: '导出此记录',
  },
  shift: {
    title: '交班',
    intro:
      '本班从上次交班（或今天营业开始）算起到现在，只含您本人经手的充值、次卡、退款和储值消费。交班后记录本班合计并打印交班单，下一班从交班时刻开始。',
    since: '本班开始于 {{from}}',
    refresh: '刷新',
    close: '交班',
    confirmTitle: '确认交班',
    confirmBody: '将记录本班截至现在的合计（储值/次卡实收 {{net}}），并可打印交班单。之后的收支计入下一班。',
    confirm: '确认交班',
    closed: '已交班，本班储值/次卡实收 {{net}}',
    today: '今天的交班记录',
    noneToday: '今天还没有交班记录',
    slipTitle: '交班单',
  },
  day: {
    title: '日结',
    intro:
      '一个营业日所有员工的充值、赠金、次卡销售、退款和储值消费，按员工和支付方式合计。合计随时按当日记录计算；日结会记录当时的合计，可打印、可导出。',
    day: '营业日',
    today: '今天',
    yesterday: '昨天',
    byStaff: '按员工和支付方式',
    byMethod: '按支付方式',
    closedAt: '已于 {{at}} 由 {{name}} 日结',
    notClosed: '本营业日尚未日结',
    changed: '日结之后又有收支变动，当前合计与日结记录不同。需要时可以再次日结。',
    close: '日结',
    closeAgain: '再次日结',
    confirmTitle: '确认日结',
    confirmBody: '将记录 {{day}} 的合计（储值/次卡实收 {{net}}）并写入操作日志。',
    confirm: '确认日结',
    closed: '已日结 {{day}}',
    export: '导出日结',
    records: '本营业日的交班和日结记录',
    noRecords: '本营业日还没有交班或日结记录',
    slipTitle: '日结单',
    slipDay: '营业日',
  },
  slip: {
    staff: '员工',
    from: '开始',
    to: '截至',
    closedBy: '操作人',
    total: '储值和次卡实收合计',
    storedValue: '储值消费合计',
    footer: '本单只含储值和次卡的收支；普通消费在收银台结算，不在本单。',
    handedOver: '交班人',
    takenOver: '接班人',
    dayClosedBy: '日结人',
    owner: '店主',
  },
  report: {
    title: '储值报表',
    intro:
      '未消费的储值（本金和赠金分开，是店铺对会员的负债）和有效次卡的剩余次数按现在计算；其余按所选营业日统计，口径与日结相同：充值按收到的全额计，作废的充值退回的本金计入退款（其赠金从赠金中扣回）；退款是退出去的钱（退余额、作废充值、以现金等方式退的次卡款），退回储值的次卡款不算。',
    from: '开始日期',
    to: '结束日期',
    thisMonth: '本月',
    lastMonth: '上月',
    last90: '最近 90 天',
    ...walletReportItemNames.zh,
    periodValue: '{{from}} ~ {{to}}',
    now: '当前',
    cards: '{{count}} 张',
    visits: '{{count}} 次',
    unusedValue: '按比例价值 {{amount}}',
    daily: '每日充值与储值消费',
    dailyTitle: '每日',
    summary: '概况',
    byStaff: '按员工',
    byMethodTitle: '按支付方式',
    byMethodChart: '各支付方式储值/次卡实收',
    byProduct: '各次卡项目',
    product: '次卡项目',
    sold: '售出张数',
    soldFen: '销售额',
    uses: '使用次数',
    unusedVisits: '未用次数',
    noProducts: '这段时间没有次卡的销售或使用。',
    export: '导出报表',
  },
};

/** 日结写入操作日志的名称（由主管合并到 audit.actions）。 */
export const zhTillAudit = {
  wallet_dayClosed: '日结',
};

export const zhWalletExport = {
  title: {
    walletReport: '导出储值报表',
    tillClose: '导出日结',
    tillShiftRecord: '导出交班记录',
    tillDayRecord: '导出日结记录',
  },
  intro: {
    walletReport: '导出这段营业日的储值与次卡报表：未消费余额（本金、赠金分列）、每日、按员工和支付方式、各次卡项目。',
    tillClose:
      '导出这一营业日的日结：每位员工按支付方式的充值、赠金、次卡销售、退款和储值消费合计（只含储值和次卡，普通消费在收银台结算）。',
    tillShiftRecord: '导出这次交班记录的合计，与交班单上打印的一致：按支付方式的充值、赠金、次卡销售、退款和储值消费。',
    tillDayRecord: '导出这次日结记录的合计，与日结单上打印的一致：每位员工按支付方式、按支付方式和全天合计。',
  },
};

/** 交班和日结的错误（由 zh.wallet.ts 合并到 errors）。 */
export const zhTillErrors = {
  till: { closeNotFound: '找不到这条交班或日结记录' },
};
