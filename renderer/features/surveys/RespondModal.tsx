import { Button, Chip, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SurveyMemberRow } from '../../../shared/surveys.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { scoreColor } from './NpsCard';

const scores = Array.from({ length: 11 }, (_, i) => i);

/** One member's answer as it comes in: 0–10 as eleven buttons, and why; a second entry corrects it. */
export function RespondModal({
  surveyId,
  row,
  onClose,
}: {
  surveyId: number;
  row: SurveyMemberRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const name = row.memberName || row.memberNo;
  const form = useForm<{ score: number | null; reason: string }>({
    initialValues: { score: row.score, reason: row.reason },
    validate: { score: (v) => (v === null ? t('surveys.chooseScore') : null) },
  });
  const respond = useCommand('surveys.respond', {
    invalidates: ['surveys'],
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('surveys.saved', { name, score: r.score }) });
      onClose();
    },
  });
  const picked = form.values.score;
  return (
    <Modal opened onClose={onClose} title={t('surveys.respondTitle', { name })} size="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          respond.mutate(
            { surveyId, memberId: row.memberId, score: v.score!, reason: v.reason },
            { onError: (e) => showErrors(t, form, e) },
          ),
        )}
      >
        <Stack>
          <Text size="sm">{t('surveys.question')}</Text>
          <Stack gap={4}>
            <Chip.Group
              value={picked === null ? null : String(picked)}
              onChange={(v) => form.setFieldValue('score', Number(v))}
            >
              <Group gap={6} wrap="nowrap" role="radiogroup" aria-label={t('surveys.score')} data-testid="nps-scores">
                {scores.map((s) => (
                  <Chip key={s} value={String(s)} type="radio" color={scoreColor(s)} variant="filled">
                    {s}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {form.errors.score && (
              <Text size="xs" c="red">
                {form.errors.score}
              </Text>
            )}
          </Stack>
          <Textarea label={t('surveys.reason')} autosize minRows={2} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={respond.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
