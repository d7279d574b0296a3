import type { Shape } from './en';
import type {
  zhComplaintReport,
  zhFollowups,
  zhFollowupsAudit,
  zhFollowupsErrors,
  zhFollowupsEvents,
  zhFollowupsExport,
  zhFollowupsNav,
  zhFollowupsStaffErrors,
  zhStaffWork,
  zhSurveys,
} from './zh.followups';

export const enFollowups: Shape<typeof zhFollowups> = {
  title: 'Follow-ups',
  intro:
    'A call to a member after a complaint is resolved, after a large purchase, on a birthday or when they stay away. Tasks show under Today on their due day and are marked late after it.',
  views: { today: 'Today', mine: 'Mine', open: 'Open', done: 'Done' },
  none: {
    today: 'No follow-ups due today.',
    mine: 'No open follow-ups assigned to you.',
    open: 'No open follow-ups.',
    done: 'No follow-ups done yet.',
  },
  member: 'Member',
  walkIn: 'Not a member',
  phone: 'Phone',
  reason: 'Reason',
  reasons: {
    complaint: 'After a complaint',
    largePurchase: 'After a large purchase',
    birthday: 'Birthday',
    inactive: 'Away 90 days',
    custom: 'Other',
  },
  dueOn: 'Due',
  late: 'Late',
  assignee: 'Assignee',
  unassigned: 'Unassigned',
  note: 'Note',
  outcome: 'Outcome',
  outcomes: { reached: 'Reached', notReached: 'Not reached', callBack: 'Call back' },
  outcomeNote: 'What was said',
  nextStep: 'Next step',
  doneBy: 'By',
  complaint: 'Complaint #{{id}}',
  callBackOf: 'Call back',
  record: 'Record outcome',
  recordTitle: 'Record the follow-up',
  recordFor: '{{name}}, {{reason}}',
  callBackOn: 'Call back on',
  callBackHint: 'A new follow-up is created for that day, with the next step as its note.',
  recorded: 'Follow-up recorded',
  reassign: 'Reassign / reschedule',
  reassignTitle: 'Reassign or reschedule',
  reassigned: 'Follow-up updated',
  home: {
    title: 'Today’s follow-ups',
    summary_one: '{{count}} to call',
    summary_other: '{{count}} to call',
    more: 'All follow-ups',
  },
  memberCard: {
    title: 'Follow-ups',
    empty: 'No open follow-ups.',
    add: 'New follow-up',
  },
  create: {
    title: 'New follow-up',
    submit: 'Create',
    created: 'Follow-up created, due {{day}}',
  },
};

export const enSurveys: Shape<typeof zhSurveys> = {
  title: 'Satisfaction surveys',
  intro:
    'Net Promoter Score (NPS): members are asked “How likely are you to recommend us to a friend or family member?” from 0 to 10. 9–10 are promoters, 7–8 passives, 0–6 detractors; NPS = % promoters − % detractors.',
  start: 'Start satisfaction survey',
  name: 'Survey name',
  namePlaceholder: 'e.g. Spring member survey',
  audience: 'Asked: {{note}}',
  chosen: 'Who is asked',
  willAsk_one: '{{count}} member will be asked.',
  willAsk_other: '{{count}} members will be asked.',
  archivedNotAsked: 'Archived members are never asked: untick “Archived only” first.',
  nobody: 'No members match the filter; try another.',
  tooMany: 'One survey asks at most {{max}} members (each answer is entered by hand); narrow the filter.',
  create: 'Start survey',
  created: 'Survey “{{name}}” started',
  filter: {
    all: 'All members',
    tag: 'tagged “{{name}}”',
    source: 'source: {{value}}',
    consent: 'agreed to {{value}}',
    gender: 'gender: {{value}}',
    birthdayMonth: 'birthday in month {{m}}',
    joinedBetween: 'joined {{from}} to {{to}}',
    joinedFrom: 'joined from {{from}}',
    joinedTo: 'joined up to {{to}}',
    notConfirmed: 'details to confirm',
    archived: 'archived',
    separator: ', ',
  },
  empty: 'No surveys yet. Filter the member list to the members to ask, then click “Start satisfaction survey”.',
  createdAt: 'Started',
  createdBy: 'By',
  asked: 'Asked',
  answered: 'Answered',
  responseRate: 'Response rate',
  nps: 'NPS',
  status: 'Status',
  open: 'Open',
  closed: 'Closed',
  close: 'Close survey',
  closeConfirm: 'Close the survey “{{name}}”? Answers can no longer be entered or changed.',
  closedDone: 'Survey closed',
  notFound: 'Survey not found',
  back: 'All surveys',
  members: 'Members asked',
  respondedFilter: { all: 'All', answered: 'Answered', notYet: 'Not yet' },
  memberNone: 'No members here.',
  score: 'Score',
  reason: 'Reason',
  answeredAt: 'Answered',
  recordedBy: 'Entered by',
  enter: 'Enter',
  change: 'Change',
  respondTitle: 'Answer of {{name}}',
  question: '“How likely are you to recommend us to a friend or family member?” 0 = not at all, 10 = extremely likely.',
  chooseScore: 'Choose a score',
  saved: '{{name}}: {{score}} entered',
  figures: {
    title: 'Results',
    promoters: 'Promoters (9–10)',
    passives: 'Passives (7–8)',
    detractors: 'Detractors (0–6)',
    responses: '{{responded}} of {{invited}} answered',
    noAnswers: 'No answers yet',
  },
};

export const enComplaintReport: Shape<typeof zhComplaintReport> = {
  title: 'Complaints report',
  intro:
    'Complaints logged on the shop days of the period; satisfaction (CSAT) over complaints closed in it, NPS over the answers given in it. Breach rates count only complaints whose target has come.',
  from: 'From',
  to: 'To',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  last90: 'Last 90 days',
  total: 'Complaints',
  firstResponse: 'Mean first response',
  resolution: 'Mean time to resolve',
  firstResponseBreach: 'First response late',
  resolutionBreach: 'Resolution late',
  csat: 'Satisfaction (CSAT)',
  csatValue: '{{value}} / 5',
  nps: 'Net Promoter Score',
  responseRate: '{{pct}} responded',
  byCategory: 'By category',
  bySeverity: 'By severity',
  csatTrend: 'Satisfaction by month',
  count: 'Complaints',
  average: 'Average',
  noComplaints: 'No complaints were logged in this period.',
  noCsat: 'No satisfaction scores in this period.',
  exportComplaints: 'Export complaints',
  exportReport: 'Export report',
  duration: {
    minutes: '{{m}} min',
    hours: '{{h}} h',
    hoursMinutes: '{{h}} h {{m}} min',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    daysHours_one: '{{count}} day {{h}} h',
    daysHours_other: '{{count}} days {{h}} h',
  },
};

export const enStaffWork: Shape<typeof zhStaffWork> = {
  checking: 'Checking open work…',
  openWork: 'This staff member still has {{complaints}} open complaints and {{followups}} open follow-ups.',
  reassignTo: 'Hand over to',
  nobody: 'Leave unassigned',
  reassignHint:
    'Left unassigned: assigned complaints not yet started go back to New; complaints in progress and follow-ups are left unassigned for a manager to assign.',
  choose: 'Choose who takes over, or to leave it unassigned',
  deactivated: '{{name}} deactivated',
};

export const enFollowupsNav: Shape<typeof zhFollowupsNav> = {
  followups: 'Follow-ups',
  surveys: 'Surveys',
  complaintReport: 'Complaints report',
};

export const enFollowupsExport: Shape<typeof zhFollowupsExport> = {
  title: { complaints: 'Export complaints', complaintReport: 'Export the complaints report' },
  intro: {
    complaints:
      'Exports the complaints logged on these shop days: targets, handling, compensation and satisfaction, with times in the shop’s time zone.',
    complaintReport: 'Exports the report’s tables: by category, by severity and satisfaction by month.',
  },
};

export const enFollowupsErrors: Shape<typeof zhFollowupsErrors> = {
  followups: {
    notFound: 'Follow-up not found',
    done: 'This follow-up has already been recorded',
    badAssignee: 'The assignee does not exist or is deactivated',
    assignOthers: 'A clerk can assign follow-ups only to themselves; a manager assigns them to others',
    pastDue: 'The day cannot be before today',
  },
  surveys: {
    notFound: 'Survey not found',
    closed: 'The survey is closed; answers can no longer be entered',
    notAsked: 'This member was not asked in this survey',
    noMembers: 'No members to ask match the filter (archived members are never asked)',
    tooMany: 'One survey asks at most {{max}} members; narrow the filter',
  },
};

export const enFollowupsStaffErrors: Shape<typeof zhFollowupsStaffErrors> = {
  reassignInvalid: 'Work can only be handed over to another active staff member',
};

export const enFollowupsAudit: Shape<typeof zhFollowupsAudit> = {
  followups_created: 'Follow-up created',
  followups_recorded: 'Follow-up recorded',
  followups_reassigned: 'Follow-up reassigned',
  surveys_created: 'Satisfaction survey started',
  surveys_closed: 'Satisfaction survey closed',
  staff_workReassigned: 'Work of a deactivated staff member handed over',
};

export const enFollowupsEvents: Shape<typeof zhFollowupsEvents> = {
  followupCreated: 'Follow-up ({{reason}}) due {{dueOn}}',
  followupDone: 'Follow-up: {{outcome}}',
  npsAnswered: 'Satisfaction survey “{{survey}}”: {{score}}',
};

/** Everything above, as zh.ts / en.ts merge it: the pages at the top level, the rest into their sections. */
export const enFollowupsAll = {
  pages: {
    followups: enFollowups,
    surveys: enSurveys,
    complaintReport: enComplaintReport,
    staffWork: enStaffWork,
  },
  nav: enFollowupsNav,
  export: enFollowupsExport,
  errors: enFollowupsErrors,
  staffErrors: enFollowupsStaffErrors,
  events: enFollowupsEvents,
};
