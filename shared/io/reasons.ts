import type { ImportReason } from '../rules/importValues.js';
import { memberFileHeaders, type MemberFileField } from './memberFields.js';
import type { MemberRowReason } from './memberRow.js';
import { purchaseFileHeaders, type PurchaseFileField } from './purchaseFields.js';
import type { PurchaseRowReason } from './purchaseRow.js';

type Reason = ImportReason | MemberRowReason | PurchaseRowReason;

/**
 * Why an import refused or skipped a row, in both languages. The main process writes these into
 * the error report; the renderer's i18n resources take them as `import.reason.*`, so the screen
 * and the file say the same thing.
 */
export const importReasonTexts: Record<'zh' | 'en', Record<Reason, string>> = {
  zh: {
    phoneScientific: '被 Excel 改成了科学计数法（如 1.38E+10），后几位已丢失，请把该列设为“文本”后重新导出',
    phoneInvalid: '不是有效的电话号码',
    phoneMissing: '缺少手机号（必填）',
    phone2Invalid: '备用电话不是有效的号码',
    phone2SameAsPhone: '备用电话与手机号相同',
    dateFormat: '日期格式无法识别（可用 1990-01-02、1990/1/2、1990年1月2日、19900102）',
    dateImpossible: '日期不存在',
    dateInFuture: '日期在今天之后',
    genderUnknownValue: '性别无法识别（可用 男/女/M/F）',
    moneyFormat: '金额格式无法识别',
    moneyPrecision: '金额超过两位小数',
    amountNegative: '不能为负数',
    amountTooLarge: '数值过大',
    pointsFormat: '积分不是整数',
    pointsNegative: '积分不能为负数',
    pointsFraction: '积分不能有小数',
    badCharacters: '含有不可见或控制字符',
    tooLong: '内容过长',
    tagInvalid: '标签无效（每个 1–20 个字）',
    emailInvalid: '邮箱格式不正确',
    wechatInvalid: '微信号格式不正确',
    cardInvalid: '会员卡号格式不正确（4–32 位字母数字）',
    memberNoInvalid: '会员编号格式不正确',
    dupPhoneInFile: '文件中前面已有相同手机号的行',
    dupCardInFile: '文件中前面已有相同会员卡号的行',
    dupMemberNoInFile: '文件中前面已有相同会员编号的行',
    phoneExists: '该手机号已是会员（仅新增模式下跳过）',
    memberNoExists: '该会员编号已存在（仅新增模式下跳过）',
    cardExists: '该会员卡已绑定会员（仅新增模式下跳过）',
    cardTaken: '该会员卡号已被其他会员使用或已挂失',
    unchanged: '与现有资料相同，无需更新',
    openingKept: '该会员已有期初积分/累计消费/等级，文件里不同的数字没有导入（期初余额只记一次）',
    memberMissing: '缺少会员手机号或会员编号（至少填一个）',
    memberNotFound: '找不到这个会员（请先导入或登记会员）',
    memberMismatch: '手机号和会员编号不是同一个会员',
    amountZero: '缺少消费金额，或金额为 0',
    timeMissing: '缺少消费时间（必填）',
    timeFormat: '时间格式无法识别（可用 2025-03-01 14:30 或只写日期）',
    timeInFuture: '消费时间在现在之后',
    paymentUnknown: '支付方式无法识别（可用 现金/微信/支付宝/银行卡/储值/其他）',
    dupReceiptInFile: '文件中前面已有相同小票号的行',
    dupPurchaseInFile: '文件中前面已有同一会员、同一时间、同一金额的行',
    receiptExists: '这张小票已经记录过了',
    purchaseExists: '该会员在同一时间、同一金额的消费已经记录过了',
  },
  en: {
    phoneScientific:
      'Excel turned it into scientific notation (e.g. 1.38E+10) and the last digits are lost; format the column as Text and export again',
    phoneInvalid: 'not a valid phone number',
    phoneMissing: 'mobile number missing (required)',
    phone2Invalid: 'second phone is not a valid number',
    phone2SameAsPhone: 'second phone is the same as the mobile',
    dateFormat: 'date not recognised (use 1990-01-02, 1990/1/2, 1990.01.02 or 19900102)',
    dateImpossible: 'no such date',
    dateInFuture: 'date is after today',
    genderUnknownValue: 'gender not recognised (use M/F, male/female)',
    moneyFormat: 'amount not recognised',
    moneyPrecision: 'amount has more than 2 decimals',
    amountNegative: 'must not be negative',
    amountTooLarge: 'number too large',
    pointsFormat: 'points are not a whole number',
    pointsNegative: 'points must not be negative',
    pointsFraction: 'points must be whole',
    badCharacters: 'contains invisible or control characters',
    tooLong: 'too long',
    tagInvalid: 'invalid tag (1–20 characters each)',
    emailInvalid: 'not a valid email address',
    wechatInvalid: 'not a valid WeChat ID',
    cardInvalid: 'card number must be 4–32 letters or digits',
    memberNoInvalid: 'member number not valid',
    dupPhoneInFile: 'an earlier row of the file has the same mobile',
    dupCardInFile: 'an earlier row of the file has the same card number',
    dupMemberNoInFile: 'an earlier row of the file has the same member number',
    phoneExists: 'already a member with this mobile (skipped when adding new only)',
    memberNoExists: 'member number already exists (skipped when adding new only)',
    cardExists: 'card already belongs to a member (skipped when adding new only)',
    cardTaken: 'card number is used by another member or was reported lost',
    unchanged: 'same as the existing record; nothing to update',
    openingKept:
      'the member already has an opening balance; the different points/spend/tier in the file were not applied (an opening balance is recorded once)',
    memberMissing: 'member mobile or member number missing (one is required)',
    memberNotFound: 'no such member (import or register the members first)',
    memberMismatch: 'the mobile and the member number belong to different members',
    amountZero: 'amount missing or 0',
    timeMissing: 'purchase time missing (required)',
    timeFormat: 'time not recognised (use 2025-03-01 14:30, or the date alone)',
    timeInFuture: 'purchase time is later than now',
    paymentUnknown: 'payment method not recognised (use cash, WeChat, Alipay, card, stored value, other)',
    dupReceiptInFile: 'an earlier row of the file has the same receipt number',
    dupPurchaseInFile: 'an earlier row of the file has the same member, time and amount',
    receiptExists: 'this receipt is already recorded',
    purchaseExists: 'a purchase of this member at the same time and amount is already recorded',
  },
};

/** "手机号：…" — the field's header and the reason, for one line of the error report. */
export function reasonText(reason: string, field: string, language: 'zh' | 'en'): string {
  const text = importReasonTexts[language][reason as Reason] ?? reason;
  const label =
    memberFileHeaders[language][field as MemberFileField] ?? purchaseFileHeaders[language][field as PurchaseFileField];
  if (!label) return text;
  return language === 'zh' ? `${label}：${text}` : `${label}: ${text}`;
}
