import { Badge, Button, Group, Image, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/permissions.js';
import type { RewardInfo } from '../../../shared/rewards.js';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { RedemptionsTable } from './RedemptionsTable';
import { RewardFormModal } from './RewardFormModal';
import { rewardPrice, rewardTerms } from './rewardText';
import { UseCodePanel } from './UseCodePanel';

/** Rewards: the catalog, every redemption, and marking a code used at the counter. */
export function RewardsPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.session)!.staff.role;
  const manage = can(role, 'points.rules');
  const q = useQuery({
    queryKey: ['rewards', 'list', manage],
    queryFn: () => call('rewards.list', { includeInactive: manage }),
  });
  const tiers = useQuery({ queryKey: ['tiers', 'config'], queryFn: () => call('tiers.config', {}) });
  const tierColor = (id: number | null) => tiers.data?.tiers.find((x) => x.id === id)?.color ?? 'gray';
  const [editing, setEditing] = useState<RewardInfo | 'new' | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('rewards.title')}</Title>
      <Tabs defaultValue="catalog" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="catalog">{t('rewards.tabs.catalog')}</Tabs.Tab>
          <Tabs.Tab value="use">{t('rewards.tabs.use')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('rewards.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="catalog" pt="md">
          <Stack>
            <Group justify="space-between">
              <Text c="dimmed">{t('rewards.intro')}</Text>
              {manage && (
                <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                  {t('rewards.form.add')}
                </Button>
              )}
            </Group>
            {(q.data ?? []).length === 0 ? (
              <Text c="dimmed">{t('rewards.none')}</Text>
            ) : (
              <Table striped data-testid="rewards-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={56} />
                    <Table.Th>{t('rewards.form.name')}</Table.Th>
                    <Table.Th>{t('rewards.form.kind')}</Table.Th>
                    <Table.Th ta="right">{t('rewards.form.pointsCost')}</Table.Th>
                    <Table.Th ta="right">{t('rewards.stock')}</Table.Th>
                    <Table.Th ta="right">{t('rewards.redeemed')}</Table.Th>
                    <Table.Th>{t('rewards.window')}</Table.Th>
                    {manage && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(q.data ?? []).map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.image && <Image src={r.image} alt="" h={40} w={40} fit="contain" />}</Table.Td>
                      <Table.Td>
                        {r.name} {!r.active && <Badge color="gray">{t('rewards.inactive')}</Badge>}{' '}
                        {r.minTierName && (
                          <Badge variant="dot" color={tierColor(r.minTierId)} data-testid="reward-tier">
                            {t('rewards.tierAndAbove', { tier: r.minTierName })}
                          </Badge>
                        )}
                        <Text size="xs" c="dimmed">
                          {[rewardPrice(t, r), rewardTerms(t, r)].filter(Boolean).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`rewards.kinds.${r.kind}`)}</Table.Td>
                      <Table.Td ta="right">{r.pointsCost}</Table.Td>
                      <Table.Td ta="right">{r.stock ?? t('rewards.unlimited')}</Table.Td>
                      <Table.Td ta="right">{r.redeemed}</Table.Td>
                      <Table.Td>
                        {r.availableFrom || r.availableTo
                          ? `${r.availableFrom ?? '…'} – ${r.availableTo ?? '…'}`
                          : t('rewards.always')}
                      </Table.Td>
                      {manage && (
                        <Table.Td>
                          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)}>
                            {t('common.edit')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="use" pt="md">
          <UseCodePanel />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <RedemptionsTable showMember />
        </Tabs.Panel>
      </Tabs>
      {editing !== null && (
        <RewardFormModal reward={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
