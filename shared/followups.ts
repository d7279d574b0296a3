/** Follow-up visits (回访): tasks to call or see a member, with their outcome. */

export const followupReasons = ['complaint', 'largePurchase', 'birthday', 'inactive', 'custom'] as const;
export type FollowupReason = (typeof followupReasons)[number];

/** Reached, not reached, or asked to call back (which schedules the next task). */
export const followupOutcomes = ['reached', 'notReached', 'callBack'] as const;
export type FollowupOutcome = (typeof followupOutcomes)[number];

export interface FollowupInfo {
  id: number;
  /** Null for a walk-in complainant: then `contactName` and `phone` come from the complaint. */
  memberId: number | null;
  memberName: string;
  /** Masked for clerks, as in every list. */
  phone: string;
  reason: FollowupReason;
  note: string;
  /** The shop day it is due. */
  dueOn: string;
  assigneeId: number | null;
  assigneeName: string | null;
  complaintId: number | null;
  outcome: FollowupOutcome | null;
  outcomeNote: string;
  nextStep: string;
  doneAt: string | null;
  doneByName: string | null;
  /** The task this one was scheduled from (a call back). */
  previousId: number | null;
  createdAt: string;
  /** Open and due before today. */
  late: boolean;
}
