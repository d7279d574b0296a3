import { Alert, Center, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/domain.js';

/** A start-up failure the owner must act on; nothing was changed on disk. */
export function ErrorScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Container size="sm">
        <Stack>
          <Title order={2}>{t('common.appName')}</Title>
          <Alert color="red" data-testid="app-error">
            <Text>{t(status.errorKey ?? 'errors.internal', status.errorParams ?? {})}</Text>
          </Alert>
        </Stack>
      </Container>
    </Center>
  );
}
