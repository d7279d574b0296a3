import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../shared/complaints.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { complaintInvalidates, useAssignees } from './queries';

/** Giving the complaint to a staff member (a manager), with an optional note for them. */
export function AssignModal({ c, onClose }: { c: ComplaintDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { assignees } = useAssignees();
  const form = useForm({
    initialValues: { assigneeId: c.assigneeId === null ? null : String(c.assigneeId), note: '' },
    validate: { assigneeId: (v) => (v ? null : t('errors.required')) },
  });
  const assign = useCommand('complaints.assign', { invalidates: complaintInvalidates, onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t('complaints.assign.title')}>
      <form
        onSubmit={form.onSubmit((v) =>
          assign.mutate(
            { id: c.id, assigneeId: Number(v.assigneeId), note: v.note },
            { onError: (e) => showErrors(t, form, e) },
          ),
        )}
      >
        <Stack>
          <Select
            label={t('complaints.assign.assignee')}
            data={assignees.map((s) => ({ value: String(s.id), label: s.displayName }))}
            allowDeselect={false}
            searchable
            data-autofocus
            {...form.getInputProps('assigneeId')}
          />
          <Textarea label={t('complaints.noteOptional')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button type="submit" loading={assign.isPending}>
              {t('complaints.assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Starting work (note optional) or adding a note to the history (note required). */
export function NoteModal({ c, kind, onClose }: { c: ComplaintDetail; kind: 'start' | 'note'; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { note: '' },
    validate: { note: (v) => (kind === 'note' && !v.trim() ? t('errors.required') : null) },
  });
  const options = { invalidates: complaintInvalidates, onSuccess: onClose };
  const start = useCommand('complaints.start', options);
  const addNote = useCommand('complaints.addNote', {
    ...options,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('complaints.saved') });
      onClose();
    },
  });
  const pending = start.isPending || addNote.isPending;
  return (
    <Modal opened onClose={onClose} title={kind === 'start' ? t('complaints.startTitle') : t('complaints.noteTitle')}>
      <form
        onSubmit={form.onSubmit((v) => {
          const onError = (e: unknown) => showErrors(t, form, e);
          if (kind === 'start') start.mutate({ id: c.id, note: v.note }, { onError });
          else addNote.mutate({ id: c.id, note: v.note }, { onError });
        })}
      >
        <Stack>
          {kind === 'start' && (
            <Text size="sm" c="dimmed">
              {t('complaints.startIntro')}
            </Text>
          )}
          <Textarea
            label={kind === 'start' ? t('complaints.noteOptional') : t('complaints.note')}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              {kind === 'start' ? t('complaints.actions.start') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
