import { Alert, Button, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { errorData, notifyError } from '../../ui/errors';

const nobody = 'nobody';

/**
 * Deactivating someone: first their open complaints and follow-ups are counted; if there are any,
 * the owner hands them to another active staff member or leaves them unassigned, in the same call.
 * Leaving them unassigned is an option picked like a person; with nothing picked, nobody is deactivated.
 */
export function DeactivateStaffModal({ staff, onClose }: { staff: StaffInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={staff !== null} onClose={onClose} title={t('staff.deactivate')}>
      {staff && <DeactivateBody key={staff.id} staff={staff} onClose={onClose} />}
    </Modal>
  );
}

function DeactivateBody({ staff, onClose }: { staff: StaffInfo; onClose: () => void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const work = useQuery({
    queryKey: ['staff', 'openWork', staff.id],
    queryFn: () => call('staff.openWork', { staffId: staff.id }),
    refetchOnMount: 'always',
    gcTime: 0,
  });
  const assignees = useQuery({ queryKey: ['staff', 'assignees'], queryFn: () => call('staff.assignees', {}) });
  const setActive = useCommand('staff.setActive', {
    invalidates: ['staff', 'complaints', 'followups'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('staffWork.deactivated', { name: staff.displayName }) });
      onClose();
    },
  });
  const open = work.data ? work.data.complaints + work.data.followups : 0;
  const submit = () => {
    const onError = (e: unknown) => {
      // Work was given to them since the count: count again and ask who takes it.
      if (errorData(e).messageKey === 'errors.staff.openWork') void work.refetch();
      else notifyError(t, e);
    };
    if (open === 0) return setActive.mutate({ staffId: staff.id, active: false }, { onError });
    if (to === null) return setMissing(true);
    setActive.mutate({ staffId: staff.id, active: false, reassignTo: to === nobody ? null : Number(to) }, { onError });
  };
  if (work.isPending)
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm">{t('staffWork.checking')}</Text>
      </Group>
    );
  if (work.isError) return <Alert color="red">{t(errorData(work.error).messageKey)}</Alert>;
  return (
    <Stack>
      <Text>{t('staff.confirmDeactivate', { name: staff.displayName })}</Text>
      {open > 0 && (
        <>
          <Alert color="yellow" data-testid="staff-open-work">
            {t('staffWork.openWork', work.data)}
          </Alert>
          <Select
            label={t('staffWork.reassignTo')}
            placeholder={t('staffWork.choose')}
            data={[
              ...(assignees.data ?? [])
                .filter((s) => s.id !== staff.id)
                .map((s) => ({ value: String(s.id), label: s.displayName })),
              { value: nobody, label: t('staffWork.nobody') },
            ]}
            value={to}
            onChange={(v) => {
              setTo(v);
              setMissing(false);
            }}
            error={missing && t('staffWork.choose')}
            required
            allowDeselect={false}
            searchable
            data-autofocus
          />
          {to === nobody && (
            <Text size="xs" c="dimmed">
              {t('staffWork.reassignHint')}
            </Text>
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={setActive.isPending} onClick={submit}>
          {t('staff.deactivate')}
        </Button>
      </Group>
    </Stack>
  );
}
