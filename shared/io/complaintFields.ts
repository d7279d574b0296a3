import type { BuiltInCategory, ComplaintStatus, CompensationKind, IntakeChannel, Severity } from '../complaints.js';

type Language = 'zh' | 'en';

/**
 * Complaint words for the files the main process writes (it has no i18n resources). Each is a
 * `Record` over its union: a new channel, status or kind must be named here before it compiles.
 */
export const complaintFileFields = [
  'id',
  'loggedAt',
  'memberNo',
  'name',
  'phone',
  'channel',
  'category',
  'description',
  'severity',
  'priority',
  'status',
  'assignee',
  'firstResponseDue',
  'firstResponseAt',
  'resolutionDue',
  'resolvedAt',
  'breached',
  'resolution',
  'compensationKind',
  'compensationPoints',
  'compensationFen',
  'csatScore',
  'csatComment',
] as const;
export type ComplaintFileField = (typeof complaintFileFields)[number];

/** The column headers: the words of the complaint screens (list columns, detail and forms). */
export const complaintFileHeaders: Record<Language, Record<ComplaintFileField, string>> = {
  zh: {
    id: '投诉号',
    loggedAt: '登记时间',
    memberNo: '会员编号',
    name: '投诉人',
    phone: '电话',
    channel: '渠道',
    category: '类别',
    description: '投诉内容',
    severity: '严重程度',
    priority: '投诉处理优先级',
    status: '状态',
    assignee: '负责人',
    firstResponseDue: '响应期限',
    firstResponseAt: '首次响应时间',
    resolutionDue: '解决期限',
    resolvedAt: '解决时间',
    breached: '超时',
    resolution: '处理结果',
    compensationKind: '补偿方式',
    compensationPoints: '补偿积分',
    compensationFen: '补偿金额',
    csatScore: '满意度评分',
    csatComment: '顾客意见',
  },
  en: {
    id: 'Complaint no',
    loggedAt: 'Logged',
    memberNo: 'Member no',
    name: 'Complainant',
    phone: 'Phone',
    channel: 'Channel',
    category: 'Category',
    description: 'Complaint',
    severity: 'Severity',
    priority: 'Complaint priority',
    status: 'Status',
    assignee: 'Assignee',
    firstResponseDue: 'Respond by',
    firstResponseAt: 'First response at',
    resolutionDue: 'Resolve by',
    resolvedAt: 'Resolved at',
    breached: 'Late',
    resolution: 'Resolution',
    compensationKind: 'Compensation',
    compensationPoints: 'Compensation points',
    compensationFen: 'Compensation amount',
    csatScore: 'Satisfaction score',
    csatComment: 'Customer’s comment',
  },
};

// The values below are the screens' words exactly (renderer/i18n zh|en.complaints `channels`,
// `severities`, `statuses`, `categories`, `compensationKinds`; zh|en.tiersPages
// `settings.priorities`; zh|en.followups `surveys.figures`), so a file reads as the screen does.

export const intakeChannelNames: Record<Language, Record<IntakeChannel, string>> = {
  zh: { store: '到店', phone: '电话', wechat: '微信', review: '网上评价', other: '其他' },
  en: { store: 'In store', phone: 'Phone', wechat: 'WeChat', review: 'Online review', other: 'Other' },
};

export const severityNames: Record<Language, Record<Severity, string>> = {
  zh: { low: '轻微', normal: '一般', high: '严重', urgent: '紧急' },
  en: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
};

export const complaintStatusNames: Record<Language, Record<ComplaintStatus, string>> = {
  zh: { new: '新登记', assigned: '已指派', inProgress: '处理中', resolved: '已解决', closed: '已结案' },
  en: { new: 'New', assigned: 'Assigned', inProgress: 'In progress', resolved: 'Resolved', closed: 'Closed' },
};

/** The built-in categories' names until the shop renames them. */
export const builtInCategoryNames: Record<Language, Record<BuiltInCategory, string>> = {
  zh: {
    quality: '商品质量',
    attitude: '服务态度',
    price: '价格',
    returns: '退换货',
    environment: '店内环境',
    other: '其他',
  },
  en: {
    quality: 'Product quality',
    attitude: 'Service attitude',
    price: 'Price',
    returns: 'Returns',
    environment: 'Shop environment',
    other: 'Other',
  },
};

export const compensationKindNames: Record<Language, Record<CompensationKind, string>> = {
  zh: { apology: '仅道歉', points: '积分', coupon: '优惠券', refund: '退款' },
  en: { apology: 'Apology only', points: 'Points', coupon: 'Coupon', refund: 'Refund' },
};

/** The member's tier complaint priority (0–3) by its label on the tier settings page. */
export const complaintPriorityNames: Record<Language, readonly [string, string, string, string]> = {
  zh: ['标准', '优先', '加急', '最高'],
  en: ['Standard', 'Priority', 'Expedited', 'Top'],
};

export const yesNo: Record<Language, Record<'yes' | 'no', string>> = {
  zh: { yes: '是', no: '否' },
  en: { yes: 'Yes', no: 'No' },
};

/** The complaints report as a table: a row per figure, grouped by section. */
export const complaintReportFields = ['section', 'item', 'count', 'value'] as const;
export type ComplaintReportField = (typeof complaintReportFields)[number];

export const complaintReportHeaders: Record<Language, Record<ComplaintReportField, string>> = {
  zh: { section: '分组', item: '项目', count: '数量', value: '数值' },
  en: { section: 'Section', item: 'Item', count: 'Count', value: 'Value' },
};

export const complaintReportSections = ['summary', 'category', 'severity', 'csatTrend', 'nps'] as const;
export type ComplaintReportSection = (typeof complaintReportSections)[number];

export const complaintReportSectionNames: Record<Language, Record<ComplaintReportSection, string>> = {
  zh: {
    summary: '概况',
    category: '按类别',
    severity: '按严重程度',
    csatTrend: '每月满意度',
    nps: '净推荐值（NPS）',
  },
  en: {
    summary: 'Summary',
    category: 'By category',
    severity: 'By severity',
    csatTrend: 'Satisfaction by month',
    nps: 'Net Promoter Score',
  },
};

export const complaintReportItems = [
  'period',
  'total',
  'meanFirstResponseMinutes',
  'meanResolutionMinutes',
  'firstResponseBreachPct',
  'resolutionBreachPct',
  'csatAverage',
  'csatResponsePct',
  'nps',
  'npsResponsePct',
  'answered',
  'promoters',
  'passives',
  'detractors',
] as const;
export type ComplaintReportItem = (typeof complaintReportItems)[number];

/**
 * The report page's words (zh|en.followups `complaintReport`, and `surveys` for the NPS groups),
 * with the unit of the number in the value column where the page shows it formatted.
 */
export const complaintReportItemNames: Record<Language, Record<ComplaintReportItem, string>> = {
  zh: {
    period: '统计期间',
    total: '投诉数',
    meanFirstResponseMinutes: '平均首次响应（分钟）',
    meanResolutionMinutes: '平均解决用时（分钟）',
    firstResponseBreachPct: '首次响应超时率（%）',
    resolutionBreachPct: '解决超时率（%）',
    csatAverage: '满意度（CSAT）平均分',
    csatResponsePct: '满意度（CSAT）回复率（%）',
    nps: '净推荐值（NPS）',
    npsResponsePct: '净推荐值（NPS）回复率（%）',
    answered: '已回答',
    promoters: '推荐者（9–10）',
    passives: '中立者（7–8）',
    detractors: '贬损者（0–6）',
  },
  en: {
    period: 'Period',
    total: 'Complaints',
    meanFirstResponseMinutes: 'Mean first response (minutes)',
    meanResolutionMinutes: 'Mean time to resolve (minutes)',
    firstResponseBreachPct: 'First response late (%)',
    resolutionBreachPct: 'Resolution late (%)',
    csatAverage: 'Satisfaction (CSAT) average',
    csatResponsePct: 'Satisfaction (CSAT) response rate (%)',
    nps: 'Net Promoter Score',
    npsResponsePct: 'Net Promoter Score response rate (%)',
    answered: 'Answered',
    promoters: 'Promoters (9–10)',
    passives: 'Passives (7–8)',
    detractors: 'Detractors (0–6)',
  },
};
