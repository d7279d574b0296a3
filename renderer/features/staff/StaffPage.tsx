import { ActionIcon, Badge, Button, Group, Menu, Stack, Table, Title } from '@mantine/core';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';
import { DeactivateStaffModal } from './DeactivateStaffModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffFormModal } from './StaffFormModal';

export function StaffPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['staff'], queryFn: () => call('staff.list', {}) });
  const [editing, setEditing] = useState<StaffInfo | 'new' | null>(null);
  const [resetting, setResetting] = useState<StaffInfo | null>(null);
  const [deactivating, setDeactivating] = useState<StaffInfo | null>(null);
  const setActive = useCommand('staff.setActive', { invalidates: ['staff'] });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('staff.title')}</Title>
        <Button leftSection={<IconUserPlus size={18} />} onClick={() => setEditing('new')}>
          {t('staff.add')}
        </Button>
      </Group>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.displayName')}</Table.Th>
            <Table.Th>{t('staff.username')}</Table.Th>
            <Table.Th>{t('staff.role')}</Table.Th>
            <Table.Th>{t('staff.status')}</Table.Th>
            <Table.Th>{t('staff.pin')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.displayName}</Table.Td>
              <Table.Td ff="monospace">{s.username}</Table.Td>
              <Table.Td>{t(`staff.roles.${s.role}`)}</Table.Td>
              <Table.Td>
                <Badge color={s.active ? 'teal' : 'gray'} variant="light">
                  {s.active ? t('staff.active') : t('staff.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>{s.hasPin ? t('staff.hasPin') : t('staff.noPin')}</Table.Td>
              <Table.Td>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <ActionIcon variant="subtle" aria-label={s.displayName}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => setEditing(s)}>{t('common.edit')}</Menu.Item>
                    <Menu.Item onClick={() => setResetting(s)}>{t('staff.resetPassword')}</Menu.Item>
                    <Menu.Item
                      color={s.active ? 'red' : undefined}
                      onClick={() =>
                        s.active
                          ? setDeactivating(s)
                          : setActive.mutate({ staffId: s.id, active: true }, { onError: (e) => notifyError(t, e) })
                      }
                    >
                      {s.active ? t('staff.deactivate') : t('staff.activate')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing !== null && <StaffFormModal staff={editing} onClose={() => setEditing(null)} />}
      <ResetPasswordModal staff={resetting} onClose={() => setResetting(null)} />
      <DeactivateStaffModal staff={deactivating} onClose={() => setDeactivating(null)} />
    </Stack>
  );
}
