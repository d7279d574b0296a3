import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { ReasonModal } from '../../ui/ReasonModal';
import { useTiersConfig } from './useMemberTier';

interface ManualValues {
  tierId: string | null;
  until: string;
  reason: string;
}

/** The owner puts the member on a tier by hand: a tier, an end date and a reason, all required. */
export function SetManualTierModal({
  memberId,
  opened,
  onClose,
}: {
  memberId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { day } = useFormat();
  const config = useTiersConfig(opened);
  const required = (v: string | null) => (v && v.trim() ? null : t('errors.required'));
  const form = useForm<ManualValues>({
    initialValues: { tierId: null, until: '', reason: '' },
    validate: { tierId: required, until: required, reason: required },
  });
  const set = useCommand('tiers.setManual', {
    invalidates: ['tiers', 'members'],
    onSuccess: (r) => {
      notifications.show({
        color: 'teal',
        message: t('tierMember.manual.saved', { name: r.tier.name, until: r.manual ? day(r.manual.until) : '' }),
      });
      form.reset();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('tierMember.manual.setTitle')}>
      <form
        onSubmit={form.onSubmit((v) =>
          set.mutate(
            { memberId, tierId: Number(v.tierId), until: v.until, reason: v.reason },
            { onError: (e) => showErrors(t, form, e) },
          ),
        )}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('tierMember.manual.setHint')}
          </Text>
          <Select
            label={t('tierMember.manual.tier')}
            data={(config.data?.tiers ?? []).map((tier) => ({ value: String(tier.id), label: tier.name }))}
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('tierId')}
          />
          <TextInput type="date" label={t('tierMember.manual.until')} {...form.getInputProps('until')} />
          <TextInput label={t('tierMember.manual.reason')} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" loading={set.isPending}>
              {t('tierMember.manual.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The owner ends a manual tier early; the member is placed by their growth again. */
export function EndManualTierModal({
  memberId,
  opened,
  onClose,
}: {
  memberId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const end = useCommand('tiers.endManual', {
    invalidates: ['tiers', 'members'],
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('tierMember.manual.ended', { name: r.tier.name }) });
      onClose();
    },
  });
  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title={t('tierMember.manual.endTitle')}
      intro={t('tierMember.manual.endHint')}
      label={t('tierMember.manual.reason')}
      submitLabel={t('tierMember.manual.end')}
      pending={end.isPending}
      onSubmit={(reason, callbacks) => end.mutate({ memberId, reason }, callbacks)}
    />
  );
}
