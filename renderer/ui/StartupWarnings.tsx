import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { can } from '../../shared/permissions.js';
import { call } from '../api/client';
import { useBackupStatus } from '../features/backups/useBackupStatus';
import { useSession } from '../stores/session';
import { notifyError } from './errors';
import { useFormat } from './format';

/**
 * Another PC used this database last; the system clock is behind; no backup for days: each needs a
 * human look.
 */
export function StartupWarnings() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const role = useSession((s) => s.session?.staff.role);
  const refresh = useSession((s) => s.refresh);
  const fmt = useFormat();
  const [location] = useLocation();
  const canBackUp = !!role && can(role, 'backups.create');
  // Asked once per session (the cache is cleared when the person changes); a backup made on the
  // backups page refreshes it.
  const backups = useBackupStatus({ enabled: canBackUp, staleTime: Infinity }).data;
  // A shop set up a moment ago has neither a backup nor a failed one yet: its first automatic
  // backup is seconds away, so that is no reason to alarm anyone. The backups page says it anyway.
  const backupStale =
    canBackUp && !!backups?.stale && !!(backups.lastAt || backups.lastError) && !location.startsWith('/backups');
  if (!status || (!status.otherDevice && !status.clockBehind && !backupStale)) return null;

  const confirmClock = async () => {
    try {
      await call('clock.confirm', {}, crypto.randomUUID());
      notifications.show({ color: 'teal', message: t('warnings.clockConfirmed') });
      await refresh();
    } catch (e) {
      notifyError(t, e);
    }
  };
  const dismissDevice = async () => {
    await call('app.acknowledgeDevice', {}).catch(() => undefined);
    await refresh();
  };

  return (
    <Stack mb="md">
      {status.otherDevice && (
        <Alert
          color="orange"
          withCloseButton={!!role && can(role, 'settings.manage')}
          onClose={() => void dismissDevice()}
        >
          {t('warnings.otherDevice', {
            device: status.otherDevice.deviceName,
            at: fmt.dateTime(status.otherDevice.lastActiveAt),
          })}
        </Alert>
      )}
      {status.clockBehind && (
        <Alert color="red">
          <Group justify="space-between">
            {t('warnings.clockBehind', {
              now: fmt.dateTime(status.clockBehind.now),
              latest: fmt.dateTime(status.clockBehind.latestSeen),
            })}
            {role && can(role, 'clock.confirm') && (
              <Button size="xs" color="red" onClick={() => void confirmClock()}>
                {t('warnings.confirmClock')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {backupStale && (
        <Alert color="orange" data-testid="backup-warning">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {backups?.lastAt ? t('backups.warning', { at: fmt.dateTime(backups.lastAt) }) : t('backups.warningNever')}
            </Text>
            <Anchor component={Link} href="/backups" size="sm" style={{ flexShrink: 0 }}>
              {t('backups.warningLink')}
            </Anchor>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
