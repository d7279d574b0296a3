import { Card, Text, Timeline, Title } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCheck,
  IconLock,
  IconNote,
  IconPlayerPlay,
  IconPlus,
  IconStar,
  IconUserShare,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintAction, ComplaintStep } from '../../../shared/complaints.js';
import { useFormat } from '../../ui/format';

const icons: Record<ComplaintAction, ReactNode> = {
  log: <IconPlus size={12} />,
  assign: <IconUserShare size={12} />,
  start: <IconPlayerPlay size={12} />,
  resolve: <IconCheck size={12} />,
  close: <IconLock size={12} />,
  reopen: <IconArrowBackUp size={12} />,
  rate: <IconStar size={12} />,
  note: <IconNote size={12} />,
};

/** Every step of the complaint, oldest first: who did what, when, and what they noted. */
export function ComplaintSteps({ steps }: { steps: ComplaintStep[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('complaints.detail.steps')}
      </Title>
      <Timeline active={steps.length - 1} bulletSize={22} lineWidth={2} data-testid="complaint-steps">
        {steps.map((s) => (
          <Timeline.Item
            key={s.id}
            bullet={icons[s.action]}
            title={
              <>
                <span data-testid="step-action">{t(`complaints.actions.${s.action}`)}</span>
                {s.fromStatus !== s.toStatus && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    {t('complaints.detail.stepTo', { status: t(`complaints.statuses.${s.toStatus}`) })}
                  </Text>
                )}
              </>
            }
          >
            {s.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.note}
              </Text>
            )}
            {s.assigneeName && (s.action === 'assign' || s.action === 'log') && (
              <Text size="sm">{t('complaints.detail.stepAssignee', { name: s.assigneeName })}</Text>
            )}
            <Text size="xs" c="dimmed">
              {s.staffName ?? t('complaints.detail.system')} · {fmt.dateTime(s.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
