import { Button, Card, Group, Text, Title } from '@mantine/core';
import { IconPhonePlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupInfo } from '../../../shared/followups.js';
import { call } from '../../api/client';
import { FollowupTable } from './FollowupTable';
import { NewFollowupModal } from './NewFollowupModal';
import { ReassignFollowupModal } from './ReassignFollowupModal';
import { RecordFollowupModal } from './RecordFollowupModal';

/** The member's open follow-ups on their page, with a way to plan a new one. */
export function MemberFollowupsCard({ memberId, writable }: { memberId: number; writable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState<FollowupInfo | null>(null);
  const [reassigning, setReassigning] = useState<FollowupInfo | null>(null);
  const q = useQuery({
    queryKey: ['followups', 'member', memberId],
    queryFn: () => call('followups.list', { view: 'open', memberId, page: 1, pageSize: 50 }),
  });
  const rows = q.data?.rows ?? [];
  return (
    <Card withBorder data-testid="member-followups">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('followups.memberCard.title')}</Title>
        {writable && (
          <Button size="xs" variant="light" leftSection={<IconPhonePlus size={14} />} onClick={() => setAdding(true)}>
            {t('followups.memberCard.add')}
          </Button>
        )}
      </Group>
      {q.data && rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('followups.memberCard.empty')}
        </Text>
      ) : (
        <FollowupTable
          rows={rows}
          done={false}
          withMember={false}
          onRecord={writable ? setRecording : undefined}
          onReassign={writable ? setReassigning : undefined}
        />
      )}
      {adding && <NewFollowupModal memberId={memberId} onClose={() => setAdding(false)} />}
      <RecordFollowupModal task={recording} onClose={() => setRecording(null)} />
      {reassigning && <ReassignFollowupModal task={reassigning} onClose={() => setReassigning(null)} />}
    </Card>
  );
}
