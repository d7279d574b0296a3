import { Alert, Button, Card, Code, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { notifyError, showErrors } from '../../ui/errors';
import { RecoverySheet } from '../setup/RecoverySheet';

/** The owner replaces the recovery passphrase: the app makes the new one, the owner types it back. */
export function PassphraseCard() {
  const { t } = useTranslation();
  const shopName = useSession((s) => s.session?.settings.shopName ?? '');
  const [fresh, setFresh] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { currentPassphrase: '', passphraseConfirm: '' },
    validate: {
      currentPassphrase: (v) => (v.trim() ? null : t('errors.required')),
      passphraseConfirm: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const generate = async () => {
    try {
      setFresh((await call('key.preparePassphrase', {})).passphrase);
    } catch (e) {
      notifyError(t, e);
    }
  };
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    try {
      await call('key.changePassphrase', v);
      notifications.show({ color: 'teal', message: t('settings.changed') });
      setFresh(null);
      form.reset();
    } catch (e) {
      showErrors(t, form, e);
    } finally {
      setBusy(false);
    }
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('settings.passphrase')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings.passphraseIntro')}
        </Text>
        {!fresh ? (
          <Button variant="light" w="fit-content" onClick={() => void generate()}>
            {t('settings.generate')}
          </Button>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Alert color="orange">{t('setup.passphraseWarning')}</Alert>
              <Code block fz="lg" ta="center">
                {fresh}
              </Code>
              <Group>
                <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
                  {t('setup.printSheet')}
                </Button>
              </Group>
              <PasswordInput
                label={t('settings.currentPassphrase')}
                autoComplete="off"
                {...form.getInputProps('currentPassphrase')}
              />
              <TextInput
                label={t('settings.confirmNew')}
                autoComplete="off"
                {...form.getInputProps('passphraseConfirm')}
              />
              <Button type="submit" loading={busy} w="fit-content">
                {t('common.save')}
              </Button>
              <RecoverySheet passphrase={fresh} shopName={shopName} />
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
