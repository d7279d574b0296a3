import type { NpsFigures } from './complaints.js';

/**
 * The most members one survey asks. Answers are entered by staff as they come in (by phone, at the
 * counter), so a larger set is never answered, and asking the whole membership would hold the
 * database for seconds; the owner narrows the filter instead.
 */
export const maxSurveyMembers = 5000;

/** An NPS survey (净推荐值调查): a set of members chosen from the member list, asked 0–10 and why. */
export interface SurveyInfo {
  id: number;
  name: string;
  /** The member-list filter the set was chosen with, as the list page described it. */
  filterNote: string;
  createdAt: string;
  createdByName: string | null;
  closedAt: string | null;
  invited: number;
  responded: number;
  /** Responded in percent of invited. */
  responsePct: number | null;
  figures: NpsFigures;
}

export interface SurveyMemberRow {
  memberId: number;
  memberName: string;
  memberNo: string;
  phone: string;
  score: number | null;
  reason: string;
  respondedAt: string | null;
  recordedByName: string | null;
}
