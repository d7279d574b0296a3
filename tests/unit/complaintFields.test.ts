import { describe, expect, it } from 'vitest';
import { enComplaints } from '../../renderer/i18n/en.complaints.js';
import { enComplaintReport, enSurveys } from '../../renderer/i18n/en.followups.js';
import { enTiers } from '../../renderer/i18n/en.tiersPages.js';
import { zhComplaints } from '../../renderer/i18n/zh.complaints.js';
import { zhComplaintReport, zhSurveys } from '../../renderer/i18n/zh.followups.js';
import { zhTiers } from '../../renderer/i18n/zh.tiersPages.js';
import {
  builtInCategoryNames,
  complaintFileHeaders,
  complaintPriorityNames,
  complaintReportItemNames,
  complaintReportSectionNames,
  complaintStatusNames,
  compensationKindNames,
  intakeChannelNames,
  severityNames,
} from '../../shared/io/complaintFields.js';

/**
 * The main process writes the complaint files without the renderer's i18n: its own word lists
 * must say exactly what the screens say, or a file reads "已关闭" where the screen says "已结案".
 */
const screens = {
  zh: { complaints: zhComplaints, report: zhComplaintReport, surveys: zhSurveys, tiers: zhTiers },
  en: { complaints: enComplaints, report: enComplaintReport, surveys: enSurveys, tiers: enTiers },
};

describe.each(['zh', 'en'] as const)('the complaint export words (%s)', (lang) => {
  const s = screens[lang];

  it('name channels, severities, statuses, categories and compensations as the screens do', () => {
    expect(intakeChannelNames[lang]).toEqual(s.complaints.channels);
    expect(severityNames[lang]).toEqual(s.complaints.severities);
    expect(complaintStatusNames[lang]).toEqual(s.complaints.statuses);
    expect(builtInCategoryNames[lang]).toEqual(s.complaints.categories);
    expect(compensationKindNames[lang]).toEqual(s.complaints.compensationKinds);
  });

  it('give the tier complaint priority by its label on the tier settings page', () => {
    const labels = s.tiers.settings.priorities;
    expect([...complaintPriorityNames[lang]]).toEqual([labels[0], labels[1], labels[2], labels[3]]);
  });

  it('use the screens’ headers and the report page’s words', () => {
    const h = complaintFileHeaders[lang];
    expect(h.severity).toBe(s.complaints.filters.severity);
    expect(h.status).toBe(s.complaints.filters.status);
    expect(h.category).toBe(s.complaints.filters.category);
    expect(h.assignee).toBe(s.complaints.columns.assignee);
    expect(h.name).toBe(s.complaints.columns.complainant);
    expect(h.channel).toBe(s.complaints.detail.channel);
    expect(h.resolution).toBe(s.complaints.detail.resolution);
    expect(h.compensationKind).toBe(s.complaints.resolve.compensation);
    expect(h.csatComment).toBe(s.complaints.csat.comment);
    const items = complaintReportItemNames[lang];
    expect(items.total).toBe(s.report.total);
    expect(items.promoters).toBe(s.surveys.figures.promoters);
    expect(items.passives).toBe(s.surveys.figures.passives);
    expect(items.detractors).toBe(s.surveys.figures.detractors);
    expect(items.answered).toBe(s.surveys.answered);
    expect(items.nps).toBe(s.report.nps);
    for (const [item, word] of [
      ['meanFirstResponseMinutes', s.report.firstResponse],
      ['meanResolutionMinutes', s.report.resolution],
      ['firstResponseBreachPct', s.report.firstResponseBreach],
      ['resolutionBreachPct', s.report.resolutionBreach],
      ['csatAverage', s.report.csat],
    ] as const)
      expect(items[item].startsWith(word)).toBe(true);
    const sections = complaintReportSectionNames[lang];
    expect(sections.category).toBe(s.report.byCategory);
    expect(sections.severity).toBe(s.report.bySeverity);
    expect(sections.csatTrend).toBe(s.report.csatTrend);
    expect(sections.nps).toBe(s.report.nps);
  });
});
