import type { Generated } from 'kysely';
import type { ImportEntityName } from '../shared/io/entities.js';
import type {
  PurchasesTable,
  PurchaseRefundsTable,
  PointsLedgerTable,
  PointsAllocationsTable,
  CheckinsTable,
  ActivitiesTable,
  ActivityAttendeesTable,
  RewardsTable,
  RedemptionsTable,
  DrawPrizesTable,
  DrawsTable,
} from './schemaPoints.js';
import type {
  TiersTable,
  TierServicesTable,
  MemberTiersTable,
  GrowthLedgerTable,
  TierChangesTable,
  TierServiceUsesTable,
} from './schemaTiers.js';
import type {
  ComplaintCategoriesTable,
  ComplaintsTable,
  ComplaintStepsTable,
  FollowupsTable,
  SurveysTable,
  SurveyMembersTable,
} from './schemaComplaints.js';
import type {
  TillClosesTable,
  VisitcardProductsTable,
  VisitcardsTable,
  VisitcardUsesTable,
  WalletAccountsTable,
  WalletLedgerTable,
  WalletPackagesTable,
  WalletPayoutsTable,
  WalletTermsTable,
  WalletTopupsTable,
} from './schemaWallet.js';

export type * from './schemaPoints.js';
export type * from './schemaTiers.js';
export type * from './schemaComplaints.js';
export type * from './schemaWallet.js';

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
  /** E.164; an erased member keeps a placeholder "erased:<id>" so the column stays unique. */
  phone: string;
  phone_kind: 'mobile' | 'landline' | 'intl';
  /** Digits of `phone` reversed: "ends with 8000" is an index range on "0008". */
  phone_rev: string;
  name: string;
  gender: 'female' | 'male' | 'unspecified';
  birthday: string | null;
  source: 'in_store' | 'phone' | 'online' | 'social' | 'referral' | 'third_party' | 'import';
  created_at: string;
  created_day: string;
  created_by: number;
  updated_at: string;
  occupation: Generated<string>;
  phone2: string | null;
  email: string | null;
  wechat: string | null;
  address: Generated<string>;
  notes: Generated<string>;
  /** Lunar-calendar birthday "MM-DD"; its solar date is computed for each year. */
  lunar_birthday: string | null;
  referrer_id: number | null;
  /** YYYY-MM-DD. */
  joined_on: string;
  verified_at: string | null;
  archived_at: string | null;
  erased_at: string | null;
  /** Set on a merged record: the tombstone points at the member it became. */
  merged_into: number | null;
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  updated_by: number | null;
  /** The import batch that created this member, until the batch is undone or rolled back. */
  import_batch_id: number | null;
}

export interface MemberConsentsTable {
  id: Generated<number>;
  member_id: number;
  channel: 'sms' | 'call' | 'wechat' | 'email';
  granted: number;
  at: string;
  staff_id: number | null;
}

export interface MemberCardsTable {
  id: Generated<number>;
  member_id: number;
  card_no: string;
  status: 'active' | 'lost' | 'unbound';
  bound_at: string;
  bound_by: number | null;
  ended_at: string | null;
  ended_by: number | null;
  replaces: number | null;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
  color: string;
  created_at: string;
  created_by: number | null;
}

export interface MemberTagsTable {
  member_id: number;
  tag_id: number;
  added_at: string;
  added_by: number | null;
}

/** The member timeline: one feed every feature writes its events to. */
export interface MemberEventsTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  body: Generated<string>;
  /** JSON: the event's own details (ids, amounts, from/to). */
  data: Generated<string>;
  staff_id: number | null;
  at: string;
  day: string;
}

export interface DuplicateCandidatesTable {
  id: Generated<number>;
  member_a: number;
  member_b: number;
  /** Comma-separated duplicate reasons (nameBirthday, namePhone, email, wechat). */
  reason: string;
  found_at: string;
  status: Generated<'open' | 'merged' | 'dismissed'>;
  resolved_at: string | null;
  resolved_by: number | null;
}

export interface MemberMergesTable {
  id: Generated<number>;
  survivor_id: number;
  merged_id: number;
  at: string;
  staff_id: number | null;
  /** JSON: how many rows of each table moved. */
  moved: string;
  /** JSON: both member rows as they were before the merge; wiped when either person is erased. */
  snapshot: Generated<string>;
}

/** One row per distinct 1- and 2-character piece of a member's name, for fragment search. */
export interface MemberNameGramsTable {
  gram: string;
  member_id: number;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  entity: ImportEntityName;
  file_name: string;
  file_sha256: string;
  encoding: string;
  mode: 'addOnly' | 'addAndUpdate';
  /** JSON: the file column each field was read from. */
  mapping: string;
  status: 'running' | 'done' | 'cancelled' | 'undone' | 'rolledBack';
  rows_total: Generated<number>;
  imported: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  invalid: Generated<number>;
  started_at: string;
  finished_at: string | null;
  staff_id: number | null;
  undone_at: string | null;
  undone_by: number | null;
}

/** A member an import changed: JSON `{ column: [before, after] }`, so an undo restores what it set. */
export interface ImportUpdatesTable {
  batch_id: number;
  member_id: number;
  changes: string;
}

/** A file row the import refused or skipped, kept for the error report. */
export interface ImportRejectsTable {
  id: Generated<number>;
  batch_id: number;
  /** The row's line in the file (1 = the header row). */
  line: number;
  /** i18n key under import.reason. */
  reason: string;
  field: Generated<string>;
  /** The existing member the row was matched to (a skipped duplicate), so an erasure can remove it. */
  member_id: number | null;
  /** JSON array: the row's cells exactly as read. */
  raw: string;
}

export interface ImportMappingsTable {
  id: Generated<number>;
  entity: ImportEntityName;
  name: string;
  /** JSON: field per file header. */
  mapping: string;
  created_at: string;
  created_by: number | null;
}

/** What a member brought from the shop's previous system: the points ledger's opening entry. */
export interface MemberOpeningBalancesTable {
  id: Generated<number>;
  member_id: number;
  points: number;
  spend_fen: number;
  legacy_tier: Generated<string>;
  import_batch_id: number | null;
  at: string;
  day: string;
  staff_id: number | null;
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
  member_consents: MemberConsentsTable;
  member_cards: MemberCardsTable;
  tags: TagsTable;
  member_tags: MemberTagsTable;
  member_events: MemberEventsTable;
  duplicate_candidates: DuplicateCandidatesTable;
  member_merges: MemberMergesTable;
  import_batches: ImportBatchesTable;
  import_updates: ImportUpdatesTable;
  import_rejects: ImportRejectsTable;
  import_mappings: ImportMappingsTable;
  member_opening_balances: MemberOpeningBalancesTable;
  purchases: PurchasesTable;
  purchase_refunds: PurchaseRefundsTable;
  points_ledger: PointsLedgerTable;
  points_allocations: PointsAllocationsTable;
  checkins: CheckinsTable;
  activities: ActivitiesTable;
  activity_attendees: ActivityAttendeesTable;
  rewards: RewardsTable;
  redemptions: RedemptionsTable;
  draw_prizes: DrawPrizesTable;
  draws: DrawsTable;
  tiers: TiersTable;
  tier_services: TierServicesTable;
  member_tiers: MemberTiersTable;
  growth_ledger: GrowthLedgerTable;
  tier_changes: TierChangesTable;
  tier_service_uses: TierServiceUsesTable;
  complaint_categories: ComplaintCategoriesTable;
  complaints: ComplaintsTable;
  complaint_steps: ComplaintStepsTable;
  followups: FollowupsTable;
  surveys: SurveysTable;
  survey_members: SurveyMembersTable;
  wallet_terms: WalletTermsTable;
  wallet_packages: WalletPackagesTable;
  wallet_accounts: WalletAccountsTable;
  wallet_ledger: WalletLedgerTable;
  wallet_topups: WalletTopupsTable;
  wallet_payouts: WalletPayoutsTable;
  visitcard_products: VisitcardProductsTable;
  visitcards: VisitcardsTable;
  visitcard_uses: VisitcardUsesTable;
  till_closes: TillClosesTable;
}
