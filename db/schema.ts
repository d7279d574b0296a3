import type { Generated } from 'kysely';

/** Kysely's view of the tables. Times are ISO-8601 UTC text; days are YYYY-MM-DD in the shop's zone. */
export interface MetaTable {
  key: string;
  value: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
}

export interface StaffTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'owner' | 'manager' | 'clerk';
  password_hash: string;
  pin_hash: string | null;
  active: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  created_at: string;
  created_by: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  staff_id: number | null;
  action: string;
  /** JSON. */
  details: string;
}

export interface RequestsTable {
  request_id: string;
  channel: string;
  input_hash: string;
  /** JSON of the successful result, replayed on a repeat. */
  result: string;
  staff_id: number | null;
  at: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface MembersTable {
  id: Generated<number>;
  member_no: string;
  phone: string;
  phone_kind: 'mobile' | 'landline' | 'intl';
  /** Digits of `phone` reversed: "ends with 8000" is an index range on "0008". */
  phone_rev: string;
  name: string;
  gender: 'female' | 'male' | 'unspecified';
  birthday: string | null;
  source: 'in_store' | 'phone' | 'online' | 'referral' | 'third_party' | 'import';
  marketing_consent: number;
  consent_at: string | null;
  consent_by: number | null;
  created_at: string;
  created_day: string;
  created_by: number;
  updated_at: string;
}

/** One row per distinct 1- and 2-character piece of a member's name, for fragment search. */
export interface MemberNameGramsTable {
  gram: string;
  member_id: number;
}

export interface DB {
  meta: MetaTable;
  settings: SettingsTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  requests: RequestsTable;
  counters: CountersTable;
  members: MembersTable;
  member_name_grams: MemberNameGramsTable;
}
