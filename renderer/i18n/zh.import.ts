import { importReasonTexts } from '../../shared/io/reasons.js';
import { memberFileHeaders } from '../../shared/io/memberFields.js';

/** 导入会员：选文件、对应列、预览、导入、撤销、错误报告。 */
export const zhImport = {
  title: '导入会员',
  steps: { file: '选择文件', mapping: '对应列', preview: '预览', import: '导入' },
  fileHint:
    '可以导入旧收银系统导出的会员表，或自己整理的 Excel 表：CSV、TSV 或 Excel（.xlsx）。第一行应是表头（姓名、手机号…）。',
  file: '文件',
  filePlaceholder: '点这里选择文件',
  readFile: '读取文件',
  excelTip:
    '提示：用 Excel 打开 CSV 时，手机号可能被显示成 1.38E+10 这样的科学计数法，另存后后几位就丢了。这样的行会被拒绝并写进错误报告；请把手机号列设为“文本”后再从原系统导出。',
  fileFacts: '文件：{{name}}，编码：{{encoding}}，共 {{columns}} 列。',
  encodings: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8（带 BOM）',
    gb18030: 'GB18030（中文 Windows 的 Excel 另存的 CSV）',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16',
    xlsx: 'Excel 工作簿（第一个工作表）',
  },
  savedMappings: '已保存的列对应',
  pickMapping: '选择一个套用',
  noMappings: '还没有保存过',
  mappingName: '保存为',
  saveMapping: '保存列对应',
  mappingSaved: '已保存列对应“{{name}}”，下次导入表头相同的文件时会自动套用',
  column: '文件中的列',
  sample: '示例',
  field: '导入为',
  fieldFor: '“{{column}}”列导入为',
  skipColumn: '（不导入）',
  fields: memberFileHeaders.zh,
  mode: '导入方式',
  modes: {
    addOnly: '只新增：手机号、会员编号或卡号已存在的会员跳过',
    addAndUpdate: '新增并更新：已有会员（按手机号，其次会员编号或卡号匹配）用文件里不为空的内容更新',
  },
  otherFile: '选择其他文件',
  preview: '检查并预览',
  previewing: '正在读取整个文件，检查每一行…（还没有写入任何数据）',
  previewCancelled: '预览已取消。',
  previewTotal: '文件共 {{total}} 行数据。下表是前几行导入后的样子：',
  backToMapping: '返回修改',
  row: '行',
  fieldReason: '{{field}}：{{reason}}',
  outcome: '结果',
  status: {
    new: '新增',
    update: '更新',
    dupInFile: '文件内重复',
    dupExisting: '已是会员',
    invalid: '有错误',
    alreadyRecorded: '已记录',
  },
  reason: importReasonTexts.zh,
  start: '开始导入（{{count, number}} 行）',
  startReportOnly: '不导入任何行，只生成错误报告',
  importing: '正在导入…',
  keepWorking: '导入在后台进行，收银台可以照常查会员、登记。离开本页不会中断导入。',
  cancelled: '导入已取消，已写入的部分已全部撤回。',
  finished: '导入完成',
  resultCounts:
    '新增 {{imported, number}}，更新 {{updated, number}}，跳过 {{skipped, number}}，有错误 {{invalid, number}}',
  errorReport: '下载错误报告',
  another: '再导入一个文件',
  history: '导入记录',
  startedAt: '时间',
  by: '操作人',
  batchStatus: '状态',
  counts: '结果',
  batchStatuses: { running: '进行中', done: '已完成', cancelled: '已取消', undone: '已撤销', rolledBack: '已回滚' },
  undo: '撤销',
  rolledBackCounts: '已全部撤回（原新增 {{imported, number}}，原更新 {{updated, number}}）',
  cancelling: '正在取消，并撤回已写入的部分…',
  undoTitle: '撤销这次导入',
  undoWhat:
    '将删除“{{file}}”新增的 {{imported, number}} 位会员，并把更新过的 {{updated, number}} 位会员改回原来的资料。',
  undoKept: '导入之后已有人操作过（登记到店、绑卡、修改资料等）的会员会保留下来，不会丢失店员的工作。',
  undoConfirm: '撤销导入',
  undoneCounts:
    '已撤销：删除 {{removed, number}} 位，恢复 {{restored, number}} 位，保留 {{kept, number}} 位（导入后已被使用）。',
};

export const zhJobs = {
  doneOfTotal: '{{done}} / {{total}} 行',
  done: '已处理 {{done}} 行',
  rate: '每秒 {{rate}} 行',
  eta: '还需约 {{time}}',
  seconds: '{{n}} 秒',
  minutes: '{{m}} 分 {{s}} 秒',
  cancel: '取消',
};

export const zhIoErrors = {
  io: {
    fileUnreadable: '无法读取这个文件：请确认是 CSV、TSV 或 Excel（.xlsx）文件',
    oldExcel: '这是旧版 Excel 文件（.xls）：请在 Excel 里“另存为” Excel 工作簿（.xlsx）或 CSV 后再导入',
    emptyFile: '文件里没有数据（至少要有表头和一行）',
    fileTooLarge: '文件太大（最大 {{mb}} MB）',
    fileGone: '找不到刚才选择的文件，请重新选择',
    mappingMismatch: '列对应与文件的列不一致，请重新选择文件',
    requiredNotMapped: '请指定哪一列是“{{field}}”（必填）',
    fieldTwice: '“{{field}}”被对应了两次',
    mappingEmpty: '至少要对应一列',
    importRunning: '已有一个导入或撤销正在进行，请等它完成',
    previewFirst: '请先预览，确认无误后再导入',
    batchNotFound: '找不到这次导入',
    notUndoable: '这次导入已撤销或未完成，不能再撤销',
    noRejects: '这次导入没有出错或跳过的行',
  },
  jobs: { notFound: '找不到这个任务（可能已结束很久）' },
};

export const zhImportAudit = {
  io_importStarted: '开始导入',
  io_imported: '导入完成',
  io_importUndone: '撤销导入',
  io_importCancelled: '取消导入',
  io_importRolledBack: '回滚未完成的导入',
  io_errorReportDownloaded: '下载导入错误报告',
};
