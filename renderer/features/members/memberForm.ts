import type { ConsentChannel, Gender, Member, MemberSource } from '../../../shared/domain.js';
import type { PhoneKind } from '../../../shared/rules/phone.js';
import type { InputOf } from '../../../shared/contract/index.js';

/** What the register form and the edit modal hold; empty text stands for "not given". */
export interface MemberFormValues {
  phoneKind: PhoneKind;
  phone: string;
  name: string;
  gender: Gender;
  birthday: string;
  lunarBirthday: string;
  occupation: string;
  phone2: string;
  email: string;
  wechat: string;
  address: string;
  notes: string;
  source: MemberSource;
  referrerId: number | null;
  joinedOn: string;
  consents: ConsentChannel[];
}

export const emptyMemberValues: MemberFormValues = {
  phoneKind: 'mobile',
  phone: '',
  name: '',
  gender: 'unspecified',
  birthday: '',
  lunarBirthday: '',
  occupation: '',
  phone2: '',
  email: '',
  wechat: '',
  address: '',
  notes: '',
  source: 'in_store',
  referrerId: null,
  joinedOn: '',
  consents: [],
};

/** The edit modal starts from the member as shown on their page. */
export function valuesFromMember(m: Member): MemberFormValues {
  return {
    phoneKind: m.phoneKind,
    phone: m.phone,
    name: m.name,
    gender: m.gender,
    birthday: m.birthday ?? '',
    lunarBirthday: m.lunarBirthday ?? '',
    occupation: m.occupation,
    phone2: m.phone2 ?? '',
    email: m.email ?? '',
    wechat: m.wechat ?? '',
    address: m.address,
    notes: m.notes,
    source: m.source,
    referrerId: m.referrer?.id ?? null,
    joinedOn: m.joinedOn,
    consents: [],
  };
}

type ProfileInput = Omit<InputOf<'members.update'>, 'id' | 'joinedOn'>;

/**
 * The profile part of members.register and members.update. Phones go as the digits typed: the
 * page shows "138 0013 8000", the main process gets "13800138000" and decides what it is.
 */
export function profileInput(v: MemberFormValues): ProfileInput {
  return {
    phone: v.phone.replace(/\s/g, ''),
    phoneKind: v.phoneKind,
    name: v.name,
    gender: v.gender,
    birthday: v.birthday || null,
    lunarBirthday: v.lunarBirthday.trim() || null,
    occupation: v.occupation,
    phone2: v.phone2.replace(/\s/g, ''),
    email: v.email,
    wechat: v.wechat,
    address: v.address,
    notes: v.notes,
    source: v.source,
    referrerId: v.referrerId,
  };
}

/** Fields kept under "更多资料" on the register form; an error on one of them opens the section. */
export const moreFields = [
  'occupation',
  'phone2',
  'email',
  'wechat',
  'lunarBirthday',
  'address',
  'notes',
  'joinedOn',
] as const satisfies readonly (keyof MemberFormValues)[];
