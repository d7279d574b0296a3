import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { formatFen } from '../../../shared/rules/money.js';
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
  // Stored value and unused visits are refunded first; the main process refuses otherwise too.
  const wallet = useQuery({
    queryKey: ['wallet', 'summary', m.id],
    queryFn: () => call('wallet.summary', { memberId: m.id }),
    enabled: opened,
  }).data;
  const count = wallet?.activeVisitcards ?? 0;
  const balance = wallet?.totalFen ?? 0;
  const holds = count === 0 ? 'eraseHoldsBalance' : balance === 0 ? 'eraseHoldsCards' : 'eraseHoldsBoth';
  const blocked = balance > 0 || count > 0;
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
          {blocked && (
            <Alert color="orange" data-testid="erase-holds-value">
              <Text size="sm">{t(`errors.wallet.${holds}`, { balance: formatFen(balance), count })}</Text>
            </Alert>
          )}
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
            <Button type="submit" color="red" disabled={!typed || blocked} loading={erase.isPending}>
              {t('members.eraseButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
