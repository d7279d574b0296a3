import { Alert, Button, Card, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDatabaseExport, IconFolderSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/domain.js';
import { can } from '../../../shared/permissions.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { showErrors } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { BackupTable } from './BackupTable';
import { RestoreModal } from './RestoreModal';
import { backupStatusKey, useBackupStatus } from './useBackupStatus';

/** Backups: how they stand, "back up now", the list, and (the owner) restoring one. */
export function BackupsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  // Optional: a restore ends the session while this page is still on screen.
  const role = useSession((s) => s.session?.staff.role);
  const canRestore = !!role && can(role, 'backups.restore');
  const status = useBackupStatus();
  const s = status.data;
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const now = useForm({ initialValues: { folder: '' } });
  const create = useCommand('backups.create', {
    invalidates: ['backups'],
    onSuccess: (file) => notifications.show({ color: 'teal', message: t('backups.created', { file: file.path }) }),
  });
  const backUp = now.onSubmit((v) =>
    create.mutate(v, {
      onError: (e) => {
        showErrors(t, now, e);
        // A failed attempt is part of the status too.
        void queryClient.invalidateQueries({ queryKey: backupStatusKey });
      },
    }),
  );

  const other = useForm({
    initialValues: { folder: '' },
    validate: { folder: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const [found, setFound] = useState<BackupInfo[] | null>(null);
  const [looking, setLooking] = useState(false);
  const look = other.onSubmit(async (v) => {
    setLooking(true);
    try {
      setFound(await call('backups.listFolder', v));
    } catch (e) {
      setFound(null);
      showErrors(t, other, e);
    } finally {
      setLooking(false);
    }
  });

  const defaultFolder = s ? s.folder || s.dataFolder : '';
  return (
    <Stack maw={960}>
      <Title order={2}>{t('backups.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('backups.intro')}
      </Text>

      <Card withBorder>
        <Stack>
          <Title order={4}>{t('backups.status')}</Title>
          <Group gap="xs">
            <Text c="dimmed">{t('backups.lastAt')}</Text>
            <Text fw={500} data-testid="backup-last-at">
              {s ? (s.lastAt ? fmt.dateTime(s.lastAt) : t('backups.never')) : '…'}
            </Text>
          </Group>
          {s?.lastFile && (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text c="dimmed" style={{ flexShrink: 0 }}>
                {t('backups.lastFile')}
              </Text>
              <Code style={{ overflowWrap: 'anywhere' }}>{s.lastFile}</Code>
            </Group>
          )}
          {s?.stale && (
            <Alert color="orange" icon={<IconAlertTriangle />} data-testid="backup-stale">
              {s.lastAt ? t('backups.stale') : t('backups.staleNever')}
            </Alert>
          )}
          {s?.lastError && (
            <Alert color="red" icon={<IconAlertTriangle />} data-testid="backup-error">
              <Text size="sm">{t('backups.lastError', { at: fmt.dateTime(s.lastError.at) })}</Text>
              <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
                {t('backups.lastErrorDetail', { message: s.lastError.message })}
              </Text>
            </Alert>
          )}
          <form onSubmit={backUp}>
            <Stack>
              <TextInput
                label={t('backups.nowFolder')}
                description={t('backups.nowFolderHint', { folder: defaultFolder })}
                placeholder={defaultFolder}
                {...now.getInputProps('folder')}
              />
              <Button
                type="submit"
                w="fit-content"
                leftSection={<IconDatabaseExport size={16} />}
                loading={create.isPending}
              >
                {t('backups.now')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Card>

      <Card withBorder>
        <Stack>
          <Title order={4}>{t('backups.list')}</Title>
          <Text size="sm" c="dimmed">
            {t('backups.listHint')}
          </Text>
          {s && s.backups.length === 0 ? (
            <Text>{t('backups.empty')}</Text>
          ) : (
            <BackupTable rows={s?.backups ?? []} onRestore={canRestore ? setRestoring : undefined} />
          )}
        </Stack>
      </Card>

      {canRestore && (
        <Card withBorder>
          <Stack>
            <Title order={4}>{t('backups.fromFolder')}</Title>
            <Text size="sm" c="dimmed">
              {t('backups.fromFolderHint')}
            </Text>
            <form onSubmit={look}>
              <Stack>
                <TextInput
                  label={t('backups.otherFolder')}
                  placeholder={t('backups.otherFolderPlaceholder')}
                  {...other.getInputProps('folder')}
                />
                <Button
                  type="submit"
                  variant="default"
                  w="fit-content"
                  leftSection={<IconFolderSearch size={16} />}
                  loading={looking}
                >
                  {t('backups.show')}
                </Button>
              </Stack>
            </form>
            {found &&
              (found.length === 0 ? (
                <Text data-testid="folder-empty">{t('backups.folderEmpty')}</Text>
              ) : (
                <div data-testid="folder-backups">
                  <BackupTable rows={found} onRestore={setRestoring} />
                </div>
              ))}
          </Stack>
        </Card>
      )}

      <RestoreModal backup={restoring} safetyFolder={s?.dataFolder ?? ''} onClose={() => setRestoring(null)} />
    </Stack>
  );
}
