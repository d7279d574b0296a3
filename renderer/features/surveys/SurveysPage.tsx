import { Alert, Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { pct } from './NpsCard';

/** The NPS surveys, newest first: who was asked, how many answered, and the score so far. */
export function SurveysPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ['surveys', 'list'],
    queryFn: () => call('surveys.list', {}),
    refetchOnMount: 'always',
  });
  const rows = q.data ?? [];
  return (
    <Stack>
      <Title order={2}>{t('surveys.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('surveys.intro')}
      </Text>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && rows.length === 0 ? (
        <Alert color="gray">{t('surveys.empty')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover data-testid="surveys-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.name')}</Table.Th>
                <Table.Th>{t('surveys.createdAt')}</Table.Th>
                <Table.Th ta="right">{t('surveys.asked')}</Table.Th>
                <Table.Th ta="right">{t('surveys.answered')}</Table.Th>
                <Table.Th ta="right">{t('surveys.responseRate')}</Table.Th>
                <Table.Th ta="right">{t('surveys.nps')}</Table.Th>
                <Table.Th>{t('surveys.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id} data-testid={`survey-${s.id}`}>
                  <Table.Td>
                    <Anchor component={Link} href={`/surveys/${s.id}`}>
                      {s.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {s.filterNote}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{fmt.date(s.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {s.createdByName}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{s.invited}</Table.Td>
                  <Table.Td ta="right">{s.responded}</Table.Td>
                  <Table.Td ta="right">{pct(s.responsePct)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {s.figures.nps ?? '–'}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.closedAt ? 'gray' : 'teal'} variant="light">
                      {s.closedAt ? t('surveys.closed') : t('surveys.open')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
