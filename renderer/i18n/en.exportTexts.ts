import { enExport } from './en.export';
import { enFollowupsAll } from './en.followups';
import { enPointsReportExport } from './en.pointsReport';
import { enWalletAll } from './en.wallet';

/** The export dialog's words: its own, and each list's title and introduction from its feature. */
export const enExportTexts = {
  ...enExport,
  title: {
    ...enExport.title,
    ...enPointsReportExport.title,
    ...enFollowupsAll.export.title,
    ...enWalletAll.export.title,
  },
  intro: {
    ...enExport.intro,
    ...enPointsReportExport.intro,
    ...enFollowupsAll.export.intro,
    ...enWalletAll.export.intro,
  },
};
