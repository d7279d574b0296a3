import { Alert, Anchor, Badge, Card, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconStarFilled } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { openStatuses, type ComplaintDetail } from '../../../shared/complaints.js';
import { errorMessage } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintSteps } from './ComplaintSteps';
import { Complainant, SeverityBadge, StatusBadge } from './ComplaintsTable';
import { categoryName, detailCompensationText, dueState, dueText } from './complaintText';
import { useComplaint } from './queries';
import { useDueAt } from './useDueAt';
import { shopNow } from '../../stores/session';

/** One complaint: who, what, the targets, how it was resolved and rated, its history and what can be done next. */
export function ComplaintPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useComplaint(id);
  if (q.isPending) return <Loader />;
  if (q.isError) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  return <ComplaintView c={q.data} />;
}

/** The time now, moved on every half minute so the time left counts down on an open page. */
function useNow(): number {
  const [now, setNow] = useState(() => shopNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(shopNow()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function ComplaintView({ c }: { c: ComplaintDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { dueAt } = useDueAt();
  const now = useNow();
  const open = openStatuses.includes(c.status);
  const row = (label: string, value: ReactNode) => (
    <Table.Tr>
      <Table.Th w={140} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  const due = (label: string, at: string, doneAt: string | null, testId: string) => {
    const s = dueState(at, doneAt, open, now);
    const color = s.state === 'over' || s.state === 'late' ? 'red' : s.state === 'met' ? 'teal' : undefined;
    return row(
      label,
      <Group gap="xs" data-testid={testId} data-state={s.state}>
        <Text span size="sm">
          {t('complaints.detail.dueAt', { at: dueAt(at) })}
        </Text>
        {doneAt && (
          <Text span size="sm" c="dimmed">
            {t('complaints.detail.doneAt', { at: fmt.dateTime(doneAt) })}
          </Text>
        )}
        {s.state !== 'none' && (
          <Text span size="sm" c={color} fw={s.state === 'over' ? 700 : undefined}>
            {dueText(t, s)}
          </Text>
        )}
      </Group>,
    );
  };
  const comp = c.compensation;

  return (
    <Stack>
      <Anchor component={Link} href="/complaints" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('complaints.detail.back')}
        </Group>
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={2}>{t('complaints.number', { id: c.id })}</Title>
        <StatusBadge status={c.status} />
        <SeverityBadge severity={c.severity} />
        {c.priority > 0 && (
          <Badge color="violet" variant="light">
            {t(`tiers.settings.priorities.${c.priority}`)}
          </Badge>
        )}
        {c.overdue && (
          <Badge color="red" variant="filled" data-testid="complaint-overdue">
            {t('complaints.overdue')}
          </Badge>
        )}
      </Group>
      <ComplaintActions c={c} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder h="100%">
            <Table variant="vertical" withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                {row(t('complaints.detail.contact'), <Complainant c={c} />)}
                {row(t('complaints.detail.channel'), t(`complaints.channels.${c.channel}`))}
                {row(t('complaints.detail.category'), categoryName(c.category, t))}
                {row(t('complaints.detail.priority'), t(`tiers.settings.priorities.${c.priority}`))}
                {row(t('complaints.detail.assignee'), c.assigneeName ?? t('complaints.unassigned'))}
                {c.purchaseId !== null &&
                  row(
                    t('complaints.detail.purchase'),
                    c.purchaseReceipt
                      ? t('complaints.form.receipt', { receipt: c.purchaseReceipt })
                      : `#${c.purchaseId}`,
                  )}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt="sm">
              {t('complaints.detail.loggedBy', {
                name: c.loggedByName ?? t('complaints.detail.system'),
                at: fmt.dateTime(c.loggedAt),
              })}
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder h="100%" bg={c.overdue ? 'var(--mantine-color-red-light)' : undefined}>
            <Table variant="vertical" withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                {due(t('complaints.detail.firstResponse'), c.firstResponseDue, c.firstResponseAt, 'due-first')}
                {due(t('complaints.detail.resolutionDue'), c.resolutionDue, c.resolvedAt, 'due-resolution')}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
      </Grid>
      <Card withBorder>
        <Title order={5} mb={4}>
          {t('complaints.detail.description')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>
      </Card>
      {(c.resolution || comp) && (
        <Card withBorder data-testid="complaint-resolution">
          <Title order={5} mb={4}>
            {t('complaints.detail.resolution')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{c.resolution}</Text>
          {comp && (
            <Text mt="xs" size="sm" fw={500} data-testid="complaint-compensation">
              {detailCompensationText(t, comp)}
              {comp.kind === 'coupon' && comp.code && ` · ${t('complaints.detail.coupon', { code: comp.code })}`}
              {comp.kind === 'refund' && ` · ${t('complaints.detail.refundRef', { reference: comp.reference })}`}
            </Text>
          )}
        </Card>
      )}
      {(c.status === 'closed' || c.csat) && (
        <Card withBorder data-testid="complaint-csat">
          <Title order={5} mb={4}>
            {t('complaints.detail.csat')}
          </Title>
          {c.csat ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Group gap={2} c="yellow">
                  {Array.from({ length: c.csat.score }, (_, i) => (
                    <IconStarFilled key={i} size={18} />
                  ))}
                </Group>
                <Text fw={700} data-testid="csat-score">
                  {c.csat.score}
                </Text>
                <Text c="dimmed" size="sm">
                  {t(`complaints.csat.scores.${c.csat.score}`)} · {t(`complaints.detail.csatBy.${c.csat.by}`)} ·{' '}
                  {fmt.dateTime(c.csat.at)}
                </Text>
              </Group>
              {c.csat.comment && <Text style={{ whiteSpace: 'pre-wrap' }}>{c.csat.comment}</Text>}
            </Stack>
          ) : (
            <Text c="dimmed">{t('complaints.detail.noCsat')}</Text>
          )}
        </Card>
      )}
      <ComplaintSteps steps={c.steps} />
    </Stack>
  );
}
