import type { Role } from './permissions.js';
import type { PhoneKind } from './rules/phone.js';

export const genders = ['female', 'male', 'unspecified'] as const;
export type Gender = (typeof genders)[number];

export const memberSources = ['in_store', 'phone', 'online', 'referral', 'third_party', 'import'] as const;
export type MemberSource = (typeof memberSources)[number];

export interface StaffInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  hasPin: boolean;
  createdAt: string;
}

export interface ShopSettings {
  shopName: string;
  timeZone: string;
  /** Hour (0–6) at which the business day starts, for shops open past midnight. */
  dayStartHour: number;
  memberNoPrefix: string;
  idleLockMinutes: number;
}

export type AppState = 'setup' | 'locked' | 'ready' | 'error';

export interface AppStatus {
  state: AppState;
  /** i18n key of the reason when state is 'error' (key file damaged, database unreadable …). */
  errorKey?: string;
  errorParams?: Record<string, string>;
  shopName?: string;
  /** Desktop only: the OS key store could not open the key, so the recovery passphrase is needed. */
  osUnlockFailed?: boolean;
  /** The database was last used on another PC: a restored backup running twice forks the data. */
  otherDevice?: { deviceName: string; lastActiveAt: string };
  /** The system clock is behind the latest time this database has seen. */
  clockBehind?: { latestSeen: string; now: string };
  session?: SessionInfo;
}

export interface SessionInfo {
  staff: StaffInfo;
  settings: ShopSettings;
}

export interface MemberSummary {
  id: number;
  memberNo: string;
  name: string;
  /** Full number for roles allowed to see it, masked (138****8000) for clerks. */
  phone: string;
  gender: Gender;
  createdAt: string;
}

export interface Member extends MemberSummary {
  phoneKind: PhoneKind;
  birthday: string | null;
  source: MemberSource;
  marketingConsent: boolean;
  consentAt: string | null;
  createdDay: string;
  createdBy: { id: number; displayName: string };
}

export interface AuditEntry {
  id: number;
  at: string;
  staff: string | null;
  action: string;
  details: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
}
