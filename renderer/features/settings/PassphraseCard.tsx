import { Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { notifyError, showErrors } from '../../ui/errors';
import { PassphraseShown } from '../setup/PassphraseShown';

/** The owner replaces the recovery passphrase: the app makes the new one, the owner types it back. */
export function PassphraseCard() {
  const { t } = useTranslation();
  const shopName = useSession((s) => s.session?.settings.shopName ?? '');
  const [fresh, setFresh] = useState<string | null>(null);
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
  const change = useCommand('key.changePassphrase', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('settings.changed') });
      setFresh(null);
      form.reset();
    },
  });
  const submit = form.onSubmit((v) => change.mutate(v, { onError: (e) => showErrors(t, form, e) }));
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
              <PassphraseShown passphrase={fresh} shopName={shopName} testId="new-passphrase" />
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
              <Button type="submit" loading={change.isPending} w="fit-content">
                {t('common.save')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
