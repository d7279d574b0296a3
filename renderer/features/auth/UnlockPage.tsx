import { Alert, Button, Center, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { errorData, showErrors } from '../../ui/errors';

/** The database stays closed until the recovery passphrase (or the OS key store) opens the key. */
export function UnlockPage({ osUnlockFailed }: { osUnlockFailed: boolean }) {
  const { t } = useTranslation();
  const refresh = useSession((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { passphrase: '' },
    validate: { passphrase: (v) => (v.trim() ? null : t('errors.required')) },
  });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    try {
      await call('app.unlock', { passphrase: v.passphrase });
      await refresh();
    } catch (e) {
      // A right passphrase on a damaged or missing database: the error screen says why, once.
      if (errorData(e).code !== 'BAD_STATE') showErrors(t, form, e);
      await refresh().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center h="100vh">
      <Container size="xs" w="100%">
        <Paper withBorder shadow="sm" p="xl">
          <form onSubmit={submit}>
            <Stack>
              <Title order={2}>{t('unlock.title')}</Title>
              <Text c="dimmed">{t('unlock.intro')}</Text>
              {osUnlockFailed && <Alert color="orange">{t('unlock.osFailed')}</Alert>}
              <PasswordInput
                label={t('unlock.passphrase')}
                autoFocus
                autoComplete="off"
                {...form.getInputProps('passphrase')}
              />
              <Button type="submit" loading={busy}>
                {t('unlock.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Container>
    </Center>
  );
}
