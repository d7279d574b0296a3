import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/permissions.js';
import { call } from '../api/client';
import { useSession } from '../stores/session';
import { notifyError } from './errors';
import { useFormat } from './format';

/** Another PC used this database last; the system clock is behind: both need a human look. */
export function StartupWarnings() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const role = useSession((s) => s.session?.staff.role);
  const refresh = useSession((s) => s.refresh);
  const fmt = useFormat();
  if (!status || (!status.otherDevice && !status.clockBehind)) return null;

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
    </Stack>
  );
}
