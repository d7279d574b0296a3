import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { followupReasons, type FollowupReason } from '../../../shared/followups.js';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { showErrors } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useShopToday } from '../tiers/shopDay';
import { useAssignees } from './useAssignees';

interface Values {
  reason: FollowupReason;
  dueOn: string;
  assigneeId: string | null;
  note: string;
}

/** A follow-up visit planned by hand for this member: why, when, who calls; by default me, today. */
export function NewFollowupModal({ memberId, onClose }: { memberId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession((s) => s.session?.staff.id);
  const today = useShopToday();
  const assignees = useAssignees();
  const form = useForm<Values>({
    initialValues: { reason: 'custom', dueOn: today, assigneeId: me ? String(me) : null, note: '' },
    validate: { dueOn: (v) => (v ? null : t('errors.required')) },
  });
  const create = useCommand('followups.create', {
    invalidates: ['followups', 'members'],
    onSuccess: (f) => {
      notifications.show({ color: 'teal', message: t('followups.create.created', { day: fmt.day(f.dueOn) }) });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('followups.create.title')}>
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate(
            {
              memberId,
              reason: v.reason,
              dueOn: v.dueOn,
              assigneeId: v.assigneeId === null ? null : Number(v.assigneeId),
              note: v.note,
            },
            { onError: (e) => showErrors(t, form, e) },
          ),
        )}
      >
        <Stack>
          <Select
            label={t('followups.reason')}
            data={followupReasons.map((r) => ({ value: r, label: t(`followups.reasons.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('reason')}
          />
          <TextInput type="date" label={t('followups.dueOn')} {...form.getInputProps('dueOn')} />
          <Select
            label={t('followups.assignee')}
            placeholder={t('followups.unassigned')}
            data={assignees.options}
            clearable={assignees.manager}
            searchable
            {...form.getInputProps('assigneeId')}
          />
          <Textarea label={t('followups.note')} autosize minRows={2} data-autofocus {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('followups.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
