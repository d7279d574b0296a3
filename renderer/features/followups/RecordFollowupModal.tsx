import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { followupOutcomes, type FollowupInfo, type FollowupOutcome } from '../../../shared/followups.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';

interface Values {
  outcome: FollowupOutcome;
  note: string;
  nextStep: string;
  callBackOn: string;
}

/** The outcome of a call: reached, not reached, or call back on a day (which schedules the next task). */
export function RecordFollowupModal({ task, onClose }: { task: FollowupInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { outcome: 'reached', note: '', nextStep: '', callBackOn: '' },
    validate: {
      callBackOn: (v, all) => (all.outcome === 'callBack' && !v ? t('errors.required') : null),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const record = useCommand('followups.record', {
    invalidates: ['followups', 'members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('followups.recorded') });
      close();
    },
  });
  const callBack = form.values.outcome === 'callBack';
  return (
    <Modal opened={task !== null} onClose={close} title={t('followups.recordTitle')}>
      {task && (
        <form
          onSubmit={form.onSubmit((v) =>
            record.mutate(
              {
                id: task.id,
                outcome: v.outcome,
                note: v.note,
                nextStep: v.nextStep,
                callBackOn: v.outcome === 'callBack' ? v.callBackOn : null,
              },
              { onError: (e) => showErrors(t, form, e) },
            ),
          )}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t('followups.recordFor', {
                name: task.memberName || t('followups.walkIn'),
                reason: t(`followups.reasons.${task.reason}`),
              })}
              {task.note && ` · ${task.note}`}
            </Text>
            <SegmentedControl
              fullWidth
              data={followupOutcomes.map((o) => ({ value: o, label: t(`followups.outcomes.${o}`) }))}
              data-testid="followup-outcome"
              {...form.getInputProps('outcome')}
            />
            <Textarea label={t('followups.outcomeNote')} autosize minRows={2} {...form.getInputProps('note')} />
            <TextInput label={t('followups.nextStep')} {...form.getInputProps('nextStep')} />
            {callBack && (
              <TextInput
                type="date"
                label={t('followups.callBackOn')}
                description={t('followups.callBackHint')}
                withAsterisk
                {...form.getInputProps('callBackOn')}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={record.isPending}>
                {t('followups.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
