/** 回访、满意度调查（NPS）、投诉报表，以及停用员工时转交未完成的工作。 */
export const zhFollowups = {
  title: '回访',
  intro: '投诉解决后、大额消费后、生日或久未到店时给会员打个电话。到期当天出现在“今日”，过了到期日标为逾期。',
  views: { today: '今日', mine: '我的', open: '未完成', done: '已完成' },
  none: {
    today: '今天没有要回访的会员。',
    mine: '没有指派给您的未完成回访。',
    open: '没有未完成的回访。',
    done: '还没有完成的回访。',
  },
  member: '会员',
  walkIn: '非会员',
  phone: '电话',
  reason: '原因',
  reasons: {
    complaint: '投诉解决后',
    largePurchase: '大额消费后',
    birthday: '生日',
    inactive: '90 天未到店',
    custom: '其他',
  },
  dueOn: '到期日',
  late: '逾期',
  assignee: '负责人',
  unassigned: '未指派',
  note: '备注',
  outcome: '结果',
  outcomes: { reached: '已联系上', notReached: '未联系上', callBack: '约定再联系' },
  outcomeNote: '回访记录',
  nextStep: '下一步',
  doneBy: '回访人',
  complaint: '投诉 #{{id}}',
  callBackOf: '再次联系',
  record: '记录结果',
  recordTitle: '记录回访结果',
  recordFor: '{{name}}，{{reason}}',
  callBackOn: '再联系日期',
  callBackHint: '到这一天会自动新建一条回访任务，下一步写进它的备注。',
  recorded: '已记录回访结果',
  reassign: '转交 / 改期',
  reassignTitle: '转交或改期',
  reassigned: '回访任务已更新',
  home: {
    title: '今日回访',
    summary_one: '{{count}} 条待回访',
    summary_other: '{{count}} 条待回访',
    more: '查看全部回访',
  },
  memberCard: {
    title: '回访',
    empty: '没有未完成的回访。',
    add: '新建回访',
  },
  create: {
    title: '新建回访',
    submit: '新建',
    created: '已新建回访任务，{{day}} 到期',
  },
};

export const zhSurveys = {
  title: '满意度调查',
  intro:
    '净推荐值（NPS）：问会员“您有多大可能把本店推荐给朋友或家人？”0–10 分。9–10 分为推荐者，7–8 分为中立者，0–6 分为贬损者；NPS = 推荐者占比 − 贬损者占比。',
  start: '发起满意度调查',
  name: '调查名称',
  namePlaceholder: '如：春季会员满意度',
  audience: '调查对象：{{note}}',
  chosen: '调查对象',
  willAsk_one: '将询问 {{count}} 位会员。',
  willAsk_other: '将询问 {{count}} 位会员。',
  archivedNotAsked: '已归档的会员不参与调查：请先取消“只看已归档”。',
  nobody: '当前筛选没有会员，换个筛选再试。',
  tooMany: '一次调查最多询问 {{max}} 位会员（要一位一位录入回答），请缩小筛选范围。',
  create: '发起调查',
  created: '已发起调查「{{name}}」',
  filter: {
    all: '全部会员',
    tag: '标签“{{name}}”',
    source: '来源：{{value}}',
    consent: '同意接收{{value}}',
    gender: '性别：{{value}}',
    birthdayMonth: '{{m}} 月生日',
    joinedBetween: '{{from}} 至 {{to}} 入会',
    joinedFrom: '{{from}} 起入会',
    joinedTo: '{{to}} 前入会',
    notConfirmed: '资料待确认',
    archived: '已归档',
    separator: '，',
  },
  empty: '还没有满意度调查。在会员列表筛选出要询问的会员，再点“发起满意度调查”。',
  createdAt: '发起时间',
  createdBy: '发起人',
  asked: '询问',
  answered: '已回答',
  responseRate: '回复率',
  nps: 'NPS',
  status: '状态',
  open: '进行中',
  closed: '已结束',
  close: '结束调查',
  closeConfirm: '结束调查「{{name}}」？结束后不能再录入或修改回答。',
  closedDone: '调查已结束',
  notFound: '找不到这个调查',
  back: '全部调查',
  members: '调查对象',
  respondedFilter: { all: '全部', answered: '已回答', notYet: '未回答' },
  memberNone: '没有符合的会员。',
  score: '分数',
  reason: '原因',
  answeredAt: '回答时间',
  recordedBy: '录入人',
  enter: '录入',
  change: '修改',
  respondTitle: '录入回答：{{name}}',
  question: '“您有多大可能把本店推荐给朋友或家人？”0 = 完全不可能，10 = 非常可能。',
  chooseScore: '请选择分数',
  saved: '已录入 {{name}}：{{score}} 分',
  figures: {
    title: '调查结果',
    promoters: '推荐者（9–10）',
    passives: '中立者（7–8）',
    detractors: '贬损者（0–6）',
    responses: '{{responded}} / {{invited}} 人回答',
    noAnswers: '还没有回答',
  },
};

export const zhComplaintReport = {
  title: '投诉报表',
  intro:
    '按营业日统计所选期间登记的投诉；满意度（CSAT）按期间内结案的投诉，净推荐值（NPS）按期间内的回答。超时率只计已到时限的投诉。',
  from: '开始日期',
  to: '结束日期',
  thisMonth: '本月',
  lastMonth: '上月',
  last90: '最近 90 天',
  total: '投诉数',
  firstResponse: '平均首次响应',
  resolution: '平均解决用时',
  firstResponseBreach: '首次响应超时率',
  resolutionBreach: '解决超时率',
  csat: '满意度（CSAT）',
  csatValue: '{{value}} / 5',
  nps: '净推荐值（NPS）',
  responseRate: '回复率 {{pct}}',
  byCategory: '按类别',
  bySeverity: '按严重程度',
  csatTrend: '每月满意度',
  count: '投诉数',
  average: '平均分',
  noComplaints: '这段时间没有登记投诉。',
  noCsat: '这段时间没有满意度评分。',
  exportComplaints: '导出投诉明细',
  exportReport: '导出报表',
  duration: {
    minutes: '{{m}}分钟',
    hours: '{{h}}小时',
    hoursMinutes: '{{h}}小时{{m}}分',
    days_one: '{{count}}天',
    days_other: '{{count}}天',
    daysHours_one: '{{count}}天{{h}}小时',
    daysHours_other: '{{count}}天{{h}}小时',
  },
};

export const zhStaffWork = {
  checking: '正在查看未完成的工作…',
  openWork: '该员工还有 {{complaints}} 条投诉、{{followups}} 条回访未完成。',
  reassignTo: '转交给',
  nobody: '不转交，留为未指派',
  reassignHint: '不转交时：已指派但未处理的投诉回到“新登记”，处理中的投诉和回访变为无人负责，需要店长另行指派。',
  choose: '请选择转交给谁，或选择不转交',
  deactivated: '已停用 {{name}}',
};

export const zhFollowupsNav = { followups: '回访', surveys: '满意度调查', complaintReport: '投诉报表' };

export const zhFollowupsExport = {
  title: { complaints: '导出投诉明细', complaintReport: '导出投诉报表' },
  intro: {
    complaints: '导出这段营业日登记的投诉：时限、处理、补偿和满意度，时间为店铺所在时区。',
    complaintReport: '导出投诉报表的各张表：按类别、按严重程度和每月满意度。',
  },
};

export const zhFollowupsErrors = {
  followups: {
    notFound: '找不到这条回访',
    done: '这条回访已经记录过结果',
    badAssignee: '负责人不存在或已停用',
    assignOthers: '店员只能把回访指派给自己，指派给别人需要店长',
    pastDue: '日期不能早于今天',
  },
  surveys: {
    notFound: '找不到这个调查',
    closed: '调查已结束，不能再录入回答',
    notAsked: '这位会员不在本次调查对象中',
    noMembers: '当前筛选没有可以询问的会员（已归档会员不参与调查）',
    tooMany: '一次调查最多询问 {{max}} 位会员，请缩小筛选范围',
  },
};

export const zhFollowupsStaffErrors = {
  reassignInvalid: '只能转交给另一位在职员工',
};

export const zhFollowupsAudit = {
  followups_created: '新建回访',
  followups_recorded: '记录回访结果',
  followups_reassigned: '转交回访',
  surveys_created: '发起满意度调查',
  surveys_closed: '结束满意度调查',
  staff_workReassigned: '转交离职员工的工作',
};

export const zhFollowupsEvents = {
  followupCreated: '新建回访（{{reason}}），{{dueOn}} 到期',
  followupDone: '回访：{{outcome}}',
  npsAnswered: '满意度调查「{{survey}}」：{{score}} 分',
};

/** Everything above, as zh.ts / en.ts merge it: the pages at the top level, the rest into their sections. */
export const zhFollowupsAll = {
  pages: {
    followups: zhFollowups,
    surveys: zhSurveys,
    complaintReport: zhComplaintReport,
    staffWork: zhStaffWork,
  },
  nav: zhFollowupsNav,
  export: zhFollowupsExport,
  errors: zhFollowupsErrors,
  staffErrors: zhFollowupsStaffErrors,
  events: zhFollowupsEvents,
};
