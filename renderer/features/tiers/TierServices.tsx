import { Button, Group, Paper, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceUsage } from '../../../shared/tiers.js';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';
import { ReasonModal } from '../../ui/ReasonModal';
import { periodText } from './tierFormat';

/** The tier's free services with what is used and left this period; clerks mark a use or undo a mistaken one. */
export function TierServices({
  memberId,
  services,
  writable,
}: {
  memberId: number;
  services: ServiceUsage[];
  writable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="tier-services">
      <Text size="sm" fw={600}>
        {t('tierMember.services.title')}
      </Text>
      {services.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tierMember.services.none')}
        </Text>
      )}
      {services.map((s) => (
        <ServiceRow key={s.id} memberId={memberId} service={s} writable={writable} />
      ))}
    </Stack>
  );
}

function ServiceRow({
  memberId,
  service: s,
  writable,
}: {
  memberId: number;
  service: ServiceUsage;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [undoOpen, undo] = useDisclosure(false);
  const use = useCommand('tiers.useService', {
    invalidates: ['tiers', 'members'],
    onSuccess: (r) => {
      setConfirming(false);
      const left = r.services.find((x) => x.id === s.id)?.left ?? 0;
      notifications.show({ color: 'teal', message: t('tierMember.services.used', { name: s.name, count: left }) });
    },
  });
  return (
    <Paper withBorder p="xs" data-testid="tier-service">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {s.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t('tierMember.services.quota', {
            quantity: s.quantity,
            period: t(`tierMember.services.periods.${s.period}`),
          })}
        </Text>
      </Group>
      <Text size="sm" c={s.left ? undefined : 'dimmed'} data-testid="service-usage">
        {t('tierMember.services.usage', { period: periodText(t, s.periodKey), used: s.used, count: s.left })}
      </Text>
      {writable && (
        <Group gap={4} mt={6}>
          <Popover opened={confirming} onChange={setConfirming} position="bottom-end" withArrow trapFocus>
            <Popover.Target>
              <Button
                size="xs"
                leftSection={<IconCheck size={14} />}
                disabled={s.left === 0}
                onClick={() => setConfirming((o) => !o)}
              >
                {t('tierMember.services.markUsed')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs">
                <Text size="sm">{t('tierMember.services.confirm', { name: s.name })}</Text>
                <Group justify="flex-end" gap="xs">
                  <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    size="xs"
                    data-autofocus
                    loading={use.isPending}
                    onClick={() => use.mutate({ memberId, serviceId: s.id }, { onError: (e) => notifyError(t, e) })}
                  >
                    {t('tierMember.services.confirmButton')}
                  </Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
          {s.used > 0 && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconArrowBackUp size={14} />}
              onClick={undo.open}
            >
              {t('tierMember.services.undo')}
            </Button>
          )}
        </Group>
      )}
      {writable && <UndoServiceModal memberId={memberId} service={s} opened={undoOpen} onClose={undo.close} />}
    </Paper>
  );
}

/** Undoes the member's latest use of the service this period; the reason goes on the timeline. */
function UndoServiceModal({
  memberId,
  service,
  opened,
  onClose,
}: {
  memberId: number;
  service: ServiceUsage;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const undo = useCommand('tiers.undoService', {
    invalidates: ['tiers', 'members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('tierMember.services.undone', { name: service.name }) });
      onClose();
    },
  });
  return (
    <ReasonModal
      opened={opened}
      onClose={onClose}
      title={t('tierMember.services.undoTitle', { name: service.name })}
      intro={t('tierMember.services.undoHint')}
      label={t('tierMember.services.reason')}
      submitLabel={t('tierMember.services.undoSave')}
      pending={undo.isPending}
      onSubmit={(reason, callbacks) => undo.mutate({ memberId, serviceId: service.id, reason }, callbacks)}
    />
  );
}
