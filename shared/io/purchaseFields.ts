import type { PaymentMethod } from '../points.js';
import { toHalfWidth } from '../rules/phone.js';
import { memberHeaderAliases, normalizeHeader } from './headerMatch.js';

/**
 * The purchase columns that cross a file. The exporter writes all of them; the importer reads the
 * ones in `purchaseImportFields` (the others — name, refunds, staff … — are the shop's record of
 * what happened here and are skipped on the way back in), so an exported purchases file maps
 * itself automatically when it comes back.
 */
export const purchaseFileFields = [
  'memberNo',
  'name',
  'phone',
  'amount',
  'pointsUsed',
  'coupon',
  'pointsEarned',
  'refunded',
  'receiptNo',
  'category',
  'items',
  'paymentMethod',
  'staff',
  'time',
  'day',
] as const;
export type PurchaseFileField = (typeof purchaseFileFields)[number];

export const purchaseImportFields = [
  'memberNo',
  'phone',
  'amount',
  'time',
  'receiptNo',
  'category',
  'items',
  'paymentMethod',
  'pointsEarned',
] as const satisfies readonly PurchaseFileField[];
export type PurchaseImportField = (typeof purchaseImportFields)[number];

/** Header text the exporter writes, per language. Both are also import aliases. */
export const purchaseFileHeaders: Record<'zh' | 'en', Record<PurchaseFileField, string>> = {
  zh: {
    memberNo: '会员编号',
    name: '姓名',
    phone: '手机号',
    amount: '消费金额',
    pointsUsed: '积分抵扣',
    coupon: '优惠券抵扣',
    pointsEarned: '获得积分',
    refunded: '已退款',
    receiptNo: '小票号',
    category: '品类',
    items: '商品',
    paymentMethod: '支付方式',
    staff: '经手人',
    time: '消费时间',
    day: '营业日',
  },
  en: {
    memberNo: 'Member no',
    name: 'Name',
    phone: 'Mobile',
    amount: 'Amount',
    pointsUsed: 'Points used',
    coupon: 'Coupon',
    pointsEarned: 'Points earned',
    refunded: 'Refunded',
    receiptNo: 'Receipt no',
    category: 'Category',
    items: 'Items',
    paymentMethod: 'Payment method',
    staff: 'Staff',
    time: 'Time',
    day: 'Business day',
  },
};

const importAliases: Record<PurchaseImportField, string[]> = {
  memberNo: memberHeaderAliases.memberNo,
  phone: memberHeaderAliases.phone,
  amount: ['金额', '消费金额', '实收金额', '实付金额', '实收', '消费额', '交易金额', 'amount', 'total', 'paid'],
  time: [
    '时间',
    '消费时间',
    '消费日期',
    '日期',
    '交易时间',
    '下单时间',
    '购买时间',
    'time',
    'date',
    'purchase time',
    'purchased at',
  ],
  receiptNo: ['小票号', '小票编号', '单号', '订单号', '流水号', '单据号', 'receipt no', 'receipt', 'order no'],
  category: ['品类', '类别', '分类', '商品类别', 'category'],
  items: ['商品', '商品名称', '商品明细', '明细', 'items', 'products', 'item'],
  paymentMethod: ['支付方式', '付款方式', '结算方式', '支付类型', 'payment method', 'payment', 'paid by'],
  pointsEarned: ['获得积分', '积分', '本次积分', '赠送积分', '消费积分', 'points earned', 'points'],
};

const fieldByAlias = new Map<string, PurchaseImportField>(
  purchaseImportFields.flatMap((field) =>
    [purchaseFileHeaders.zh[field], purchaseFileHeaders.en[field], ...importAliases[field]].map(
      (alias) => [normalizeHeader(alias), field] as const,
    ),
  ),
);

/** For each column of a purchases file, the field it holds, or null; a field takes the first column that names it. */
export function matchPurchaseHeaders(headers: string[]): (PurchaseImportField | null)[] {
  const used = new Set<PurchaseImportField>();
  return headers.map((h) => {
    const field = fieldByAlias.get(normalizeHeader(h)) ?? null;
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** Payment methods as the exporter writes them; the importer reads these and the aliases below. */
export const paymentMethodNames: Record<'zh' | 'en', Record<PaymentMethod, string>> = {
  zh: { cash: '现金', wechat: '微信支付', alipay: '支付宝', card: '银行卡', storedValue: '储值', other: '其他' },
  en: {
    cash: 'cash',
    wechat: 'WeChat Pay',
    alipay: 'Alipay',
    card: 'bank card',
    storedValue: 'stored value',
    other: 'other',
  },
};

const paymentAliases: Record<PaymentMethod, string[]> = {
  cash: ['现金', '现钞', 'cash'],
  wechat: ['微信', '微信支付', '微信扫码', 'wechat', 'weixin', 'wechatpay', 'wx'],
  alipay: ['支付宝', '支付宝扫码', 'alipay', 'zfb'],
  card: ['银行卡', '刷卡', '信用卡', '借记卡', '银联', 'card', 'bankcard', 'creditcard', 'unionpay'],
  storedValue: ['储值', '储值卡', '余额', '会员卡', '会员余额', 'storedvalue', 'balance'],
  other: ['其他', '其它', 'other'],
};

const paymentKey = (raw: string) =>
  toHalfWidth(raw)
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]/g, '');

const paymentByWord = new Map<string, PaymentMethod>(
  (Object.keys(paymentAliases) as PaymentMethod[]).flatMap((m) =>
    [...paymentAliases[m], paymentMethodNames.zh[m], paymentMethodNames.en[m]].map((w) => [paymentKey(w), m] as const),
  ),
);

/** A payment method as a till or Liuke wrote it, or null for a word it does not know. */
export function parsePaymentMethod(raw: string): PaymentMethod | null {
  return paymentByWord.get(paymentKey(raw)) ?? null;
}
