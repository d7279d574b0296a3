import { describe, expect, it } from 'vitest';
import { matchHeaders, memberHeaderAliases, normalizeHeader } from '../../shared/io/headerMatch.js';
import { memberFileFields, memberFileHeaders, type MemberFileField } from '../../shared/io/memberFields.js';

describe('normalizeHeader', () => {
  it.each([
    ['手机号码（必填）', '手机号码'],
    ['*手机号码', '手机号码'],
    [' Mobile Phone ', 'mobilephone'],
    ['Total spent (yuan)', 'totalspent'],
    ['累计消费（元）', '累计消费'],
    ['累计消费【元】(必填)', '累计消费'],
    ['E-Mail:', 'email'],
    ['会员姓名：', '会员姓名'],
    ['member_no', 'memberno'],
    ['Ｎａｍｅ', 'name'],
    ['Date.of.Birth', 'dateofbirth'],
    ['电话(2)', '电话2'],
    ['（必填）', ''],
  ])('%j → %j', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });
});

describe('memberHeaderAliases', () => {
  it("includes the exporter's headers in both languages, so an export imports again", () => {
    for (const field of memberFileFields) {
      expect(memberHeaderAliases[field]).toContain(memberFileHeaders.zh[field]);
      expect(memberHeaderAliases[field]).toContain(memberFileHeaders.en[field]);
    }
    expect(matchHeaders(memberFileFields.map((f) => memberFileHeaders.zh[f]))).toEqual([...memberFileFields]);
    expect(matchHeaders(memberFileFields.map((f) => memberFileHeaders.en[f]))).toEqual([...memberFileFields]);
  });

  it('never gives two fields the same spelling', () => {
    const owner = new Map<string, MemberFileField>();
    for (const field of memberFileFields) {
      for (const alias of memberHeaderAliases[field]) {
        const key = normalizeHeader(alias);
        expect(key).not.toBe('');
        expect(owner.get(key) ?? field, `${alias} is claimed by ${owner.get(key)} and ${field}`).toBe(field);
        owner.set(key, field);
      }
    }
  });

  it.each([
    [
      'name',
      [
        '姓名',
        '名字',
        '会员姓名',
        '顾客姓名',
        '客户姓名',
        '会员名称',
        'name',
        'fullname',
        'customername',
        'membername',
      ],
    ],
    [
      'phone',
      [
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
        'mobilephone',
        'cell',
        'cellphone',
        'tel',
        'telephone',
        'phonenumber',
      ],
    ],
    ['phone2', ['备用电话', '其他电话', '电话2', '手机2', 'phone2', 'otherphone']],
    ['gender', ['性别', 'sex', 'gender']],
    ['birthday', ['生日', '出生日期', '出生年月日', '生日日期', 'birthday', 'birthdate', 'dateofbirth', 'dob']],
    ['email', ['邮箱', '电子邮箱', '邮件', 'email', 'e-mail', 'mail']],
    ['wechat', ['微信', '微信号', 'wechat', 'weixin', 'wechatid']],
    ['address', ['地址', '住址', '联系地址', 'address']],
    ['occupation', ['职业', '工作', 'occupation', 'job']],
    [
      'joinedOn',
      [
        '入会日期',
        '入会时间',
        '注册日期',
        '注册时间',
        '开卡日期',
        '开卡时间',
        '加入日期',
        'joinedon',
        'joindate',
        'registered',
        'registrationdate',
      ],
    ],
    ['cardNo', ['会员卡号', '卡号', '会员卡', 'cardno', 'cardnumber', 'card']],
    ['memberNo', ['会员编号', '会员号', '编号', 'memberno', 'membernumber', 'memberid']],
    ['tags', ['标签', 'tags', 'tag']],
    ['tier', ['等级', '会员等级', '级别', 'tier', 'level', 'grade']],
    ['points', ['积分', '可用积分', '剩余积分', '当前积分', 'points', 'point', 'balance']],
    [
      'totalSpent',
      ['累计消费', '消费总额', '累计消费金额', '总消费', '消费金额', 'totalspent', 'lifetimespend', 'spent'],
    ],
    ['notes', ['备注', '说明', 'notes', 'note', 'remark', 'remarks', 'memo']],
  ] as const)('maps every %s alias', (field, aliases) => {
    for (const alias of aliases) expect(matchHeaders([alias]), alias).toEqual([field]);
  });
});

describe('matchHeaders', () => {
  it('maps a typical Chinese till export', () => {
    const headers = [
      '序号',
      '会员卡号',
      '会员姓名',
      '手机号码（必填）',
      '性别',
      '出生日期',
      '会员等级',
      '可用积分',
      '累计消费金额(元)',
      '开卡时间',
      '所属门店',
      '备注',
    ];
    expect(matchHeaders(headers)).toEqual([
      null,
      'cardNo',
      'name',
      'phone',
      'gender',
      'birthday',
      'tier',
      'points',
      'totalSpent',
      'joinedOn',
      null,
      'notes',
    ]);
  });

  it('maps an English export', () => {
    const headers = [
      'Customer Name',
      ' Mobile Phone ',
      'E-mail',
      'Date of Birth',
      'Gender',
      'Join Date',
      'Card Number',
      'Points Balance',
      'Lifetime Spend (CNY)',
      'Tags',
      'Remarks',
    ];
    expect(matchHeaders(headers)).toEqual([
      'name',
      'phone',
      'email',
      'birthday',
      'gender',
      'joinedOn',
      'cardNo',
      null,
      'totalSpent',
      'tags',
      'notes',
    ]);
  });

  it('gives a field to the first column that names it only', () => {
    expect(matchHeaders(['姓名', '电话', '电话', '联系电话'])).toEqual(['name', 'phone', null, null]);
    expect(matchHeaders(['手机', '电话(2)'])).toEqual(['phone', 'phone2']);
    expect(matchHeaders(['Name', '姓名'])).toEqual(['name', null]);
  });

  it('leaves unknown and empty headers unmapped', () => {
    expect(matchHeaders(['', '   ', '(必填)', 'foo', '门店', '消费次数', 'Column1'])).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(matchHeaders([])).toEqual([]);
  });
});

describe('matchHeaders: a mobile and a landline column', () => {
  it('gives 手机 the mobile and 电话 the second phone, whichever comes first', () => {
    expect(matchHeaders(['姓名', '电话', '手机'])).toEqual(['name', 'phone2', 'phone']);
    expect(matchHeaders(['手机号', '联系电话'])).toEqual(['phone', 'phone2']);
    expect(matchHeaders(['Tel', 'Mobile'])).toEqual(['phone2', 'phone']);
  });
  it('keeps a lone 电话 column as the mobile', () => {
    expect(matchHeaders(['姓名', '电话'])).toEqual(['name', 'phone']);
  });
});
