import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconCheck,
  IconDeviceDesktop,
  IconHandGrab,
  IconLock,
  IconNote,
  IconPlayerPlay,
  IconStar,
  IconUserShare,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../shared/complaints.js';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { notifyError } from '../../ui/errors';
import { ReasonModal } from '../../ui/ReasonModal';
import { CloseModal, CounterRating } from './CsatModals';
import { complaintInvalidates, useComplaintsConfig } from './queries';
import { ResolveModal } from './ResolveModal';
import { AssignModal, NoteModal } from './StepModals';

type Dialog = 'assign' | 'start' | 'note' | 'resolve' | 'close' | 'rate' | 'counter' | 'reopen';

/** What the person at the screen may do with the complaint now, as the main process told (it checks again). */
export function ComplaintActions({ c }: { c: ComplaintDetail }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.session)!.staff;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const take = useCommand('complaints.assign', {
    invalidates: complaintInvalidates,
    onSuccess: () => notifications.show({ color: 'teal', message: t('complaints.taken') }),
  });
  const reopen = useCommand('complaints.reopen', {
    invalidates: complaintInvalidates,
    onSuccess: () => notifications.show({ color: 'teal', message: t('complaints.reopen.done') }),
  });
  const button = (d: Dialog, label: string, icon: ReactNode, primary = false) => (
    <Button
      size="sm"
      variant={primary ? 'filled' : 'default'}
      leftSection={icon}
      onClick={() => setDialog(d)}
      data-testid={`complaint-${d}`}
    >
      {label}
    </Button>
  );
  const can = c.can;
  // Resolved or closed, yet no reopen offered: only because it was resolved too long ago for a clerk.
  const reopenLate = (c.status === 'resolved' || c.status === 'closed') && !can.reopen;
  const reopenDays = useComplaintsConfig().data?.settings.reopenDays;
  return (
    <>
      <Group gap="xs" data-testid="complaint-actions">
        {can.take && (
          <Button
            size="sm"
            variant={can.start ? 'default' : 'filled'}
            leftSection={<IconHandGrab size={16} />}
            loading={take.isPending}
            data-testid="complaint-take"
            onClick={() =>
              take.mutate({ id: c.id, assigneeId: me.id, note: '' }, { onError: (e) => notifyError(t, e) })
            }
          >
            {t('complaints.take')}
          </Button>
        )}
        {can.assign && button('assign', t('complaints.actions.assign'), <IconUserShare size={16} />)}
        {can.start && button('start', t('complaints.actions.start'), <IconPlayerPlay size={16} />, true)}
        {can.resolve && button('resolve', t('complaints.actions.resolve'), <IconCheck size={16} />, true)}
        {can.close && button('close', t('complaints.actions.close'), <IconLock size={16} />, true)}
        {can.rate && button('rate', t('complaints.actions.rate'), <IconStar size={16} />)}
        {(can.close || can.rate) && button('counter', t('complaints.csat.handOver'), <IconDeviceDesktop size={16} />)}
        {can.reopen && button('reopen', t('complaints.actions.reopen'), <IconArrowBackUp size={16} />)}
        {button('note', t('complaints.addNote'), <IconNote size={16} />)}
        {reopenLate && reopenDays !== undefined && (
          <Text size="xs" c="dimmed" data-testid="complaint-reopen-late">
            {t('complaints.reopen.late', { days: reopenDays })}
          </Text>
        )}
      </Group>
      {dialog === 'assign' && <AssignModal c={c} onClose={close} />}
      {(dialog === 'start' || dialog === 'note') && <NoteModal c={c} kind={dialog} onClose={close} />}
      {dialog === 'resolve' && <ResolveModal c={c} onClose={close} />}
      {(dialog === 'close' || dialog === 'rate') && <CloseModal c={c} kind={dialog} onClose={close} />}
      {dialog === 'counter' && <CounterRating c={c} onClose={close} />}
      <ReasonModal
        opened={dialog === 'reopen'}
        onClose={close}
        title={t('complaints.reopen.title')}
        intro={t('complaints.reopen.intro')}
        label={t('complaints.reopen.label')}
        submitLabel={t('complaints.reopen.submit')}
        pending={reopen.isPending}
        field="note"
        onSubmit={(note, cb) =>
          reopen.mutate(
            { id: c.id, note },
            {
              onError: cb.onError,
              onSuccess: () => {
                cb.onSuccess();
                close();
              },
            },
          )
        }
      />
    </>
  );
}
