import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { FollowupInfo } from '../../../shared/followups.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { useAssignees } from './useAssignees';

/** Hands an open follow-up to someone else (or to nobody) and moves its due day. */
export function ReassignFollowupModal({ task, onClose }: { task: FollowupInfo; onClose: () => void }) {
  const { t } = useTranslation();
  const assignees = useAssignees(task.assigneeId);
  const form = useForm({
    initialValues: { assigneeId: task.assigneeId === null ? null : String(task.assigneeId), dueOn: task.dueOn },
    validate: { dueOn: (v) => (v ? null : t('errors.required')) },
  });
  const reassign = useCommand('followups.reassign', {
    invalidates: ['followups'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('followups.reassigned') });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('followups.reassignTitle')}>
      <form
        onSubmit={form.onSubmit((v) =>
          reassign.mutate(
            { id: task.id, assigneeId: v.assigneeId === null ? null : Number(v.assigneeId), dueOn: v.dueOn },
            { onError: (e) => showErrors(t, form, e) },
          ),
        )}
      >
        <Stack>
          <Select
            label={t('followups.assignee')}
            placeholder={t('followups.unassigned')}
            data={assignees.options}
            clearable={assignees.manager || assignees.mine(task.assigneeId)}
            searchable
            data-autofocus
            {...form.getInputProps('assigneeId')}
          />
          <TextInput type="date" label={t('followups.dueOn')} {...form.getInputProps('dueOn')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reassign.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
