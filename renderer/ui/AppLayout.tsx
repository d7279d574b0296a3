import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import {
  IconAlarm,
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
  IconPhoneCall,
  IconSettings,
  IconTags,
  IconTrophy,
  IconUserCog,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import type { Permission } from '../../shared/permissions.js';
import { can } from '../../shared/permissions.js';
import { LockOverlay } from '../features/auth/LockOverlay';
import { useIdleLock } from '../features/auth/useIdleLock';
import { BackupsPage } from '../features/backups/BackupsPage';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage';
import { DrawSettingsPage } from '../features/draws/DrawSettingsPage';
import { DrawsPage } from '../features/draws/DrawsPage';
import { LeaderboardPage } from '../features/draws/LeaderboardPage';
import { ImportPage } from '../features/import/ImportPage';
import { MergePage } from '../features/duplicates/MergePage';
import { MemberPage } from '../features/members/MemberPage';
import { MembersPage } from '../features/members/MembersPage';
import { ActivitiesPage } from '../features/points/ActivitiesPage';
import { ExpiringPage } from '../features/points/ExpiringPage';
import { PointsRulesPage } from '../features/points/PointsRulesPage';
import { PointsReportPage } from '../features/pointsReport/PointsReportPage';
import { RewardsPage } from '../features/rewards/RewardsPage';
import { AuditPage } from '../features/settings/AuditPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StaffPage } from '../features/staff/StaffPage';
import { TagsPage } from '../features/tags/TagsPage';
import { AtRiskPage } from '../features/tiers/AtRiskPage';
import { TierReportPage } from '../features/tiers/TierReportPage';
import { TiersPage } from '../features/tiers/TiersPage';
import { useSession } from '../stores/session';
import { CounterSearch } from './CounterSearch';
import { HeaderMenu } from './HeaderMenu';
import { StartupWarnings } from './StartupWarnings';

interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission?: Permission;
}

/** Later features add their pages here; the permission hides what a role cannot open. */
const nav: NavItem[] = [
  { path: '/', labelKey: 'nav.members', icon: <IconUsers size={18} /> },
  { path: '/points/expiring', labelKey: 'nav.expiring', icon: <IconAlarm size={18} /> },
  { path: '/rewards', labelKey: 'nav.rewards', icon: <IconGift size={18} /> },
  { path: '/draws', labelKey: 'nav.draws', icon: <IconDice5 size={18} /> },
  { path: '/leaderboard', labelKey: 'nav.leaderboard', icon: <IconTrophy size={18} /> },
  { path: '/tiers', labelKey: 'nav.tiers', icon: <IconCrown size={18} />, permission: 'tiers.manage' },
  {
    path: '/tiers/report',
    labelKey: 'nav.tiersReport',
    icon: <IconChartDonut size={18} />,
    permission: 'points.report',
  },
  {
    path: '/tiers/at-risk',
    labelKey: 'nav.tiersAtRisk',
    icon: <IconPhoneCall size={18} />,
    permission: 'members.read',
  },
  {
    path: '/points/activities',
    labelKey: 'nav.activities',
    icon: <IconConfetti size={18} />,
    permission: 'points.rules',
  },
  { path: '/points/rules', labelKey: 'nav.points', icon: <IconCoins size={18} />, permission: 'points.rules' },
  {
    path: '/points/report',
    labelKey: 'nav.pointsReport',
    icon: <IconChartBar size={18} />,
    permission: 'points.report',
  },
  { path: '/duplicates', labelKey: 'nav.duplicates', icon: <IconUsersGroup size={18} />, permission: 'members.merge' },
  { path: '/tags', labelKey: 'nav.tags', icon: <IconTags size={18} />, permission: 'tags.manage' },
  { path: '/staff', labelKey: 'nav.staff', icon: <IconUserCog size={18} />, permission: 'staff.manage' },
  { path: '/import', labelKey: 'nav.import', icon: <IconFileImport size={18} />, permission: 'io.import' },
  { path: '/backups', labelKey: 'nav.backups', icon: <IconDatabaseExport size={18} />, permission: 'backups.create' },
  { path: '/settings', labelKey: 'nav.settings', icon: <IconSettings size={18} />, permission: 'settings.manage' },
  { path: '/audit', labelKey: 'nav.audit', icon: <IconHistory size={18} />, permission: 'audit.read' },
];

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session)!;
  const [location] = useLocation();
  useIdleLock(session.settings.idleLockMinutes);
  const role = session.staff.role;
  const allowed = (p?: Permission) => !p || can(role, p);
  // The longest nav path the location starts with: /tiers/report lights its own item, not /tiers.
  const activePath = nav
    .filter((n) => n.path !== '/' && location.startsWith(n.path))
    .reduce<string | null>((best, n) => (best && best.length >= n.path.length ? best : n.path), null);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={3} c="teal">
              {t('common.appName')}
            </Title>
            <Text c="dimmed" truncate>
              {session.settings.shopName}
            </Text>
          </Group>
          <CounterSearch />
          <HeaderMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {nav
          .filter((n) => allowed(n.permission))
          .map((n) => (
            <NavLink
              key={n.path}
              component={Link}
              href={n.path}
              label={t(n.labelKey)}
              leftSection={n.icon}
              active={n.path === '/' ? location === '/' || location.startsWith('/members') : activePath === n.path}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <StartupWarnings />
        <Switch>
          <Route path="/" component={MembersPage} />
          <Route path="/members/:id">{(p) => <MemberPage id={Number(p.id)} />}</Route>
          <Route path="/points/expiring" component={ExpiringPage} />
          <Route path="/rewards" component={RewardsPage} />
          <Route path="/draws" component={DrawsPage} />
          {allowed('points.rules') && <Route path="/draws/settings" component={DrawSettingsPage} />}
          <Route path="/leaderboard" component={LeaderboardPage} />
          {allowed('tiers.manage') && <Route path="/tiers" component={TiersPage} />}
          {allowed('points.report') && <Route path="/tiers/report" component={TierReportPage} />}
          <Route path="/tiers/at-risk" component={AtRiskPage} />
          {allowed('points.rules') && <Route path="/points/activities" component={ActivitiesPage} />}
          {allowed('points.rules') && <Route path="/points/rules" component={PointsRulesPage} />}
          {allowed('points.report') && <Route path="/points/report" component={PointsReportPage} />}
          {allowed('members.merge') && <Route path="/duplicates" component={DuplicatesPage} />}
          {allowed('members.merge') && (
            <Route path="/duplicates/merge/:a/:b">{(p) => <MergePage aId={Number(p.a)} bId={Number(p.b)} />}</Route>
          )}
          {allowed('tags.manage') && <Route path="/tags" component={TagsPage} />}
          {allowed('staff.manage') && <Route path="/staff" component={StaffPage} />}
          {allowed('io.import') && <Route path="/import" component={ImportPage} />}
          {allowed('backups.create') && <Route path="/backups" component={BackupsPage} />}
          {allowed('settings.manage') && <Route path="/settings" component={SettingsPage} />}
          {allowed('audit.read') && <Route path="/audit" component={AuditPage} />}
          <Route component={MembersPage} />
        </Switch>
      </AppShell.Main>
      <LockOverlay />
    </AppShell>
  );
}
