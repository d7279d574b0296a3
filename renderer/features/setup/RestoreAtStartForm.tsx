import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { errorData, showErrors } from '../../ui/errors';

/**
 * Restore before anyone can sign in: a new PC (first-run setup) or data that will not open (the
 * error screen). The backup's own key file and the recovery passphrase are the authority. Browser
 * mode has no native file dialog, so the backup file is a typed path.
 */
export function RestoreAtStartForm({ intro, onCancel }: { intro: string; onCancel?: () => void }) {
  const { t } = useTranslation();
  const refresh = useSession((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { file: '', passphrase: '' },
    validate: {
      file: (v) => (v.trim() ? null : t('errors.required')),
      passphrase: (v) => (v.trim() ? null : t('errors.required')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    try {
      // Not idempotent and rate-limited: one plain call per press.
      await call('backups.restoreAtStart', v);
      notifications.show({ color: 'teal', message: t('backups.atStart.done') });
      await refresh();
    } catch (e) {
      showErrors(t, form, e);
      // Someone else finished setup meanwhile, or the restored data did not open: show where things stand.
      if (errorData(e).code === 'BAD_STATE') await refresh().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit}>
      <Stack>
        <Title order={3}>{t('backups.atStart.title')}</Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        <TextInput
          label={t('backups.atStart.file')}
          description={t('backups.atStart.fileHint')}
          placeholder={t('backups.atStart.filePlaceholder')}
          autoComplete="off"
          {...form.getInputProps('file')}
        />
        <PasswordInput
          label={t('backups.passphrase')}
          description={t('backups.passphraseHint')}
          autoComplete="off"
          {...form.getInputProps('passphrase')}
        />
        <Group justify="space-between">
          {onCancel ? (
            <Anchor component="button" type="button" size="sm" onClick={onCancel}>
              {t('backups.atStart.newShop')}
            </Anchor>
          ) : (
            <span />
          )}
          <Button type="submit" loading={busy}>
            {t('backups.atStart.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
