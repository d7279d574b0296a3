import { Button, Card, Group, Pagination, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ComplaintsTable } from './ComplaintsTable';
import { LogComplaintModal } from './LogComplaintModal';

const pageSize = 10;

/** The member's complaints, newest first, and logging a new one for them. */
export function MemberComplaintsCard({
  member,
  writable,
}: {
  member: { id: number; name: string; memberNo: string };
  writable: boolean;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [logOpen, log] = useDisclosure(false);
  const q = useQuery({
    queryKey: ['complaints', 'list', 'member', member.id, page],
    queryFn: () =>
      call('complaints.list', {
        view: 'all',
        memberId: member.id,
        status: null,
        severity: null,
        categoryId: null,
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  return (
    <Card withBorder data-testid="member-complaints">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('complaints.memberTitle')}</Title>
        {writable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={log.open}>
            {t('complaints.log')}
          </Button>
        )}
      </Group>
      {q.data && rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('complaints.memberNone')}
        </Text>
      ) : (
        <ComplaintsTable rows={rows} showMember={false} />
      )}
      {total > pageSize && (
        <Pagination mt="sm" size="sm" value={page} onChange={setPage} total={Math.ceil(total / pageSize)} />
      )}
      {logOpen && <LogComplaintModal member={member} onClose={log.close} />}
    </Card>
  );
}
