import {
  Alert,
  Button,
  Group,
  Input,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { compensationKinds, type ComplaintDetail, type CompensationKind } from '../../../shared/complaints.js';
import type { CompensationInput } from '../../../shared/contract/complaints.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';
import { fieldProblem, yuanField } from '../points/money';
import { detailCompensationText, rewardWorthFen, yuan } from './complaintText';
import { complaintInvalidates } from './queries';

interface Values {
  resolution: string;
  kind: CompensationKind;
  points: number | string;
  rewardId: string | null;
  amount: string;
  reference: string;
}

/** The contract's field paths on this form's fields (the refund amount is typed in yuan). */
const rename = {
  compensation: 'kind',
  'compensation.kind': 'kind',
  'compensation.points': 'points',
  'compensation.rewardId': 'rewardId',
  'compensation.amountFen': 'amount',
  'compensation.reference': 'reference',
};

/** Resolving: what was done (required) and the compensation, within the caller's limit. */
export function ResolveModal({ c, onClose }: { c: ComplaintDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useQuery({ queryKey: ['points', 'rules'], queryFn: () => call('points.rules', {}) });
  const rewards = useQuery({
    queryKey: ['rewards', 'list', false],
    queryFn: () => call('rewards.list', { includeInactive: false }),
  });
  const pointValueFen = rules.data?.pointValueFen ?? 0;
  // A complaint is compensated once: after a reopen the earlier compensation stands.
  const compensated = c.compensation !== null && c.compensation.kind !== 'apology';
  const kinds = compensationKinds.filter((k) =>
    compensated ? k === 'apology' : c.memberId !== null || k === 'apology' || k === 'refund',
  );
  const apologyOnly = kinds.length === 1;
  const form = useForm<Values>({
    initialValues: { resolution: '', kind: 'apology', points: '', rewardId: null, amount: '', reference: '' },
    validate: {
      resolution: (v) => (v.trim() ? null : t('errors.required')),
      points: (v, all) => (all.kind === 'points' && v === '' ? t('errors.required') : null),
      rewardId: (v, all) => (all.kind === 'coupon' && !v ? t('errors.required') : null),
      amount: (v, all) => (all.kind === 'refund' ? fieldProblem(yuanField(t, v, true)) : null),
      reference: (v, all) => (all.kind === 'refund' && !v.trim() ? t('errors.required') : null),
    },
  });
  const resolve = useCommand('complaints.resolve', {
    invalidates: complaintInvalidates,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('complaints.resolve.done') });
      onClose();
    },
  });
  const v = form.getValues();
  const activeRewards = rewards.data ?? [];
  const reward = activeRewards.find((r) => String(r.id) === v.rewardId);
  const refund = yuanField(t, v.amount, false);
  const worthFen =
    v.kind === 'points'
      ? Number(v.points) * pointValueFen || 0
      : v.kind === 'coupon'
        ? reward
          ? rewardWorthFen(reward, pointValueFen)
          : 0
        : v.kind === 'refund' && 'fen' in refund
          ? refund.fen
          : 0;
  const over = c.limitFen !== null && worthFen > c.limitFen;

  const compensation = (values: Values): CompensationInput => {
    switch (values.kind) {
      case 'apology':
        return { kind: 'apology' };
      case 'points':
        return { kind: 'points', points: Number(values.points) };
      case 'coupon':
        return { kind: 'coupon', rewardId: Number(values.rewardId) };
      case 'refund': {
        const r = yuanField(t, values.amount, true);
        return { kind: 'refund', amountFen: 'fen' in r ? r.fen : 0, reference: values.reference };
      }
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('complaints.resolve.title')} size="lg">
      <form
        onSubmit={form.onSubmit((values) =>
          resolve.mutate(
            { id: c.id, resolution: values.resolution, compensation: compensation(values) },
            { onError: (e) => showErrors(t, form, e, rename) },
          ),
        )}
      >
        <Stack>
          <Textarea
            label={t('complaints.resolve.resolution')}
            placeholder={t('complaints.resolve.resolutionPlaceholder')}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('resolution')}
          />
          {compensated && c.compensation && (
            <Alert color="blue">
              {t('complaints.resolve.compensated', { text: detailCompensationText(t, c.compensation) })}
            </Alert>
          )}
          <Input.Wrapper
            label={t('complaints.resolve.compensation')}
            description={c.memberId === null && !compensated ? t('complaints.resolve.walkInOnly') : undefined}
            error={form.errors.kind}
          >
            <SegmentedControl
              fullWidth
              data-testid="compensation-kind"
              data={kinds.map((k) => ({ value: k, label: t(`complaints.compensationKinds.${k}`) }))}
              {...form.getInputProps('kind')}
            />
          </Input.Wrapper>
          {v.kind === 'points' && (
            <IntegerInput label={t('complaints.resolve.points')} min={1} w={200} {...form.getInputProps('points')} />
          )}
          {v.kind === 'coupon' && (
            <Select
              label={t('complaints.resolve.reward')}
              searchable
              data={activeRewards.map((r) => ({
                value: String(r.id),
                label: `${r.name} · ${t('complaints.resolve.rewardWorth', {
                  amount: yuan(rewardWorthFen(r, pointValueFen)),
                })}`,
              }))}
              {...form.getInputProps('rewardId')}
            />
          )}
          {v.kind === 'refund' && (
            <SimpleGrid cols={2}>
              <TextInput label={t('complaints.resolve.amount')} inputMode="decimal" {...form.getInputProps('amount')} />
              <TextInput
                label={t('complaints.resolve.reference')}
                description={t('complaints.resolve.referenceHint')}
                {...form.getInputProps('reference')}
              />
            </SimpleGrid>
          )}
          <Group gap="md">
            {v.kind !== 'apology' && worthFen > 0 && (
              <Text size="sm" c={over ? 'red' : undefined} data-testid="compensation-worth">
                {t('complaints.resolve.worth', { amount: yuan(worthFen) })}
              </Text>
            )}
            {/* A limit means nothing when only an apology may be given. */}
            {!apologyOnly && (
              <Text size="sm" c="dimmed" data-testid="compensation-limit">
                {c.limitFen === null
                  ? t('complaints.resolve.noLimit')
                  : t('complaints.resolve.limit', { amount: yuan(c.limitFen) })}
              </Text>
            )}
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={resolve.isPending}>
              {t('complaints.resolve.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
