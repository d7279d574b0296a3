import { Code, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useFormat } from '../../ui/format';
import { ExportButton } from '../export/ExportModal';

const pageSize = 50;

/** Who did what, newest first. Read-only: the table refuses edits at the database level. */
export function AuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ['audit', page],
    queryFn: () => call('audit.list', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const total = q.data?.total ?? 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <ExportButton target={{ list: 'audit' }} />
      </Group>
      <Table striped layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>{t('audit.at')}</Table.Th>
            <Table.Th w={120}>{t('audit.staff')}</Table.Th>
            <Table.Th w={180}>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{fmt.dateTime(r.at)}</Table.Td>
              <Table.Td>{r.staff ?? '—'}</Table.Td>
              <Table.Td>{t(`audit.actions.${r.action.replace('.', '_')}`, { defaultValue: r.action })}</Table.Td>
              <Table.Td>
                {/* Ids and field names only; long ones wrap instead of widening the table. */}
                <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {r.details}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > pageSize && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.pageTotal', { total })}
          </Text>
          <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />
        </Group>
      )}
    </Stack>
  );
}
