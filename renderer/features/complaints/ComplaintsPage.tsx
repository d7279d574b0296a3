import { Alert, Button, Group, Pagination, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { complaintStatuses, severities, type ComplaintStatus, type Severity } from '../../../shared/complaints.js';
import { complaintViews, type ComplaintView } from '../../../shared/contract/complaints.js';
import { can } from '../../../shared/permissions.js';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { errorMessage } from '../../ui/errors';
import { categoryName } from './complaintText';
import { ComplaintsTable } from './ComplaintsTable';
import { LogComplaintModal } from './LogComplaintModal';
import { useComplaintsConfig } from './queries';

const pageSize = 50;

/** The complaints list: what is open, mine, overdue, waiting to be closed or everything, filtered; logging a new one. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const role = useSession((s) => s.session)!.staff.role;
  const [view, setView] = useState<ComplaintView>('open');
  const [severity, setSeverity] = useState<Severity | null>(null);
  const [status, setStatus] = useState<ComplaintStatus | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [logOpen, log] = useDisclosure(false);
  const config = useComplaintsConfig();
  const filter = { view, severity, status, categoryId: categoryId === null ? null : Number(categoryId) };
  const q = useQuery({
    queryKey: ['complaints', 'list', filter, page],
    queryFn: () => call('complaints.list', { ...filter, memberId: null, page, pageSize }),
    placeholderData: keepPreviousData,
    // Overdue is judged at the time of the call: a list left open catches up every minute.
    refetchInterval: 60_000,
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  // Any filter change starts again at the first page.
  const set =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPage(1);
    };
  const any = t('complaints.filters.any');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('complaints.title')}</Title>
        <Group gap="xs">
          {can(role, 'complaints.manage') && (
            <Button
              variant="default"
              leftSection={<IconSettings size={16} />}
              onClick={() => navigate('/complaints/settings')}
            >
              {t('complaints.settingsButton')}
            </Button>
          )}
          <Button leftSection={<IconPlus size={16} />} onClick={log.open}>
            {t('complaints.log')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed">{t('complaints.intro')}</Text>
      <Group align="flex-end">
        <SegmentedControl
          data-testid="complaints-view"
          value={view}
          onChange={(v) => set(setView)(v as ComplaintView)}
          data={complaintViews.map((v) => ({ value: v, label: t(`complaints.views.${v}`) }))}
        />
        <Select
          label={t('complaints.filters.severity')}
          placeholder={any}
          clearable
          w={140}
          value={severity}
          onChange={(v) => set(setSeverity)(v as Severity | null)}
          data={severities.map((s) => ({ value: s, label: t(`complaints.severities.${s}`) }))}
        />
        <Select
          label={t('complaints.filters.category')}
          placeholder={any}
          clearable
          w={160}
          value={categoryId}
          onChange={set(setCategoryId)}
          data={(config.data?.categories ?? []).map((c) => ({ value: String(c.id), label: categoryName(c, t) }))}
        />
        <Select
          label={t('complaints.filters.status')}
          placeholder={any}
          clearable
          w={140}
          value={status}
          onChange={(v) => set(setStatus)(v as ComplaintStatus | null)}
          data={complaintStatuses.map((s) => ({ value: s, label: t(`complaints.statuses.${s}`) }))}
        />
      </Group>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && rows.length === 0 ? (
        <Text c="dimmed">{t('complaints.none')}</Text>
      ) : (
        <ComplaintsTable rows={rows} showMember />
      )}
      {total > pageSize && (
        <Group justify="space-between">
          <Pagination value={page} onChange={setPage} total={Math.ceil(total / pageSize)} />
          <Text size="sm" c="dimmed">
            {t('common.pageTotal', { total })}
          </Text>
        </Group>
      )}
      {logOpen && (
        <LogComplaintModal
          onClose={log.close}
          onLogged={(c) => {
            log.close();
            navigate(`/complaints/${c.id}`);
          }}
        />
      )}
    </Stack>
  );
}
