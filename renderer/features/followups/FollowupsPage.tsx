import { Alert, Group, Pagination, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followupViews, type FollowupView } from '../../../shared/contract/followups.js';
import type { FollowupInfo } from '../../../shared/followups.js';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { FollowupTable } from './FollowupTable';
import { ReassignFollowupModal } from './ReassignFollowupModal';
import { RecordFollowupModal } from './RecordFollowupModal';

const pageSize = 50;

/** The follow-up visits: today's calls, mine, all open ones and those done, a page at a time. */
export function FollowupsPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<FollowupView>('today');
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<FollowupInfo | null>(null);
  const [reassigning, setReassigning] = useState<FollowupInfo | null>(null);
  const q = useQuery({
    queryKey: ['followups', 'list', view, page],
    queryFn: () => call('followups.list', { view, page, pageSize, memberId: null }),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  const done = view === 'done';
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('followups.title')}</Title>
          {q.data && (
            <Text c="dimmed" data-testid="followups-total">
              {t('common.pageTotal', { total })}
            </Text>
          )}
        </Group>
        <SegmentedControl
          data-testid="followups-view"
          value={view}
          onChange={(v) => {
            setView(v as FollowupView);
            setPage(1);
          }}
          data={followupViews.map((v) => ({ value: v, label: t(`followups.views.${v}`) }))}
        />
      </Group>
      <Text c="dimmed" size="sm">
        {t('followups.intro')}
      </Text>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && rows.length === 0 ? (
        <Alert color={view === 'today' ? 'teal' : 'gray'}>{t(`followups.none.${view}`)}</Alert>
      ) : (
        <FollowupTable
          rows={rows}
          done={done}
          onRecord={done ? undefined : setRecording}
          onReassign={done ? undefined : setReassigning}
          testId="followups-table"
        />
      )}
      {total > pageSize && <Pagination value={page} onChange={setPage} total={Math.ceil(total / pageSize)} />}
      <RecordFollowupModal task={recording} onClose={() => setRecording(null)} />
      {reassigning && <ReassignFollowupModal task={reassigning} onClose={() => setReassigning(null)} />}
    </Stack>
  );
}
