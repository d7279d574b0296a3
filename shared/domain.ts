import type { Role } from './permissions.js';
import type { PhoneKind } from './rules/phone.js';

export const genders = ['female', 'male', 'unspecified'] as const;
export type Gender = (typeof genders)[number];

export const memberSources = ['in_store', 'phone', 'online', 'social', 'referral', 'third_party', 'import'] as const;
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
  /** Members not confirmed for this many months are listed for re-confirmation. */
  reconfirmMonths: number;
  /** A folder (a USB stick) that automatic backups also go to; empty for the data folder only. */
  backupFolder: string;
  /** Backups kept in each folder; older ones are deleted. */
  backupKeep: number;
}

export interface BackupInfo {
  name: string;
  /** Full path, so a restore can name it; the main process lists only folders it was given. */
  path: string;
  bytes: number;
  at: string;
  reason: 'manual' | 'start' | 'close' | 'daily';
}

export interface BackupStatus {
  lastAt: string | null;
  lastFile: string | null;
  /** The last attempt failed (the USB stick was out …): what went wrong, and when. */
  lastError: { at: string; message: string } | null;
  /** No backup succeeded for 3 days. */
  stale: boolean;
  dataFolder: string;
  folder: string;
  backups: BackupInfo[];
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
  /** The main process's clock when it answered: the renderer's "now" follows it (due times, today). */
  now?: string;
}

export interface SessionInfo {
  staff: StaffInfo;
  settings: ShopSettings;
}

export const consentChannels = ['sms', 'call', 'wechat', 'email'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/** What a clerk records by hand on the timeline; other features add their own kinds. */
export const interactionKinds = ['consultation', 'suggestion', 'call', 'visit', 'note'] as const;
export type InteractionKind = (typeof interactionKinds)[number];

/** Longest tag name: short enough for a badge, long enough for “Birthday gift”. */
export const tagNameMax = 20;

export interface TagInfo {
  id: number;
  name: string;
  color: string;
}

export interface MemberSummary {
  id: number;
  memberNo: string;
  name: string;
  /** Full number for roles allowed to see it, masked (138****8000) for clerks. */
  phone: string;
  gender: Gender;
  createdAt: string;
  joinedOn: string;
  tags: TagInfo[];
  archived: boolean;
}

export interface ConsentState {
  granted: boolean;
  at: string;
  by: string | null;
}

export interface MemberCard {
  id: number;
  cardNo: string;
  status: 'active' | 'lost' | 'unbound';
  boundAt: string;
  endedAt: string | null;
  replaces: number | null;
}

export interface Member extends MemberSummary {
  /** What the shop's previous system said (an import's opening balance), or null. */
  opening: { points: number; spendFen: number; tier: string } | null;
  phoneKind: PhoneKind;
  phone2: string | null;
  email: string | null;
  wechat: string | null;
  address: string;
  occupation: string;
  notes: string;
  birthday: string | null;
  /** Whole years on the shop's today; null without a birthday. */
  age: number | null;
  /** Lunar-calendar birthday "MM-DD", and its solar date in the coming twelve months. */
  lunarBirthday: string | null;
  nextLunarBirthday: string | null;
  source: MemberSource;
  referrer: { id: number; memberNo: string; name: string } | null;
  consents: Record<ConsentChannel, ConsentState | null>;
  cards: MemberCard[];
  verifiedAt: string | null;
  /** Not confirmed for the shop's re-confirmation period: the page asks the clerk to check. */
  needsReconfirm: boolean;
  archivedAt: string | null;
  erasedAt: string | null;
  mergedInto: number | null;
  createdDay: string;
  createdBy: { id: number; displayName: string };
  updatedAt: string;
}

/** Why two members may be one person (the same normalised phone cannot exist twice at all). */
/** phone2: one member's phone is the other's second phone (a merged record's number, re-registered). */
export const duplicateReasons = ['nameBirthday', 'namePhone', 'phone2', 'email', 'wechat'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

export interface DuplicateCandidate {
  id: number;
  reasons: DuplicateReason[];
  foundAt: string;
  a: MemberSummary;
  b: MemberSummary;
}

/** A duplicate scan walks names, then emails, WeChat IDs and second phones, in key order. */
export const scanPhases = ['name', 'email', 'wechat', 'phone2'] as const;
export type ScanPhase = (typeof scanPhases)[number];
export interface ScanCursor {
  phase: ScanPhase;
  /** The last key done in this phase; null at its start. */
  after: string | null;
}
export interface ScanBatch {
  found: number;
  scanned: number;
  /** Rows the whole scan reads, for the progress bar. */
  total: number;
  next: ScanCursor | null;
}

/** Profile fields whose surviving value is chosen one by one when two members are merged. */
export const mergeFields = [
  'name',
  'gender',
  'birthday',
  'lunarBirthday',
  'phone',
  'phone2',
  'email',
  'wechat',
  'occupation',
  'address',
  'notes',
  'source',
  'joinedOn',
] as const;
export type MergeField = (typeof mergeFields)[number];

export interface TimelineEvent {
  id: number;
  kind: string;
  body: string;
  data: Record<string, unknown>;
  staff: string | null;
  at: string;
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

export const jobKinds = ['importPreview', 'import', 'importUndo', 'importRollback', 'export'] as const;
export type JobKind = (typeof jobKinds)[number];

/** A long job as the renderer sees it while polling: progress, rate, time left, and its result. */
export interface JobStatus {
  id: string;
  kind: JobKind;
  staffId: number | null;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  ratePerS: number;
  etaS: number | null;
  startedAt: string;
  finishedAt?: string;
  /** The job's own result: a preview, an import's counts, an export's row count. */
  result?: unknown;
  errorKey?: string;
  errorParams?: Record<string, string | number>;
}

export const importModes = ['addOnly', 'addAndUpdate'] as const;
export type ImportMode = (typeof importModes)[number];

/** A file handed to the main process for import, with what it found at its top. */
export interface StagedFile {
  fileId: string;
  name: string;
  bytes: number;
  format: 'csv' | 'xlsx';
  /** 'xlsx' for workbooks; otherwise the text encoding that was detected. */
  encoding: string;
  delimiter: string;
  headers: string[];
  /** The field each column matched automatically (or through a saved mapping), or null. */
  suggested: (string | null)[];
  /** The saved mapping whose headers are exactly this file's, if any. */
  savedMappingId: number | null;
  /** The first rows after the header, as read. */
  sample: string[][];
}

export const importRowStatuses = ['new', 'update', 'dupInFile', 'dupExisting', 'invalid'] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];
export type ImportCounts = Record<ImportRowStatus, number>;

export interface ImportPreviewRow {
  line: number;
  status: ImportRowStatus;
  /** i18n key under import.reason., for invalid and skipped rows. */
  reason?: string;
  field?: string;
  /** The values as they will be stored, by field, in display form ("+8613800138000", "12.50"). */
  values: Record<string, string>;
}

export interface ImportPreview {
  fileId: string;
  mode: ImportMode;
  total: number;
  counts: ImportCounts;
  rows: ImportPreviewRow[];
}

export interface ImportResult {
  batchId: number;
  imported: number;
  updated: number;
  skipped: number;
  invalid: number;
  cancelled: boolean;
  /** How long the write transactions took (what a counter request may have waited behind). */
  transactions: { count: number; medianMs: number; maxMs: number };
  /** The job's own WAL checkpoints, each a step of its own. */
  checkpoints: { count: number; medianMs: number; maxMs: number };
}

export interface ImportBatchInfo {
  id: number;
  fileName: string;
  encoding: string;
  mode: ImportMode;
  status: 'running' | 'done' | 'cancelled' | 'undone' | 'rolledBack';
  rowsTotal: number;
  imported: number;
  updated: number;
  skipped: number;
  invalid: number;
  startedAt: string;
  finishedAt: string | null;
  staffName: string;
  /** Rows in the error report (refused and skipped). */
  rejects: number;
}

export interface ImportMappingInfo {
  id: number;
  name: string;
  /** Field per file header. */
  mapping: Record<string, string>;
}

export interface UndoResult {
  removed: number;
  restored: number;
  /** Members made by the import that were worked with since (a visit, a card): kept. */
  kept: number;
}
