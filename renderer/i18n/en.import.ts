import { importReasonTexts } from '../../shared/io/reasons.js';
import { memberFileHeaders } from '../../shared/io/memberFields.js';
import type { Shape } from './en';
import type { zhImport, zhImportAudit, zhIoErrors, zhJobs } from './zh.import';

export const enImport: Shape<typeof zhImport> = {
  title: 'Import members',
  steps: { file: 'Choose file', mapping: 'Match columns', preview: 'Preview', import: 'Import' },
  fileHint:
    'Import the member list exported from an old till, or an Excel sheet of your own: CSV, TSV or Excel (.xlsx). The first row should be the headers (name, mobile …).',
  file: 'File',
  filePlaceholder: 'Click to choose a file',
  readFile: 'Read file',
  excelTip:
    'Tip: when Excel opens a CSV it may show mobile numbers as 1.38E+10 and, saved again, the last digits are lost. Such rows are refused and listed in the error report; format the column as Text and export again from the old system.',
  fileFacts: 'File: {{name}}, encoding: {{encoding}}, {{columns}} columns.',
  encodings: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 (with BOM)',
    gb18030: 'GB18030 (CSV saved by Excel on Chinese Windows)',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16',
    xlsx: 'Excel workbook (first sheet)',
  },
  savedMappings: 'Saved column matches',
  pickMapping: 'Pick one to apply',
  noMappings: 'None saved yet',
  mappingName: 'Save as',
  saveMapping: 'Save column match',
  mappingSaved: 'Saved "{{name}}"; files with the same headers will use it automatically',
  column: 'Column in the file',
  sample: 'Examples',
  field: 'Import as',
  fieldFor: 'Import column "{{column}}" as',
  skipColumn: '(do not import)',
  fields: memberFileHeaders.en,
  mode: 'How to import',
  modes: {
    addOnly: 'Add new only: rows whose mobile, member number or card is already known are skipped',
    addAndUpdate:
      'Add new and update existing: known members (matched by mobile, then member or card number) get the non-empty values from the file',
  },
  otherFile: 'Choose another file',
  preview: 'Check and preview',
  previewing: 'Reading the whole file and checking every row… (nothing is written yet)',
  previewCancelled: 'Preview cancelled.',
  previewTotal: 'The file has {{total}} data rows. The first ones, as they will be stored:',
  backToMapping: 'Back',
  row: 'Row',
  fieldReason: '{{field}}: {{reason}}',
  outcome: 'Outcome',
  status: {
    new: 'New',
    update: 'Update',
    dupInFile: 'Repeated in file',
    dupExisting: 'Already a member',
    invalid: 'Error',
    alreadyRecorded: 'Already recorded',
  },
  reason: importReasonTexts.en,
  start: 'Import ({{count, number}} rows)',
  startReportOnly: 'Import nothing; make the error report',
  importing: 'Importing…',
  keepWorking:
    'The import runs in the background: the counter can search and register as usual. Leaving this page does not stop it.',
  cancelled: 'Import cancelled; everything it had written was taken back out.',
  finished: 'Import finished',
  resultCounts:
    '{{imported, number}} added, {{updated, number}} updated, {{skipped, number}} skipped, {{invalid, number}} with errors',
  errorReport: 'Download error report',
  another: 'Import another file',
  history: 'Earlier imports',
  startedAt: 'When',
  by: 'By',
  batchStatus: 'Status',
  counts: 'Result',
  batchStatuses: {
    running: 'Running',
    done: 'Done',
    cancelled: 'Cancelled',
    undone: 'Undone',
    rolledBack: 'Rolled back',
  },
  undo: 'Undo',
  rolledBackCounts: 'All taken back out (had added {{imported, number}}, updated {{updated, number}})',
  cancelling: 'Cancelling, and taking back what was written…',
  undoTitle: 'Undo this import',
  undoWhat:
    'The {{imported, number}} members "{{file}}" added will be removed, and the {{updated, number}} members it updated get their previous details back.',
  undoKept:
    'Members someone has worked with since the import (a visit, a card, an edit) are kept, so no clerk’s work is lost.',
  undoConfirm: 'Undo import',
  undoneCounts:
    'Undone: {{removed, number}} removed, {{restored, number}} restored, {{kept, number}} kept (used since the import).',
};

export const enJobs: Shape<typeof zhJobs> = {
  doneOfTotal: '{{done}} of {{total}} rows',
  done: '{{done}} rows done',
  rate: '{{rate}} rows/s',
  eta: 'about {{time}} left',
  seconds: '{{n}} s',
  minutes: '{{m}} min {{s}} s',
  cancel: 'Cancel',
};

export const enIoErrors: Shape<typeof zhIoErrors> = {
  io: {
    fileUnreadable: 'This file cannot be read: is it a CSV, TSV or Excel (.xlsx) file?',
    oldExcel:
      'This is an old Excel file (.xls): in Excel, save it as an Excel workbook (.xlsx) or CSV, then import that',
    emptyFile: 'The file has no data (a header row and at least one row are needed)',
    fileTooLarge: 'The file is too large (at most {{mb}} MB)',
    fileGone: 'The file chosen earlier is gone; please choose it again',
    mappingMismatch: 'The column matches do not fit the file; please choose the file again',
    requiredNotMapped: 'Choose the column that holds "{{field}}" (required)',
    fieldTwice: '"{{field}}" is matched to two columns',
    mappingEmpty: 'Match at least one column',
    importRunning: 'An import or undo is already running; please wait for it to finish',
    previewFirst: 'Preview first, then import',
    batchNotFound: 'No such import',
    notUndoable: 'This import was already undone or did not finish',
    noRejects: 'This import refused or skipped no rows',
  },
  jobs: { notFound: 'No such job (it may have ended long ago)' },
};

export const enImportAudit: Shape<typeof zhImportAudit> = {
  io_importStarted: 'Import started',
  io_imported: 'Import finished',
  io_importUndone: 'Import undone',
  io_importCancelled: 'Import cancelled',
  io_importRolledBack: 'Unfinished import rolled back',
  io_errorReportDownloaded: 'Import error report downloaded',
};
