import type { LedgerKind } from '../points.js';

/** The points ledger's exported columns. */
export const ledgerFileFields = [
  'entry',
  'memberNo',
  'name',
  'kind',
  'points',
  'reference',
  'reverses',
  'note',
  'staff',
  'time',
  'day',
  'expiresOn',
  'remaining',
] as const;
export type LedgerFileField = (typeof ledgerFileFields)[number];

export const ledgerFileHeaders: Record<'zh' | 'en', Record<LedgerFileField, string>> = {
  zh: {
    entry: '记录号',
    memberNo: '会员编号',
    name: '姓名',
    kind: '类型',
    points: '积分',
    reference: '关联',
    reverses: '冲正记录号',
    note: '说明',
    staff: '经手人',
    time: '时间',
    day: '营业日',
    expiresOn: '有效期至',
    remaining: '剩余',
  },
  en: {
    entry: 'Entry',
    memberNo: 'Member no',
    name: 'Name',
    kind: 'Kind',
    points: 'Points',
    reference: 'Reference',
    reverses: 'Reverses entry',
    note: 'Note',
    staff: 'Staff',
    time: 'Time',
    day: 'Business day',
    expiresOn: 'Expires on',
    remaining: 'Remaining',
  },
};

/**
 * Ledger kinds in words: for files the main process writes (it has no i18n resources) and, as
 * `points.ledger.kinds`, for the renderer. A `Record` over `LedgerKind`: a new kind must be named
 * here before it compiles.
 */
export const ledgerKindNames: Record<'zh' | 'en', Record<LedgerKind, string>> = {
  zh: {
    opening: '期初积分',
    purchase: '消费积分',
    refund: '退款扣回',
    pay: '积分抵扣',
    payReturn: '退回抵扣',
    checkin: '签到',
    referral: '推荐奖励',
    activity: '活动积分',
    birthday: '生日积分',
    adjust: '手工调整',
    void: '作废冲正',
    redeem: '积分兑换',
    redeemCancel: '取消兑换',
    expire: '过期清零',
    draw: '积分抽奖',
    drawPrize: '抽奖奖励',
    compensation: '投诉补偿',
    topupBonus: '充值赠积分',
  },
  en: {
    opening: 'Opening balance',
    purchase: 'Purchase',
    refund: 'Refund',
    pay: 'Paid with points',
    payReturn: 'Points payment returned',
    checkin: 'Check-in',
    referral: 'Referral',
    activity: 'Activity',
    birthday: 'Birthday',
    adjust: 'Adjustment',
    void: 'Void',
    redeem: 'Redemption',
    redeemCancel: 'Redemption cancelled',
    expire: 'Expired',
    draw: 'Lucky draw',
    drawPrize: 'Draw prize',
    compensation: 'Complaint compensation',
    topupBonus: 'Top-up bonus',
  },
};

/** What an entry's reference points at, in words (the ledger export); an unknown one is shown as stored. */
export const ledgerRefNames: Record<'zh' | 'en', Record<string, string>> = {
  zh: {
    purchase: '消费',
    refund: '退款',
    redemption: '兑换',
    checkin: '签到',
    activity: '活动',
    draw: '抽奖',
    opening: '期初',
    register: '被推荐会员登记',
    firstPurchase: '被推荐会员首次消费',
    year: '生日年份',
    complaint: '投诉',
    topup: '储值充值',
    topupVoid: '作废充值',
  },
  en: {
    purchase: 'Purchase',
    refund: 'Refund',
    redemption: 'Redemption',
    checkin: 'Check-in',
    activity: 'Activity',
    draw: 'Draw',
    opening: 'Opening balance',
    register: 'Referred member registered',
    firstPurchase: "Referred member's first purchase",
    year: 'Birthday year',
    complaint: 'Complaint',
    topup: 'Stored-value top-up',
    topupVoid: 'Top-up voided',
  },
};
