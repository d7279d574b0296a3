/** 导出：会员列表（当前筛选）和操作日志导出为 Excel 或 CSV。 */
export const zhExport = {
  button: '导出',
  title: { members: '导出会员', audit: '导出操作日志' },
  intro: {
    members: '导出会员列表当前筛选出的全部会员（不只是这一页），按会员编号先后排列。',
    audit: '导出操作日志，时间为店铺所在时区。日期都不填就导出全部。',
  },
  format: '格式',
  formats: { xlsx: 'Excel（.xlsx）', csvUtf8: 'CSV（UTF-8）', csvGb18030: 'CSV（GB18030）' },
  formatHints: {
    xlsx: '推荐用 Excel 打开时选这个：手机号和卡号是文本，不会变成 1.38E+10；日期是日期，金额保留两位小数。',
    csvUtf8: '适合其他软件或以后再导入留客。用 Excel 直接打开 CSV 时，长数字可能显示成科学计数法。',
    csvGb18030: '给只认 GBK / GB18030 编码的旧软件用（如一些老收银系统）。',
  },
  fullPhones: '导出完整手机号',
  fullPhonesHint:
    '不勾选时手机号中间四位显示为 ****。完整号码是会员的个人信息：只在确有需要时导出，文件用完请删除，不要随意转发。',
  from: '开始日期',
  to: '结束日期',
  start: '开始导出',
  running: '正在导出…可以继续使用收银台，关闭本窗口会取消导出。',
  done: '已导出 {{count}} 条记录。',
  download: '下载文件',
  saved: '文件已保存',
  notSaved: '文件没有保存。为了保护会员信息，导出的文件只能下载一次，请重新导出。',
  cancelled: '导出已取消，没有留下文件。',
  failed: '导出没有完成：{{message}}',
  again: '重新导出',
};

export const zhExportAudit = {
  io_exported: '导出数据',
};

export const zhExportErrors = {
  export: {
    fullPhonesOwner: '只有店主可以导出完整手机号',
    notReady: '导出还没有完成，请稍候',
    gone: '这个导出文件已经下载过或已过期，请重新导出',
  },
};
