/**
 * Roles and what each may do. The main process checks these on every call (dispatch); the
 * renderer reads the same table only to hide what a role cannot use.
 */
export const roles = ['owner', 'manager', 'clerk'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'members.read',
  'members.write',
  'members.viewFullPhone',
  'tags.manage',
  'members.archive',
  /** Review duplicate candidates and merge members. */
  'members.merge',
  /** Erase a member's personal data for good (PIPL); owner only. */
  'members.erase',
  /** Back up now and see backup status (owner, manager). */
  'backups.create',
  /** Replace the database with a backup (owner). */
  'backups.restore',
  /** Import members from files, undo an import (owner, manager). */
  'io.import',
  /** Export lists to CSV/Excel (owner, manager); full phone numbers only for the owner. */
  'io.export',
  /** Record purchases and refunds, check-ins and activity attendance at the counter (everyone). */
  'purchases.write',
  /** Adjust points by hand and void mistaken entries (owner, manager), always with a reason. */
  'points.adjust',
  /** Earning rules, expiry policy, activities (owner, manager). */
  'points.rules',
  /** The owner's points view: liability and monthly flows (owner, manager). */
  'points.report',
  /** Tier table and benefits, a member's tier set by hand (owner). */
  'tiers.manage',
  /** Log complaints, work and close those one may, record CSAT, NPS answers and follow-ups (everyone). */
  'complaints.write',
  /**
   * Assign complaints to others, reopen late ones, complaint settings and categories, NPS surveys,
   * the complaints report (owner, manager).
   */
  'complaints.manage',
  /** Card refunds (退余额), voiding a top-up, refunding a count card (owner, manager). */
  'wallet.refund',
  /** Stored value adjusted by hand and adjustments reversed, always with a reason (owner). */
  'wallet.adjust',
  /** Stored-value settings, top-up packages and the published terms (owner). */
  'wallet.manage',
  /** Day close, the stored-value and count-card report and its export (owner, manager). */
  'wallet.report',
  /** Count-card products (owner, manager). */
  'visitcards.manage',
  'staff.manage',
  'settings.manage',
  'audit.read',
  'clock.confirm',
  'key.manage',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  owner: permissions,
  manager: [
    'members.read',
    'members.write',
    'members.viewFullPhone',
    'tags.manage',
    'members.archive',
    'members.merge',
    'backups.create',
    'io.import',
    'io.export',
    'audit.read',
    'purchases.write',
    'points.adjust',
    'points.rules',
    'points.report',
    'complaints.write',
    'complaints.manage',
    'wallet.refund',
    'wallet.report',
    'visitcards.manage',
  ],
  clerk: ['members.read', 'members.write', 'purchases.write', 'complaints.write'],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
