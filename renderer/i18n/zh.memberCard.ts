/** 会员卡：打印或下载 PDF 的会员卡（条形码和二维码都是会员号）。 */
export const zhMemberCard = {
  open: '打印会员卡',
  title: '打印会员卡',
  member: '会员',
  preview: '{{name}}的会员卡',
  hint: '条形码和二维码都是会员号，扫码枪扫一下即可打开会员。打印时请选择卡片大小的纸张（85.6 × 54 毫米），缩放选“实际大小”。',
  print: '打印',
  downloadPdf: '下载 PDF',
  failed: '无法生成会员卡，请重试',
};
