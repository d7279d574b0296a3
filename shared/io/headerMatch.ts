import { memberFileFields, memberFileHeaders, type MemberFileField } from './memberFields.js';
import { toHalfWidth } from '../rules/phone.js';

/**
 * Header spellings seen in till-system exports and hand-made sheets, written as people write
 * them; they are compared after `normalizeHeader`, like the file's headers. The exporter's own
 * headers (both languages) are added below, so an exported file always maps back.
 */
const commonAliases: Record<MemberFileField, string[]> = {
  name: [
    '姓名',
    '名字',
    '会员姓名',
    '顾客姓名',
    '客户姓名',
    '会员名称',
    'name',
    'full name',
    'customer name',
    'member name',
  ],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '联系电话',
    '电话号码',
    '移动电话',
    '联系方式',
    'mobile',
    'phone',
    'mobile phone',
    'cell',
    'cell phone',
    'tel',
    'telephone',
    'phone number',
  ],
  phone2: ['备用电话', '其他电话', '电话2', '手机2', 'phone 2', 'other phone'],
  gender: ['性别', 'sex', 'gender'],
  birthday: ['生日', '出生日期', '出生年月日', '生日日期', 'birthday', 'birth date', 'date of birth', 'dob'],
  email: ['邮箱', '电子邮箱', '邮件', 'email', 'e-mail', 'mail'],
  wechat: ['微信', '微信号', 'wechat', 'weixin', 'wechat id'],
  address: ['地址', '住址', '联系地址', 'address'],
  occupation: ['职业', '工作', 'occupation', 'job'],
  joinedOn: [
    '入会日期',
    '入会时间',
    '注册日期',
    '注册时间',
    '开卡日期',
    '开卡时间',
    '加入日期',
    'joined on',
    'join date',
    'registered',
    'registration date',
  ],
  cardNo: ['会员卡号', '卡号', '会员卡', 'card no', 'card number', 'card'],
  memberNo: ['会员编号', '会员号', '编号', 'member no', 'member number', 'member id'],
  tags: ['标签', 'tags', 'tag'],
  tier: ['等级', '会员等级', '级别', 'tier', 'level', 'grade'],
  points: ['积分', '可用积分', '剩余积分', '当前积分', 'points', 'point', 'balance'],
  totalSpent: ['累计消费', '消费总额', '累计消费金额', '总消费', '消费金额', 'total spent', 'lifetime spend', 'spent'],
  notes: ['备注', '说明', 'notes', 'note', 'remark', 'remarks', 'memo'],
};

export const memberHeaderAliases: Record<MemberFileField, string[]> = Object.fromEntries(
  memberFileFields.map((field) => [
    field,
    [...new Set([memberFileHeaders.zh[field], memberFileHeaders.en[field], ...commonAliases[field]])],
  ]),
) as Record<MemberFileField, string[]>;

/** A bracketed note such as "(必填)", "（元）" or "[yuan]": it says something about the column, not which one it is. */
const bracketed = /[([【]([^()[\]【】]*)[)\]】]/g;

/**
 * The part of a header that names the column: case, width, spacing, punctuation and required
 * markers ("*姓名", "手机号码（必填）") differ from one till system to the next.
 */
export function normalizeHeader(header: string): string {
  return (
    toHalfWidth(header)
      .trim()
      .toLowerCase()
      // "电话(2)" is how some tools disambiguate a repeated column: keep the number, it means phone 2.
      .replace(bracketed, (_, inner: string) => (/^\s*\d+\s*$/.test(inner) ? inner.trim() : ''))
      .replace(/[\s_\-.:：*]/g, '')
  );
}

const fieldByAlias = new Map<string, MemberFileField>(
  memberFileFields.flatMap((field) =>
    memberHeaderAliases[field].map((alias) => [normalizeHeader(alias), field] as const),
  ),
);

/**
 * Headers that name a landline or "a phone" in general: when a file also has a mobile column
 * (手机), that one is the member's mobile and this one their second phone.
 */
const generalPhone = new Set(
  ['电话', '联系电话', '电话号码', '固定电话', '座机', 'tel', 'telephone', 'phone', 'phone number', '联系方式'].map(
    normalizeHeader,
  ),
);

/**
 * For each column of a file, the member field it holds, or null for a column to skip. A field
 * takes the first column that names it, except that a mobile column wins "mobile" over a general
 * phone column, which then becomes the second phone; a third "电话" column is left for the shop.
 */
export function matchHeaders(headers: string[]): (MemberFileField | null)[] {
  const keys = headers.map(normalizeHeader);
  const fields = keys.map((k) => fieldByAlias.get(k) ?? null);
  const mobile = keys.findIndex((k, i) => fields[i] === 'phone' && !generalPhone.has(k));
  if (mobile >= 0)
    keys.forEach((k, i) => {
      if (i !== mobile && fields[i] === 'phone' && generalPhone.has(k)) fields[i] = 'phone2';
    });
  const used = new Set<MemberFileField>();
  return fields.map((field, i) => {
    // The mobile column is placed first of all the phone columns.
    if (field === 'phone' && mobile >= 0 && i !== mobile) return null;
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}
