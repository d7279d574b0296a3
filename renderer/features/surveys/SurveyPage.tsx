import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { can } from '../../../shared/permissions.js';
import type { SurveyInfo, SurveyMemberRow } from '../../../shared/surveys.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { errorMessage, notifyError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { MemberLink } from '../../ui/MemberLink';
import { NpsCard, scoreColor } from './NpsCard';
import { RespondModal } from './RespondModal';

const pageSize = 50;
const answeredFilters = { all: null, answered: true, notYet: false } as const;
type AnsweredFilter = keyof typeof answeredFilters;

/** One survey: its figures, and the members asked with their answers, entered here as they come in. */
export function SurveyPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['surveys', 'list'],
    queryFn: () => call('surveys.list', {}),
    refetchOnMount: 'always',
  });
  const survey = q.data?.find((s) => s.id === id);
  if (q.isPending) return <Loader />;
  if (q.isError) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  if (!survey) return <Alert color="red">{t('surveys.notFound')}</Alert>;
  return <SurveyView survey={survey} />;
}

function SurveyView({ survey: s }: { survey: SurveyInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const role = useSession((st) => st.session)!.staff.role;
  const open = s.closedAt === null;
  const [closing, setClosing] = useState(false);
  const close = useCommand('surveys.close', {
    invalidates: ['surveys'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('surveys.closedDone') });
      setClosing(false);
    },
  });
  return (
    <Stack>
      <Anchor component={Link} href="/surveys" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('surveys.back')}
        </Group>
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{s.name}</Title>
          <Badge color={open ? 'teal' : 'gray'} variant="light" data-testid="survey-status">
            {open ? t('surveys.open') : t('surveys.closed')}
          </Badge>
        </Group>
        {open && can(role, 'complaints.manage') && (
          <Button variant="default" color="red" onClick={() => setClosing(true)}>
            {t('surveys.close')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('surveys.audience', { note: s.filterNote })} · {fmt.dateTime(s.createdAt)}
        {s.createdByName && ` · ${s.createdByName}`}
      </Text>
      <NpsCard figures={s.figures} responded={s.responded} invited={s.invited} responsePct={s.responsePct} />
      <SurveyMembers survey={s} writable={open && can(role, 'complaints.write')} />
      <Modal opened={closing} onClose={() => setClosing(false)} title={t('surveys.close')}>
        <Stack>
          <Text size="sm">{t('surveys.closeConfirm', { name: s.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={close.isPending}
              onClick={() => close.mutate({ surveyId: s.id }, { onError: (e) => notifyError(t, e) })}
            >
              {t('surveys.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SurveyMembers({ survey, writable }: { survey: SurveyInfo; writable: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filter, setFilter] = useState<AnsweredFilter>('all');
  const [page, setPage] = useState(1);
  const [entering, setEntering] = useState<SurveyMemberRow | null>(null);
  const q = useQuery({
    queryKey: ['surveys', 'members', survey.id, filter, page],
    queryFn: () => call('surveys.members', { surveyId: survey.id, responded: answeredFilters[filter], page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{t('surveys.members')}</Title>
        <SegmentedControl
          data-testid="survey-members-filter"
          value={filter}
          onChange={(v) => {
            setFilter(v as AnsweredFilter);
            setPage(1);
          }}
          data={(Object.keys(answeredFilters) as AnsweredFilter[]).map((f) => ({
            value: f,
            label: t(`surveys.respondedFilter.${f}`),
          }))}
        />
      </Group>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && rows.length === 0 ? (
        <Text c="dimmed">{t('surveys.memberNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped data-testid="survey-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('followups.member')}</Table.Th>
                <Table.Th>{t('followups.phone')}</Table.Th>
                <Table.Th ta="center">{t('surveys.score')}</Table.Th>
                <Table.Th>{t('surveys.reason')}</Table.Th>
                <Table.Th>{t('surveys.answeredAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.memberId} data-testid={`survey-member-${r.memberId}`}>
                  <Table.Td>
                    <MemberLink id={r.memberId} name={r.memberName} memberNo={r.memberNo} />
                  </Table.Td>
                  <Table.Td ff="monospace">{r.phone}</Table.Td>
                  <Table.Td ta="center">
                    {r.score !== null && (
                      <Badge color={scoreColor(r.score)} size="lg" circle>
                        {r.score}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                  <Table.Td>
                    {r.respondedAt && <Text size="sm">{fmt.dateTime(r.respondedAt)}</Text>}
                    {r.recordedByName && (
                      <Text size="xs" c="dimmed">
                        {r.recordedByName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {writable && (
                      <Button
                        size="compact-sm"
                        variant={r.score === null ? 'light' : 'subtle'}
                        onClick={() => setEntering(r)}
                      >
                        {r.score === null ? t('surveys.enter') : t('surveys.change')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > pageSize && <Pagination value={page} onChange={setPage} total={Math.ceil(total / pageSize)} />}
      {entering && <RespondModal surveyId={survey.id} row={entering} onClose={() => setEntering(null)} />}
    </Stack>
  );
}
