import type { Shape } from './en';
import type { zhExport, zhExportAudit, zhExportErrors } from './zh.export';

export const enExport: Shape<typeof zhExport> = {
  button: 'Export',
  title: { members: 'Export members', audit: 'Export the audit log' },
  intro: {
    members: 'Exports every member the list’s filters match (not just this page), in member-number order.',
    audit: 'Exports the audit log, with times in the shop’s time zone. Leave both dates empty for all of it.',
  },
  format: 'Format',
  formats: { xlsx: 'Excel (.xlsx)', csvUtf8: 'CSV (UTF-8)', csvGb18030: 'CSV (GB18030)' },
  formatHints: {
    xlsx: 'Best for Excel: phone and card numbers stay text (never 1.38E+10), dates are dates, amounts have two decimals.',
    csvUtf8:
      'For other programs, or to import into Liuke again. Excel opening a CSV directly may show long numbers in scientific notation.',
    csvGb18030: 'For older programs that only read GBK / GB18030 (some old tills).',
  },
  fullPhones: 'Export whole phone numbers',
  fullPhonesHint:
    'Unticked, the middle four digits are shown as ****. Whole numbers are members’ personal data: export them only when needed, delete the file afterwards and do not pass it around.',
  from: 'From',
  to: 'To',
  start: 'Start export',
  running: 'Exporting… The counter keeps working; closing this window cancels the export.',
  done: 'Exported {{count}} records.',
  download: 'Download file',
  saved: 'File saved',
  notSaved:
    'The file was not saved. To protect members’ data an export can be downloaded only once; please export again.',
  cancelled: 'Export cancelled; no file was left behind.',
  failed: 'The export did not finish: {{message}}',
  again: 'Export again',
};

export const enExportAudit: Shape<typeof zhExportAudit> = {
  io_exported: 'Data exported',
};

export const enExportErrors: Shape<typeof zhExportErrors> = {
  export: {
    fullPhonesOwner: 'Only the owner can export whole phone numbers',
    notReady: 'The export has not finished yet; please wait',
    gone: 'This export was already downloaded or has expired; please export again',
  },
};
