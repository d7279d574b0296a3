import { Button, Group, Modal, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call } from '../../api/client';
import { RegisterMemberForm } from './RegisterMemberForm';

const pageSize = 50;

/** Newest members first, a page at a time: a shop with a million members pages, never loads all. */
export function MembersPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [page, setPage] = useState(1);
  const [registerOpen, register] = useDisclosure(false);
  const list = useQuery({
    queryKey: ['members', 'list', page],
    queryFn: () => call('members.list', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('members.title')}</Title>
        <Button leftSection={<IconUserPlus size={18} />} onClick={register.open}>
          {t('members.register')}
        </Button>
      </Group>
      {list.data && list.data.rows.length === 0 ? (
        <Text c="dimmed">{t('members.empty')}</Text>
      ) : (
        <Table highlightOnHover striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.fields.memberNo')}</Table.Th>
              <Table.Th>{t('members.fields.name')}</Table.Th>
              <Table.Th>{t('members.fields.phone')}</Table.Th>
              <Table.Th>{t('members.fields.gender')}</Table.Th>
              <Table.Th>{t('members.fields.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.rows.map((m) => (
              <Table.Tr key={m.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/members/${m.id}`)}>
                <Table.Td ff="monospace">{m.memberNo}</Table.Td>
                <Table.Td>{m.name || t('members.noName')}</Table.Td>
                <Table.Td ff="monospace">{m.phone}</Table.Td>
                <Table.Td>{t(`members.genders.${m.gender}`)}</Table.Td>
                <Table.Td>{new Date(m.createdAt).toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > pageSize && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.pageTotal', { total })}
          </Text>
          <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />
        </Group>
      )}
      <Modal opened={registerOpen} onClose={register.close} title={t('members.registerTitle')} size="lg">
        <RegisterMemberForm onDone={register.close} />
      </Modal>
    </Stack>
  );
}
