import { Button, Center, Group, Input, Modal, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail, RatedBy } from '../../../shared/complaints.js';
import { useCommand } from '../../api/useCommand';
import { notifyError, showErrors } from '../../ui/errors';
import { complaintInvalidates } from './queries';

const scores = [1, 2, 3, 4, 5] as const;

/**
 * Five stars to tap, each named by its score and meaning for screen readers and tests; big on the
 * counter screen, where the customer taps them.
 */
function ScoreButtons({
  value,
  onChange,
  big,
}: {
  value: number | null;
  onChange: (score: number) => void;
  big?: boolean;
}) {
  const { t } = useTranslation();
  const size = big ? 72 : 32;
  return (
    <Group gap={big ? 'lg' : 4} justify={big ? 'center' : 'flex-start'} data-testid="csat-scores">
      {scores.map((s) => {
        const on = value !== null && s <= value;
        return (
          <UnstyledButton
            key={s}
            aria-label={`${s} ${t(`complaints.csat.scores.${s}`)}`}
            aria-pressed={value === s}
            onClick={() => onChange(s)}
            c={on ? 'yellow.6' : 'gray.5'}
          >
            <Stack gap={0} align="center">
              {on ? <IconStarFilled size={size} /> : <IconStar size={size} />}
              {big && (
                <Text size="lg" c={value === s ? 'yellow.8' : 'dimmed'}>
                  {t(`complaints.csat.scores.${s}`)}
                </Text>
              )}
            </Stack>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}

interface CsatValues {
  score: number | null;
  comment: string;
}

/** Closing (CSAT optional, staff asking on the phone) or adding the CSAT to a closed complaint (required). */
export function CloseModal({ c, kind, onClose }: { c: ComplaintDetail; kind: 'close' | 'rate'; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<CsatValues>({
    initialValues: { score: null, comment: '' },
    validate: { score: (v) => (kind === 'rate' && v === null ? t('complaints.csat.pickScore') : null) },
  });
  const done = (message: string) => () => {
    notifications.show({ color: 'teal', message });
    onClose();
  };
  const closeCmd = useCommand('complaints.close', {
    invalidates: complaintInvalidates,
    onSuccess: done(t('complaints.close.done')),
  });
  const rate = useCommand('complaints.rate', {
    invalidates: complaintInvalidates,
    onSuccess: done(t('complaints.csat.recorded')),
  });
  const v = form.getValues();
  // The contract's csat.score / csat.comment land on this form's score / comment.
  const rename = { 'csat.score': 'score', 'csat.comment': 'comment', csat: 'score' };
  return (
    <Modal
      opened
      onClose={onClose}
      title={kind === 'close' ? t('complaints.close.title') : t('complaints.csat.rateTitle')}
    >
      <form
        onSubmit={form.onSubmit((values) => {
          const csat =
            values.score === null ? null : { score: values.score, comment: values.comment, by: 'staff' as RatedBy };
          const onError = (e: unknown) => showErrors(t, form, e, rename);
          if (kind === 'close') closeCmd.mutate({ id: c.id, note: '', csat }, { onError });
          else if (csat) rate.mutate({ id: c.id, csat }, { onError });
        })}
      >
        <Stack>
          {kind === 'close' && (
            <Text size="sm" c="dimmed">
              {t('complaints.close.intro')}
            </Text>
          )}
          <Input.Wrapper label={t('complaints.csat.score')} error={form.errors.score}>
            <Group justify="space-between">
              <ScoreButtons value={v.score} onChange={(s) => form.setFieldValue('score', s)} />
              {kind === 'close' && v.score !== null && (
                <Button size="compact-xs" variant="subtle" onClick={() => form.setFieldValue('score', null)}>
                  {t('complaints.csat.clear')}
                </Button>
              )}
            </Group>
          </Input.Wrapper>
          <Textarea
            label={t('complaints.csat.comment')}
            placeholder={t('complaints.csat.commentPlaceholder')}
            autosize
            minRows={2}
            {...form.getInputProps('comment')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={closeCmd.isPending || rate.isPending}>
              {kind === 'close' ? t('complaints.close.submit') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The counter screen turned to the customer: big stars and a comment box, nothing about the staff
 * or the shop's handling. Closes the complaint (or adds the rating to a closed one) as rated by the
 * member; staff take the screen back once it thanks them. The customer cannot dismiss it (no X, no
 * Escape): only a small text button at the bottom lets staff take it back unrated.
 */
export function CounterRating({ c, onClose }: { c: ComplaintDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [thanked, setThanked] = useState(false);
  const options = { invalidates: complaintInvalidates, onSuccess: () => setThanked(true) };
  const closeCmd = useCommand('complaints.close', options);
  const rate = useCommand('complaints.rate', options);
  const submit = () => {
    if (score === null) return;
    const csat = { score, comment, by: 'member' as RatedBy };
    const onError = (e: unknown) => notifyError(t, e);
    if (c.status === 'closed') rate.mutate({ id: c.id, csat }, { onError });
    else closeCmd.mutate({ id: c.id, note: '', csat }, { onError });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      radius={0}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      data-testid="counter-rating"
    >
      <Center h="85vh">
        {thanked ? (
          <Stack align="center" gap="xl">
            <Title order={1}>{t('complaints.csat.thanks')}</Title>
            <Button size="lg" variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Stack>
        ) : (
          <Stack align="center" gap="xl" w="min(720px, 90vw)">
            <Title order={1}>{t('complaints.csat.counterTitle')}</Title>
            <Text size="xl" c="dimmed">
              {t('complaints.csat.counterIntro')}
            </Text>
            <ScoreButtons value={score} onChange={setScore} big />
            <Textarea
              w="100%"
              size="lg"
              label={t('complaints.csat.counterComment')}
              autosize
              minRows={3}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Button
              size="xl"
              disabled={score === null}
              loading={closeCmd.isPending || rate.isPending}
              onClick={submit}
              data-testid="counter-submit"
            >
              {t('complaints.csat.counterSubmit')}
            </Button>
          </Stack>
        )}
      </Center>
      {!thanked && (
        <Center>
          <Button
            variant="subtle"
            color="gray"
            c="dimmed"
            fw={400}
            size="compact-xs"
            onClick={onClose}
            data-testid="counter-cancel"
          >
            {t('complaints.csat.counterCancel')}
          </Button>
        </Center>
      )}
    </Modal>
  );
}
