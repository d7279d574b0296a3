import { enTiersAudit } from './en.tiers';
import { enImportAudit } from './en.import';
import { enExportAudit } from './en.export';
import { enPointsAudit } from './en.points';
import { enDrawsAudit } from './en.draws';
import { enRewardsAudit } from './en.rewards';
import { enComplaintsAudit } from './en.complaints';
import { enFollowupsAudit } from './en.followups';
import { enWalletAudit } from './en.wallet';
import { enTillAudit } from './en.walletTill';
import { enVisitcardsAudit } from './en.visitcards';

/** The audit log page and the names of its actions. */
export const enAudit = {
  title: 'Audit log',
  at: 'Time',
  staff: 'Staff',
  action: 'Action',
  details: 'Details',
  actions: {
    ...enImportAudit,
    ...enExportAudit,
    ...enPointsAudit,
    ...enDrawsAudit,
    ...enRewardsAudit,
    ...enTiersAudit,
    ...enComplaintsAudit,
    ...enFollowupsAudit,
    ...enWalletAudit,
    ...enTillAudit,
    ...enVisitcardsAudit,
    members_archived: 'Member archived',
    members_restored: 'Member restored',
    setup_completed: 'Setup completed',
    auth_signIn: 'Signed in',
    auth_signInFailed: 'Sign-in failed',
    auth_lockedOut: 'Account locked',
    auth_signOut: 'Signed out',
    auth_ownerPasswordReset: 'Owner password reset with the recovery passphrase',
    auth_passwordChanged: 'Password changed',
    auth_pinSet: 'PIN set',
    auth_pinRemoved: 'PIN removed',
    staff_created: 'Staff member added',
    staff_roleChanged: 'Role changed',
    staff_renamed: 'Staff member renamed',
    staff_passwordReset: 'Staff password reset',
    staff_activated: 'Staff member activated',
    staff_deactivated: 'Staff member deactivated',
    settings_updated: 'Settings changed',
    members_registered: 'Member registered',
    members_merged: 'Members merged',
    members_erased: 'Member’s personal data erased',
    duplicates_dismissed: 'Possible duplicate dismissed',
    tags_deleted: 'Tag deleted',
    backups_created: 'Backup made',
    backups_restored: 'Restored from a backup',
    duplicates_scanned: 'Checked for duplicate members',
    clock_confirmed: 'System date confirmed',
    key_passphraseChanged: 'Recovery passphrase changed',
    support_logDownloaded: 'Diagnostic log downloaded',
  },
};
