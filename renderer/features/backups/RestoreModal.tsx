import { Alert, Button, Group, List, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/domain.js';
import { queryClient } from '../../api/queryClient';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { showErrors } from '../../ui/errors';
import { useFormat } from '../../ui/format';

/**
 * The owner replaces the shop's data with a backup. The main process checks the passphrase and the
 * file before anything changes, keeps a safety copy, and signs everyone out.
 */
export function RestoreModal({
  backup,
  safetyFolder,
  onClose,
}: {
  backup: BackupInfo | null;
  safetyFolder: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={backup !== null} onClose={onClose} title={t('backups.restoreTitle')} size="lg">
      {backup && <RestoreForm key={backup.path} backup={backup} safetyFolder={safetyFolder} onClose={onClose} />}
    </Modal>
  );
}

function RestoreForm({
  backup,
  safetyFolder,
  onClose,
}: {
  backup: BackupInfo;
  safetyFolder: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const refresh = useSession((s) => s.refresh);
  const form = useForm({
    initialValues: { file: backup.path, passphrase: '' },
    validate: { passphrase: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const done = async () => {
    notifications.show({ color: 'teal', message: t('backups.restored') });
    // The main process ended every session: the status now says so and the app shows sign-in.
    await refresh().catch(() => undefined);
    // Nothing cached from before the restore may be shown after it.
    queryClient.clear();
  };
  const restore = useCommand('backups.restore', { onSuccess: () => void done() });
  const submit = form.onSubmit((v) => restore.mutate(v, { onError: (e) => showErrors(t, form, e) }));
  return (
    <form onSubmit={submit}>
      <Stack>
        <Alert color="orange" icon={<IconAlertTriangle />}>
          <List size="sm" spacing={4}>
            <List.Item>{t('backups.restoreWhat', { at: fmt.dateTime(backup.at) })}</List.Item>
            <List.Item>{t('backups.restoreSafety', { folder: safetyFolder })}</List.Item>
            <List.Item>{t('backups.restoreSignOut')}</List.Item>
          </List>
        </Alert>
        <TextInput label={t('backups.file')} readOnly variant="filled" {...form.getInputProps('file')} />
        <PasswordInput
          label={t('backups.passphrase')}
          description={t('backups.passphraseHint')}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('passphrase')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={restore.isPending}>
            {t('backups.restoreButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
