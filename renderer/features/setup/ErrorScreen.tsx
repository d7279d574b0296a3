import { Alert, Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/domain.js';
import { RestoreAtStartForm } from './RestoreAtStartForm';

/**
 * Errors a restore cannot mend: another Liuke holds this data folder, or the folder is on a network
 * share. Restoring into either would only make things worse.
 */
const notRestorable = new Set(['errors.app.inUse', 'errors.app.networkShare']);

/** A start-up failure the owner must act on; nothing was changed on disk. A backup may bring the data back. */
export function ErrorScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const restorable = !notRestorable.has(status.errorKey ?? '');
  return (
    <Center mih="100vh" py="xl">
      <Container size="sm" w="100%">
        <Stack>
          <Title order={2}>{t('common.appName')}</Title>
          <Alert color="red" data-testid="app-error">
            <Text>{t(status.errorKey ?? 'errors.internal', status.errorParams ?? {})}</Text>
          </Alert>
          {restorable && (
            <Paper withBorder shadow="sm" p="xl">
              <RestoreAtStartForm intro={t('backups.atStart.introError')} />
            </Paper>
          )}
        </Stack>
      </Container>
    </Center>
  );
}
