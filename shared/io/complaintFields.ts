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

export const complaintFileHeaders: Record<Language, Record<ComplaintFileField, string>> = {
  zh: {
    id: '投诉号',
    loggedAt: '登记时间',
    memberNo: '会员编号',
    name: '姓名',
    phone: '手机号',
    channel: '渠道',
    category: '类别',
    description: '投诉内容',
    severity: '严重程度',
    priority: '优先级',
    status: '状态',
    assignee: '处理人',
    firstResponseDue: '首次响应时限',
    firstResponseAt: '首次响应时间',
    resolutionDue: '解决时限',
    resolvedAt: '解决时间',
    breached: '超时',
    resolution: '处理结果',
    compensationKind: '补偿方式',
    compensationPoints: '补偿积分',
    compensationFen: '补偿金额',
    csatScore: '满意度评分',
    csatComment: '满意度评价',
  },
  en: {
    id: 'Complaint no',
    loggedAt: 'Logged at',
    memberNo: 'Member no',
    name: 'Name',
    phone: 'Phone',
    channel: 'Channel',
    category: 'Category',
    description: 'Description',
    severity: 'Severity',
    priority: 'Priority',
    status: 'Status',
    assignee: 'Assignee',
    firstResponseDue: 'First response due',
    firstResponseAt: 'First response at',
    resolutionDue: 'Resolution due',
    resolvedAt: 'Resolved at',
    breached: 'SLA breached',
    resolution: 'Resolution',
    compensationKind: 'Compensation',
    compensationPoints: 'Compensation points',
    compensationFen: 'Compensation amount',
    csatScore: 'CSAT score',
    csatComment: 'CSAT comment',
  },
};

export const intakeChannelNames: Record<Language, Record<IntakeChannel, string>> = {
  zh: { store: '到店', phone: '电话', wechat: '微信', review: '网络评价', other: '其他' },
  en: { store: 'In store', phone: 'Phone', wechat: 'WeChat', review: 'Online review', other: 'Other' },
};

export const severityNames: Record<Language, Record<Severity, string>> = {
  zh: { low: '低', normal: '一般', high: '高', urgent: '紧急' },
  en: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
};

export const complaintStatusNames: Record<Language, Record<ComplaintStatus, string>> = {
  zh: { new: '新登记', assigned: '已分派', inProgress: '处理中', resolved: '已解决', closed: '已关闭' },
  en: { new: 'New', assigned: 'Assigned', inProgress: 'In progress', resolved: 'Resolved', closed: 'Closed' },
};

/** The built-in categories' names until the shop renames them. */
export const builtInCategoryNames: Record<Language, Record<BuiltInCategory, string>> = {
  zh: {
    quality: '产品质量',
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
    environment: 'Environment',
    other: 'Other',
  },
};

export const compensationKindNames: Record<Language, Record<CompensationKind, string>> = {
  zh: { apology: '仅致歉', points: '积分', coupon: '优惠券', refund: '退款' },
  en: { apology: 'Apology only', points: 'Points', coupon: 'Coupon', refund: 'Refund' },
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
  zh: { summary: '概况', category: '按类别', severity: '按严重程度', csatTrend: '满意度趋势', nps: '净推荐值' },
  en: { summary: 'Summary', category: 'By category', severity: 'By severity', csatTrend: 'CSAT trend', nps: 'NPS' },
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
  'promoters',
  'passives',
  'detractors',
] as const;
export type ComplaintReportItem = (typeof complaintReportItems)[number];

export const complaintReportItemNames: Record<Language, Record<ComplaintReportItem, string>> = {
  zh: {
    period: '统计期间',
    total: '投诉总数',
    meanFirstResponseMinutes: '平均首次响应（分钟）',
    meanResolutionMinutes: '平均解决用时（分钟）',
    firstResponseBreachPct: '首次响应超时率（%）',
    resolutionBreachPct: '解决超时率（%）',
    csatAverage: '满意度平均分',
    csatResponsePct: '满意度回复率（%）',
    nps: '净推荐值',
    npsResponsePct: '调查回复率（%）',
    promoters: '推荐者',
    passives: '被动者',
    detractors: '贬损者',
  },
  en: {
    period: 'Period',
    total: 'Complaints',
    meanFirstResponseMinutes: 'Mean first response (minutes)',
    meanResolutionMinutes: 'Mean resolution (minutes)',
    firstResponseBreachPct: 'First response breach (%)',
    resolutionBreachPct: 'Resolution breach (%)',
    csatAverage: 'CSAT average',
    csatResponsePct: 'CSAT response rate (%)',
    nps: 'NPS',
    npsResponsePct: 'Survey response rate (%)',
    promoters: 'Promoters',
    passives: 'Passives',
    detractors: 'Detractors',
  },
};
