import { describe, expect, it } from 'vitest';
import { enPoints } from '../../renderer/i18n/en.points.js';
import { enTill } from '../../renderer/i18n/en.walletTill.js';
import { zhPoints } from '../../renderer/i18n/zh.points.js';
import { zhTill } from '../../renderer/i18n/zh.walletTill.js';
import {
  tillCloseHeaders,
  tillCloseSectionNames,
  tillExportTitles,
  tillFigureNames,
  tillMethodNames,
  walletReportHeaders,
  walletReportItemNames,
  walletReportItems,
  walletReportSectionNames,
} from '../../shared/io/walletFields.js';
import { tillFigures } from '../../shared/rules/till.js';

/**
 * The main process writes the day-close and stored-value report files without the renderer's
 * i18n: its own word lists must say exactly what the pages say, or the file reads "退款" where
 * the page says something else.
 */
const screens = {
  zh: { till: zhTill, points: zhPoints },
  en: { till: enTill, points: enPoints },
};

describe.each(['zh', 'en'] as const)('the till export words (%s)', (lang) => {
  const s = screens[lang];

  it('name payment methods and till figures as the pages do', () => {
    expect(tillMethodNames[lang]).toEqual(s.points.paymentMethods);
    expect(tillFigureNames[lang]).toEqual(s.till.figures);
    expect(Object.keys(tillFigureNames[lang])).toEqual([...tillFigures]);
  });

  it('head the day-close file with the day-close page’s words', () => {
    const h = tillCloseHeaders[lang];
    expect(h.day).toBe(s.till.day.day);
    expect(h.staff).toBe(s.till.staff);
    expect(h.method).toBe(s.till.method);
    for (const f of tillFigures) expect(h[f]).toBe(s.till.figures[f]);
    expect(tillCloseSectionNames[lang]).toEqual({
      lines: s.till.day.byStaff,
      byMethod: s.till.day.byMethod,
      total: s.till.total,
    });
  });

  it('name the report’s sections and figures as the report page does', () => {
    expect(walletReportHeaders[lang].method).toBe(s.till.method);
    expect(walletReportSectionNames[lang]).toEqual({
      summary: s.till.report.summary,
      days: s.till.report.dailyTitle,
      staff: s.till.report.byStaff,
      method: s.till.report.byMethodTitle,
      product: s.till.report.byProduct,
    });
    for (const item of walletReportItems) expect(walletReportItemNames[lang][item]).toBe(s.till.report[item]);
  });
});

describe('the till files', () => {
  it('are named in the pages’ words', () => {
    expect(tillExportTitles.zh).toEqual({
      day: zhTill.closes.day,
      shift: zhTill.closes.shift,
      report: zhTill.report.title,
    });
  });

  it('call the net column stored value and card takings, never the whole drawer', () => {
    expect(tillFigureNames.zh.netFen).toBe('储值/次卡实收');
    expect(tillFigureNames.en.netFen).toBe('Stored value & card takings');
    // Straight apostrophes in English: the curly one renders wide in the CJK font.
    expect(JSON.stringify(enTill)).not.toContain('\u2019');
  });
});
