/**
 * Complaints (投诉): intake, the workflow with its SLA, the resolution and its compensation, and the
 * satisfaction (CSAT) recorded at closure. Shapes shared by the main process and the renderer.
 */

/** How the complaint reached the shop. */
export const intakeChannels = ['store', 'phone', 'wechat', 'review', 'other'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

export const severities = ['low', 'normal', 'high', 'urgent'] as const;
export type Severity = (typeof severities)[number];

/** new → assigned → inProgress → resolved → closed; a resolved or closed complaint may be reopened. */
export const complaintStatuses = ['new', 'assigned', 'inProgress', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const openStatuses: readonly ComplaintStatus[] = ['new', 'assigned', 'inProgress'];

/** What a step of the workflow did; `note` records a contact or remark without moving the complaint. */
export const complaintActions = ['log', 'assign', 'start', 'resolve', 'close', 'reopen', 'rate', 'note'] as const;
export type ComplaintAction = (typeof complaintActions)[number];

/** The categories every shop starts with; their names are translated until the shop renames them. */
export const builtInCategories = ['quality', 'attitude', 'price', 'returns', 'environment', 'other'] as const;
export type BuiltInCategory = (typeof builtInCategories)[number];

/** Apology only, points through the ledger, a coupon (reward) from the catalog, or a refund done at the till. */
export const compensationKinds = ['apology', 'points', 'coupon', 'refund'] as const;
export type CompensationKind = (typeof compensationKinds)[number];

/** Who entered the CSAT score: staff asking on the phone, or the member tapping it on the counter screen. */
export const ratedBy = ['staff', 'member'] as const;
export type RatedBy = (typeof ratedBy)[number];

export interface ComplaintSettings {
  /** Hours to the first response, per severity. */
  firstResponseHours: Record<Severity, number>;
  /** Shop days to resolution, per severity: 0 = by the end of the day it was logged. */
  resolutionDays: Record<Severity, number>;
  /** Each level of the member's tier complaint priority shortens both targets by this percent. */
  priorityCutPct: number;
  /** The most compensation a clerk may give, in fen (points count at the shop's point value). */
  clerkLimitFen: number;
  /** The most a manager may give; the owner has no limit. */
  managerLimitFen: number;
  /** A complaint resolved more than this many days ago is reopened only by a manager or the owner. */
  reopenDays: number;
  /** A follow-up visit is due this many days after a complaint is resolved; 0 = none. */
  followupDays: number;
}

export interface ComplaintCategory {
  id: number;
  /** Set for the built-in categories; the UI shows its translation unless `name` is set. */
  key: BuiltInCategory | null;
  /** The shop's own name; null for a built-in category that was not renamed. */
  name: string | null;
  active: boolean;
}

export interface ComplaintsConfig {
  settings: ComplaintSettings;
  categories: ComplaintCategory[];
}

export type Compensation =
  | { kind: 'apology' }
  | { kind: 'points'; points: number; entryId: number | null }
  | { kind: 'coupon'; rewardId: number; rewardName: string; redemptionId: number; code: string | null }
  | { kind: 'refund'; amountFen: number; reference: string };

export interface Csat {
  score: number;
  comment: string;
  by: RatedBy;
  at: string;
}

/** A row of the complaints list. */
export interface ComplaintSummary {
  id: number;
  memberId: number | null;
  memberName: string;
  /** The member's phone, or the walk-in complainant's; masked for clerks. */
  phone: string;
  channel: IntakeChannel;
  category: ComplaintCategory;
  severity: Severity;
  /** The member's tier complaint priority when logged (0–3). */
  priority: number;
  status: ComplaintStatus;
  assigneeId: number | null;
  assigneeName: string | null;
  description: string;
  loggedAt: string;
  firstResponseDue: string;
  firstResponseAt: string | null;
  resolutionDue: string;
  resolvedAt: string | null;
  /** Past a target that is not met yet (at the time of the call). */
  overdue: boolean;
}

export interface ComplaintStep {
  id: number;
  action: ComplaintAction;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  note: string;
  staffName: string | null;
  assigneeName: string | null;
  at: string;
}

export interface ComplaintDetail extends ComplaintSummary {
  purchaseId: number | null;
  purchaseReceipt: string | null;
  resolution: string;
  compensation: Compensation | null;
  closedAt: string | null;
  csat: Csat | null;
  loggedByName: string | null;
  steps: ComplaintStep[];
  /** What the caller may do now (the main process checks again). */
  can: {
    assign: boolean;
    take: boolean;
    start: boolean;
    resolve: boolean;
    close: boolean;
    reopen: boolean;
    rate: boolean;
  };
  /** The caller's compensation limit in fen; null = no limit (the owner). */
  limitFen: number | null;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface CsatPoint {
  /** YYYY-MM */
  month: string;
  average: number | null;
  responses: number;
}

export interface NpsFigures {
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  /** Promoters minus detractors, in percent of the responses; null without responses. */
  nps: number | null;
}

/** The complaints and satisfaction report for shop days from–to. */
export interface ComplaintReport {
  from: string;
  to: string;
  total: number;
  byCategory: { category: ComplaintCategory; count: number }[];
  bySeverity: { severity: Severity; count: number }[];
  /** Mean minutes from logging to the first response / to resolution; null when none. */
  meanFirstResponseMinutes: number | null;
  meanResolutionMinutes: number | null;
  /**
   * Of the complaints logged in the period whose target has passed (or was met), the share (0–100)
   * that met it late or not at all.
   */
  firstResponseBreachPct: number | null;
  resolutionBreachPct: number | null;
  csatAverage: number | null;
  /** Closed complaints in the period that have a CSAT score, in percent of those closed. */
  csatResponsePct: number | null;
  csatTrend: CsatPoint[];
  nps: NpsFigures;
  /** Answered over asked (0–100) in the surveys created in the period. */
  npsResponsePct: number | null;
}
