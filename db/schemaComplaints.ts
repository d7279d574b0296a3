import type { Generated } from 'kysely';

/** Complaints, follow-up visits and NPS surveys: Kysely's view (db/schema.ts joins them into `DB`). */
export interface ComplaintCategoriesTable {
  id: Generated<number>;
  /** A built-in category's key (its name is translated until renamed); null for the shop's own. */
  key: string | null;
  name: string | null;
  rank: number;
  active: Generated<number>;
}

export interface ComplaintsTable {
  id: Generated<number>;
  member_id: number | null;
  contact_name: Generated<string>;
  contact_phone: Generated<string>;
  channel: string;
  category_id: number;
  severity: string;
  priority: Generated<number>;
  description: string;
  purchase_id: number | null;
  status: string;
  assignee_id: number | null;
  first_response_due: string;
  first_response_at: string | null;
  resolution_due: string;
  resolved_at: string | null;
  resolved_by: number | null;
  closed_at: string | null;
  resolution: Generated<string>;
  compensation_kind: string | null;
  compensation_points: number | null;
  compensation_entry_id: number | null;
  compensation_redemption_id: number | null;
  /** What the compensation is worth in fen (points at the point value, a coupon's value, a refund). */
  compensation_fen: number | null;
  refund_reference: Generated<string>;
  csat_score: number | null;
  csat_comment: Generated<string>;
  csat_by: string | null;
  csat_at: string | null;
  created_by: number | null;
  created_at: string;
  day: string;
}

export interface ComplaintStepsTable {
  id: Generated<number>;
  complaint_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  note: Generated<string>;
  assignee_id: number | null;
  staff_id: number | null;
  at: string;
}

export interface FollowupsTable {
  id: Generated<number>;
  member_id: number | null;
  complaint_id: number | null;
  previous_id: number | null;
  reason: string;
  note: Generated<string>;
  due_on: string;
  assignee_id: number | null;
  outcome: string | null;
  outcome_note: Generated<string>;
  next_step: Generated<string>;
  done_at: string | null;
  done_by: number | null;
  created_by: number | null;
  created_at: string;
}

export interface SurveysTable {
  id: Generated<number>;
  name: string;
  filter_note: Generated<string>;
  created_by: number | null;
  created_at: string;
  closed_at: string | null;
}

export interface SurveyMembersTable {
  survey_id: number;
  member_id: number;
  score: number | null;
  reason: Generated<string>;
  responded_at: string | null;
  responded_day: string | null;
  recorded_by: number | null;
}
