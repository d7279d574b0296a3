import { zhExport } from './zh.export';
import { zhFollowupsAll } from './zh.followups';
import { zhPointsReportExport } from './zh.pointsReport';
import { zhWalletAll } from './zh.wallet';

/** The export dialog's words: its own, and each list's title and introduction from its feature. */
export const zhExportTexts = {
  ...zhExport,
  title: {
    ...zhExport.title,
    ...zhPointsReportExport.title,
    ...zhFollowupsAll.export.title,
    ...zhWalletAll.export.title,
  },
  intro: {
    ...zhExport.intro,
    ...zhPointsReportExport.intro,
    ...zhFollowupsAll.export.intro,
    ...zhWalletAll.export.intro,
  },
};
