import {
  IconAlarm,
  IconCalendarDue,
  IconCashRegister,
  IconChartBar,
  IconChartDonut,
  IconCoins,
  IconConfetti,
  IconCrown,
  IconDice5,
  IconDatabaseExport,
  IconFileImport,
  IconGift,
  IconHistory,
  IconMessageReport,
  IconMoodSmile,
  IconPhoneCheck,
  IconReportAnalytics,
  IconPhoneCall,
  IconSettings,
  IconTags,
  IconTicket,
  IconTrophy,
  IconUserCog,
  IconUsers,
  IconUsersGroup,
  IconWallet,
  IconReceipt2,
  IconReportMoney,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions.js';

/** The side menu's sections: the counter's daily work first, then reports, rules, administration. */
export const navGroups = ['counter', 'reports', 'rules', 'admin'] as const;
export type NavGroup = (typeof navGroups)[number];

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  group: NavGroup;
  permission?: Permission;
}

/** Later features add their pages here; the permission hides what a role cannot open. */
export const nav: NavItem[] = [
  { path: '/', labelKey: 'nav.members', icon: <IconUsers size={18} />, group: 'counter' },
  { path: '/complaints', labelKey: 'nav.complaints', icon: <IconMessageReport size={18} />, group: 'counter' },
  { path: '/followups', labelKey: 'nav.followups', icon: <IconPhoneCheck size={18} />, group: 'counter' },
  { path: '/tiers/at-risk', labelKey: 'nav.tiersAtRisk', icon: <IconPhoneCall size={18} />, group: 'counter' },
  { path: '/points/expiring', labelKey: 'nav.expiring', icon: <IconAlarm size={18} />, group: 'counter' },
  { path: '/rewards', labelKey: 'nav.rewards', icon: <IconGift size={18} />, group: 'counter' },
  { path: '/draws', labelKey: 'nav.draws', icon: <IconDice5 size={18} />, group: 'counter' },
  { path: '/leaderboard', labelKey: 'nav.leaderboard', icon: <IconTrophy size={18} />, group: 'counter' },
  { path: '/surveys', labelKey: 'nav.surveys', icon: <IconMoodSmile size={18} />, group: 'counter' },
  {
    path: '/visitcards/expiring',
    labelKey: 'nav.visitcardsExpiring',
    icon: <IconCalendarDue size={18} />,
    group: 'counter',
  },
  {
    path: '/till/shift',
    labelKey: 'nav.shift',
    icon: <IconCashRegister size={18} />,
    group: 'counter',
    permission: 'purchases.write',
  },
  {
    path: '/till/day',
    labelKey: 'nav.dayClose',
    icon: <IconReceipt2 size={18} />,
    group: 'reports',
    permission: 'wallet.report',
  },
  {
    path: '/wallet/report',
    labelKey: 'nav.walletReport',
    icon: <IconReportMoney size={18} />,
    group: 'reports',
    permission: 'wallet.report',
  },
  {
    path: '/points/report',
    labelKey: 'nav.pointsReport',
    icon: <IconChartBar size={18} />,
    group: 'reports',
    permission: 'points.report',
  },
  {
    path: '/tiers/report',
    labelKey: 'nav.tiersReport',
    icon: <IconChartDonut size={18} />,
    group: 'reports',
    permission: 'points.report',
  },
  {
    path: '/complaints/report',
    labelKey: 'nav.complaintReport',
    icon: <IconReportAnalytics size={18} />,
    group: 'reports',
    permission: 'complaints.manage',
  },
  {
    path: '/points/rules',
    labelKey: 'nav.points',
    icon: <IconCoins size={18} />,
    group: 'rules',
    permission: 'points.rules',
  },
  {
    path: '/points/activities',
    labelKey: 'nav.activities',
    icon: <IconConfetti size={18} />,
    group: 'rules',
    permission: 'points.rules',
  },
  {
    path: '/wallet/settings',
    labelKey: 'nav.walletSettings',
    icon: <IconWallet size={18} />,
    group: 'rules',
    permission: 'wallet.manage',
  },
  {
    path: '/visitcards/products',
    labelKey: 'nav.visitcardProducts',
    icon: <IconTicket size={18} />,
    group: 'rules',
    permission: 'visitcards.manage',
  },
  { path: '/tiers', labelKey: 'nav.tiers', icon: <IconCrown size={18} />, group: 'rules', permission: 'tiers.manage' },
  { path: '/tags', labelKey: 'nav.tags', icon: <IconTags size={18} />, group: 'rules', permission: 'tags.manage' },
  {
    path: '/duplicates',
    labelKey: 'nav.duplicates',
    icon: <IconUsersGroup size={18} />,
    group: 'admin',
    permission: 'members.merge',
  },
  {
    path: '/staff',
    labelKey: 'nav.staff',
    icon: <IconUserCog size={18} />,
    group: 'admin',
    permission: 'staff.manage',
  },
  {
    path: '/import',
    labelKey: 'nav.import',
    icon: <IconFileImport size={18} />,
    group: 'admin',
    permission: 'io.import',
  },
  {
    path: '/backups',
    labelKey: 'nav.backups',
    icon: <IconDatabaseExport size={18} />,
    group: 'admin',
    permission: 'backups.create',
  },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    icon: <IconSettings size={18} />,
    group: 'admin',
    permission: 'settings.manage',
  },
  { path: '/audit', labelKey: 'nav.audit', icon: <IconHistory size={18} />, group: 'admin', permission: 'audit.read' },
];
