import type { PaymentMethod } from '../points.js';
import type { tillFigures } from '../rules/till.js';

type Language = 'zh' | 'en';
export type TillFigure = (typeof tillFigures)[number];

/**
 * The words of the day-close and stored-value report files, which the main process writes without
 * the renderer's i18n. Each is exactly the screen's word (renderer/i18n zh|en.walletTill `till.*`,
 * zh|en.points `paymentMethods`; tests/unit/tillFields.test.ts holds them equal), so a file
 * reads as the page does.
 */
export const tillMethodNames: Record<Language, Record<PaymentMethod, string>> = {
  zh: { cash: '现金', wechat: '微信支付', alipay: '支付宝', card: '银行卡', storedValue: '储值', other: '其他' },
  en: {
    cash: 'Cash',
    wechat: 'WeChat Pay',
    alipay: 'Alipay',
    card: 'Bank card',
    storedValue: 'Stored value',
    other: 'Other',
  },
};

/** A till line's figures, as the shift and day-close tables head their columns. */
export const tillFigureNames: Record<Language, Record<TillFigure, string>> = {
  zh: {
    topupFen: '充值',
    topupCount: '充值笔数',
    bonusFen: '赠金',
    cardSalesFen: '次卡销售',
    cardSalesCount: '次卡笔数',
    refundsFen: '退款',
    refundsCount: '退款笔数',
    storedValueSpentFen: '储值消费',
    netFen: '储值/次卡实收',
  },
  en: {
    topupFen: 'Top-ups',
    topupCount: 'Top-up count',
    bonusFen: 'Bonus',
    cardSalesFen: 'Count card sales',
    cardSalesCount: 'Cards sold',
    refundsFen: 'Refunds',
    refundsCount: 'Refund count',
    storedValueSpentFen: 'Stored value spent',
    netFen: 'Stored value & card takings',
  },
};

/**
 * The files' names (and worksheet names): a day close, a handover, the report. The Chinese ones are
 * the pages' words (till.closes.day, till.closes.shift, till.report.title).
 */
export const tillExportTitles: Record<Language, Record<'day' | 'shift' | 'report', string>> = {
  zh: { day: '日结', shift: '交班', report: '储值报表' },
  en: { day: 'day-close', shift: 'handover', report: 'stored-value-report' },
};

/** A clerk's name as a part of a file name: no path separators, reserved or blank characters. */
export function fileNamePart(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, '_').slice(0, 40) || '_';
}

/** The day close as a table: a row per clerk × method, then per method, then the day's total. */
export const tillCloseFields = [
  'day',
  'section',
  'staff',
  'method',
  'topupFen',
  'topupCount',
  'bonusFen',
  'cardSalesFen',
  'cardSalesCount',
  'refundsFen',
  'refundsCount',
  'storedValueSpentFen',
  'netFen',
] as const;
export type TillCloseField = (typeof tillCloseFields)[number];

const tillCloseWords: Record<Language, Record<'day' | 'section' | 'staff' | 'method', string>> = {
  zh: { day: '营业日', section: '分组', staff: '员工', method: '支付方式' },
  en: { day: 'Shop day', section: 'Section', staff: 'Staff', method: 'Payment method' },
};

export const tillCloseHeaders: Record<Language, Record<TillCloseField, string>> = {
  zh: { ...tillCloseWords.zh, ...tillFigureNames.zh },
  en: { ...tillCloseWords.en, ...tillFigureNames.en },
};

export const tillCloseSections = ['lines', 'byMethod', 'total'] as const;
export type TillCloseSection = (typeof tillCloseSections)[number];

/** The day-close page's table titles. */
export const tillCloseSectionNames: Record<Language, Record<TillCloseSection, string>> = {
  zh: { lines: '按员工和支付方式', byMethod: '按支付方式', total: '合计' },
  en: { lines: 'By staff and payment method', byMethod: 'By payment method', total: 'Total' },
};

/** The report as a table: a row per figure (a count, an amount, or both), grouped by section. */
export const walletReportFields = ['section', 'item', 'method', 'figure', 'count', 'amount'] as const;
export type WalletReportField = (typeof walletReportFields)[number];

export const walletReportHeaders: Record<Language, Record<WalletReportField, string>> = {
  zh: { section: '分组', item: '项目', method: '支付方式', figure: '指标', count: '数量', amount: '金额' },
  en: {
    section: 'Section',
    item: 'Item',
    method: 'Payment method',
    figure: 'Figure',
    count: 'Count',
    amount: 'Amount',
  },
};

export const walletReportSections = ['summary', 'days', 'staff', 'method', 'product'] as const;
export type WalletReportSection = (typeof walletReportSections)[number];

/** The report page's section titles. */
export const walletReportSectionNames: Record<Language, Record<WalletReportSection, string>> = {
  zh: { summary: '概况', days: '每日', staff: '按员工', method: '按支付方式', product: '各次卡项目' },
  en: {
    summary: 'Summary',
    days: 'By day',
    staff: 'By staff',
    method: 'By payment method',
    product: 'By count card product',
  },
};

export const walletReportItems = [
  'period',
  'outstandingPrincipal',
  'outstandingBonus',
  'membersWithBalance',
  'topups',
  'bonus',
  'spent',
  'refunds',
  'cardsSold',
  'cardsUsed',
  'cardsRefunded',
  'cardsUnused',
] as const;
export type WalletReportItem = (typeof walletReportItems)[number];

/** The report page's figure labels. */
export const walletReportItemNames: Record<Language, Record<WalletReportItem, string>> = {
  zh: {
    period: '统计期间',
    outstandingPrincipal: '未消费本金',
    outstandingBonus: '未消费赠金',
    membersWithBalance: '有余额会员',
    topups: '充值',
    bonus: '赠金',
    spent: '储值消费',
    refunds: '退款',
    cardsSold: '次卡售出',
    cardsUsed: '次卡使用',
    cardsRefunded: '次卡退卡',
    cardsUnused: '次卡未用次数',
  },
  en: {
    period: 'Period',
    outstandingPrincipal: 'Outstanding principal',
    outstandingBonus: 'Outstanding bonus',
    membersWithBalance: 'Members with a balance',
    topups: 'Top-ups',
    bonus: 'Bonus',
    spent: 'Stored value spent',
    refunds: 'Refunds',
    cardsSold: 'Count cards sold',
    cardsUsed: 'Visits used',
    cardsRefunded: 'Count cards refunded',
    cardsUnused: 'Visits left',
  },
};
