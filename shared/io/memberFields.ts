/**
 * The member columns that cross a file, in both directions: the importer matches a file's headers
 * to these fields, the exporter writes them as headers. One definition, so an exported file
 * always imports again (a round trip) and a new importable entity is a new table like this one.
 */
export const memberFileFields = [
  'memberNo',
  'name',
  'phone',
  'phone2',
  'gender',
  'birthday',
  'email',
  'wechat',
  'address',
  'occupation',
  'joinedOn',
  'cardNo',
  'tags',
  'tier',
  'points',
  'totalSpent',
  'notes',
] as const;
export type MemberFileField = (typeof memberFileFields)[number];

/** Header text the exporter writes, per language. Both are also import aliases. */
export const memberFileHeaders: Record<'zh' | 'en', Record<MemberFileField, string>> = {
  zh: {
    memberNo: '会员编号',
    name: '姓名',
    phone: '手机号',
    phone2: '备用电话',
    gender: '性别',
    birthday: '生日',
    email: '邮箱',
    wechat: '微信号',
    address: '地址',
    occupation: '职业',
    joinedOn: '入会日期',
    cardNo: '会员卡号',
    tags: '标签',
    tier: '等级',
    points: '积分',
    totalSpent: '累计消费',
    notes: '备注',
  },
  en: {
    memberNo: 'Member no',
    name: 'Name',
    phone: 'Mobile',
    phone2: 'Second phone',
    gender: 'Gender',
    birthday: 'Birthday',
    email: 'Email',
    wechat: 'WeChat ID',
    address: 'Address',
    occupation: 'Occupation',
    joinedOn: 'Joined on',
    cardNo: 'Card no',
    tags: 'Tags',
    tier: 'Tier',
    points: 'Points',
    totalSpent: 'Total spent',
    notes: 'Notes',
  },
};
