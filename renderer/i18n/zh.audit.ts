import { zhTiersAudit } from './zh.tiers';
import { zhImportAudit } from './zh.import';
import { zhExportAudit } from './zh.export';
import { zhPointsAudit } from './zh.points';
import { zhDrawsAudit } from './zh.draws';
import { zhRewardsAudit } from './zh.rewards';
import { zhComplaintsAudit } from './zh.complaints';
import { zhFollowupsAudit } from './zh.followups';
import { zhWalletAudit } from './zh.wallet';
import { zhTillAudit } from './zh.walletTill';
import { zhVisitcardsAudit } from './zh.visitcards';

/** The audit log page and the names of its actions. */
export const zhAudit = {
  title: '操作日志',
  at: '时间',
  staff: '员工',
  action: '操作',
  details: '详情',
  actions: {
    ...zhImportAudit,
    ...zhExportAudit,
    ...zhPointsAudit,
    ...zhDrawsAudit,
    ...zhRewardsAudit,
    ...zhTiersAudit,
    ...zhComplaintsAudit,
    ...zhFollowupsAudit,
    ...zhWalletAudit,
    ...zhTillAudit,
    ...zhVisitcardsAudit,
    members_archived: '归档会员',
    members_restored: '恢复会员',
    setup_completed: '完成首次设置',
    auth_signIn: '登录',
    auth_signInFailed: '登录失败',
    auth_lockedOut: '账号被锁定',
    auth_signOut: '退出登录',
    auth_ownerPasswordReset: '用恢复密钥重置店主密码',
    auth_passwordChanged: '修改密码',
    auth_pinSet: '设置 PIN',
    auth_pinRemoved: '清除 PIN',
    staff_created: '添加员工',
    staff_roleChanged: '变更角色',
    staff_renamed: '修改员工名称',
    staff_passwordReset: '重置员工密码',
    staff_activated: '启用员工',
    staff_deactivated: '停用员工',
    settings_updated: '修改设置',
    members_registered: '登记会员',
    members_merged: '合并会员',
    members_erased: '删除会员个人信息',
    duplicates_dismissed: '排除疑似重复',
    tags_deleted: '删除标签',
    backups_created: '手动备份',
    backups_restored: '从备份恢复',
    duplicates_scanned: '检查重复会员',
    clock_confirmed: '确认系统时间',
    key_passphraseChanged: '更换恢复密钥',
    support_logDownloaded: '下载诊断日志',
  },
};
