import { Anchor, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconPhoneCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FollowupInfo } from '../../../shared/followups.js';
import { call } from '../../api/client';
import { FollowupDue, FollowupWho } from './FollowupTable';
import { RecordFollowupModal } from './RecordFollowupModal';

const shown = 5;

/**
 * The home screen's reminder: follow-ups due today or late, the first few with a button to
 * record the call; nothing at all on a day without calls.
 */
export function TodayFollowupsCard() {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<FollowupInfo | null>(null);
  const q = useQuery({
    queryKey: ['followups', 'list', 'today', 'home'],
    queryFn: () => call('followups.list', { view: 'today', page: 1, pageSize: shown, memberId: null }),
    refetchOnMount: 'always',
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Card withBorder p="sm" data-testid="today-followups">
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <IconPhoneCheck size={18} />
          <Title order={5}>{t('followups.home.title')}</Title>
          <Badge variant="light">{t('followups.home.summary', { count: total })}</Badge>
        </Group>
        <Anchor component={Link} href="/followups" size="sm">
          {t('followups.home.more')}
        </Anchor>
      </Group>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {rows.map((f) => (
            <Table.Tr key={f.id} data-testid={`today-followup-${f.id}`}>
              <Table.Td>
                <FollowupWho task={f} />
              </Table.Td>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {f.phone}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`followups.reasons.${f.reason}`)}</Text>
              </Table.Td>
              <Table.Td>
                <FollowupDue task={f} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {f.assigneeName ?? t('followups.unassigned')}
                  {f.note && ` · ${f.note}`}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="compact-sm" variant="light" onClick={() => setRecording(f)}>
                  {t('followups.record')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RecordFollowupModal task={recording} onClose={() => setRecording(null)} />
    </Card>
  );
}
