import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import type { Permission } from '../../shared/permissions.js';
import { Fragment } from 'react';
import { can } from '../../shared/permissions.js';
import { LockOverlay } from '../features/auth/LockOverlay';
import { useIdleLock } from '../features/auth/useIdleLock';
import { BackupsPage } from '../features/backups/BackupsPage';
import { ComplaintPage } from '../features/complaints/ComplaintPage';
import { ComplaintSettingsPage } from '../features/complaints/ComplaintSettingsPage';
import { ComplaintsPage } from '../features/complaints/ComplaintsPage';
import { ComplaintReportPage } from '../features/complaintReport/ComplaintReportPage';
import { FollowupsPage } from '../features/followups/FollowupsPage';
import { SurveyPage } from '../features/surveys/SurveyPage';
import { SurveysPage } from '../features/surveys/SurveysPage';
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
import { ExpiringVisitcardsPage } from '../features/visitcards/ExpiringVisitcardsPage';
import { VisitcardProductsPage } from '../features/visitcards/VisitcardProductsPage';
import { DayClosePage } from '../features/wallet/DayClosePage';
import { ShiftPage } from '../features/wallet/ShiftPage';
import { WalletReportPage } from '../features/wallet/WalletReportPage';
import { WalletSettingsPage } from '../features/wallet/WalletSettingsPage';
import { useSession } from '../stores/session';
import { CounterSearch } from './CounterSearch';
import { HeaderMenu } from './HeaderMenu';
import { nav, navGroups } from './nav';
import { StartupWarnings } from './StartupWarnings';

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
      {/* Scrolls: with every feature's pages the list is taller than a laptop screen. */}
      <AppShell.Navbar p="xs" style={{ overflowY: 'auto' }}>
        {navGroups.map((group) => {
          const items = nav.filter((n) => n.group === group && allowed(n.permission));
          if (items.length === 0) return null;
          return (
            <Fragment key={group}>
              <Text size="xs" c="dimmed" fw={600} px="sm" pt="sm" pb={4}>
                {t(`nav.groups.${group}`)}
              </Text>
              {items.map((n) => (
                <NavLink
                  key={n.path}
                  component={Link}
                  href={n.path}
                  label={t(n.labelKey)}
                  leftSection={n.icon}
                  active={n.path === '/' ? location === '/' || location.startsWith('/members') : activePath === n.path}
                />
              ))}
            </Fragment>
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <StartupWarnings />
        <Switch>
          <Route path="/" component={MembersPage} />
          <Route path="/members/:id">{(p) => <MemberPage id={Number(p.id)} />}</Route>
          <Route path="/points/expiring" component={ExpiringPage} />
          <Route path="/rewards" component={RewardsPage} />
          <Route path="/complaints" component={ComplaintsPage} />
          {allowed('complaints.manage') && <Route path="/complaints/settings" component={ComplaintSettingsPage} />}
          {/* Digits only: other pages live under /complaints/ too. */}
          <Route path={/^\/complaints\/(?<id>\d+)$/}>{(p) => <ComplaintPage id={Number(p.id)} />}</Route>
          {allowed('complaints.manage') && <Route path="/complaints/report" component={ComplaintReportPage} />}
          <Route path="/followups" component={FollowupsPage} />
          <Route path="/surveys" component={SurveysPage} />
          <Route path={/^\/surveys\/(?<id>\d+)$/}>{(p) => <SurveyPage id={Number(p.id)} />}</Route>
          <Route path="/draws" component={DrawsPage} />
          {allowed('points.rules') && <Route path="/draws/settings" component={DrawSettingsPage} />}
          <Route path="/leaderboard" component={LeaderboardPage} />
          <Route path="/visitcards/expiring" component={ExpiringVisitcardsPage} />
          {allowed('visitcards.manage') && <Route path="/visitcards/products" component={VisitcardProductsPage} />}
          {allowed('purchases.write') && <Route path="/till/shift" component={ShiftPage} />}
          {allowed('wallet.report') && <Route path="/till/day" component={DayClosePage} />}
          {allowed('wallet.report') && <Route path="/wallet/report" component={WalletReportPage} />}
          {allowed('wallet.manage') && <Route path="/wallet/settings" component={WalletSettingsPage} />}
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
