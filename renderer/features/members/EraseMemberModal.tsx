import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';

/**
 * PIPL erasure, owner only. Typing the member number is the confirmation: the main process checks
 * it again, so a mistyped or stale dialog cannot erase someone else.
 */
export function EraseMemberModal({ member: m, opened, onClose }: { member: Member; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { confirm: '' } });
  const erase = useCommand('members.erase', {
    invalidates: ['members', 'duplicates'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('members.erasedDone') });
      form.reset();
      onClose();
    },
  });
  const typed = form.values.confirm.trim().toUpperCase() === m.memberNo;
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.eraseTitle')}>
      <form
        onSubmit={form.onSubmit((v) =>
          erase.mutate({ id: m.id, confirm: v.confirm }, { onError: (e) => showErrors(t, form, e) }),
        )}
      >
        <Stack>
          <Alert color="red" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">{t('members.eraseBody')}</Text>
          </Alert>
          <TextInput
            label={t('members.eraseConfirmLabel', { no: m.memberNo })}
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('confirm')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!typed} loading={erase.isPending}>
              {t('members.eraseButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
