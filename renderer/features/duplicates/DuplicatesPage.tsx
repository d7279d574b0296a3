import { Anchor, Badge, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { DuplicateCandidate, MemberSummary } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { ScanModal } from './ScanModal';

const pageSize = 20;

function Who({ m }: { m: MemberSummary }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Anchor component={Link} href={`/members/${m.id}`}>
        {m.name || t('members.noName')}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace">
        {m.memberNo} · {m.phone}
      </Text>
    </Stack>
  );
}

/** The data-cleaning review queue: pairs that may be one person, to merge or to tell apart. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['duplicates', 'list', page],
    queryFn: () => call('duplicates.list', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const [scanOpen, scan] = useDisclosure(false);
  const dismiss = useCommand('duplicates.dismiss', {
    invalidates: ['duplicates'],
    onSuccess: () => notifications.show({ color: 'teal', message: t('duplicates.dismissed') }),
  });
  const total = q.data?.total ?? 0;
  const row = (c: DuplicateCandidate) => (
    <Table.Tr key={c.id} data-testid="duplicate-row">
      <Table.Td>
        <Group gap={4}>
          {c.reasons.map((r) => (
            <Badge key={r} variant="light" color="orange">
              {t(`duplicates.reasons.${r}`)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Who m={c.a} />
      </Table.Td>
      <Table.Td>
        <Who m={c.b} />
      </Table.Td>
      <Table.Td>{fmt.dateTime(c.foundAt)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={() => navigate(`/duplicates/merge/${c.a.id}/${c.b.id}`)}>
            {t('duplicates.compare')}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={dismiss.isPending && dismiss.variables.id === c.id}
            onClick={() => dismiss.mutate({ id: c.id }, { onError: (e) => notifyError(t, e) })}
          >
            {t('duplicates.dismiss')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('duplicates.title')}</Title>
        <Button variant="default" leftSection={<IconSearch size={16} />} onClick={scan.open}>
          {t('duplicates.scan')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" maw={820}>
        {t('duplicates.intro')}
      </Text>
      <ScanModal opened={scanOpen} onClose={scan.close} />
      {q.data && total === 0 ? (
        <Text>{t('duplicates.empty')}</Text>
      ) : (
        <>
          <Text size="sm" data-testid="duplicates-total">
            {t('duplicates.total', { count: total })}
          </Text>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('duplicates.reason')}</Table.Th>
                <Table.Th>{t('duplicates.memberA')}</Table.Th>
                <Table.Th>{t('duplicates.memberB')}</Table.Th>
                <Table.Th>{t('duplicates.foundAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{q.data?.rows.map(row)}</Table.Tbody>
          </Table>
          {total > pageSize && <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
