import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPresentation } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leaderboardSizes, leaderboardUnits, type Leaderboard, type LeaderboardUnit } from '../../../shared/draws.js';
import { periodOf } from '../../../shared/rules/periods.js';
import { call } from '../../api/client';
import { periodLabel, periodOptions } from './periodOptions';

/**
 * The points leaderboard: top members by points earned in a month, quarter or year. Names and
 * phones come masked from the main process, so the display mode can face customers.
 */
export function LeaderboardPage() {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<LeaderboardUnit>('month');
  const [period, setPeriod] = useState<string | null>(null);
  const [limit, setLimit] = useState<number>(20);
  const [display, displayModal] = useDisclosure(false);
  const q = useQuery({
    queryKey: ['leaderboard', period, limit],
    queryFn: () => call('leaderboard.get', { ...(period ? { period } : {}), limit }),
    placeholderData: keepPreviousData,
  });
  const board = q.data;
  const options = board ? periodOptions(t, unit, board.today) : [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('leaderboard.title')}</Title>
        <Button variant="light" leftSection={<IconPresentation size={16} />} onClick={displayModal.open}>
          {t('leaderboard.display')}
        </Button>
      </Group>
      <Text c="dimmed">{t('leaderboard.intro')}</Text>
      <Group align="flex-end">
        <SegmentedControl
          value={unit}
          onChange={(u) => {
            const next = u as LeaderboardUnit;
            setUnit(next);
            if (board) setPeriod(periodOf(board.today, next));
          }}
          data={leaderboardUnits.map((u) => ({ value: u, label: t(`leaderboard.unit.${u}`) }))}
        />
        <Select
          label={t('leaderboard.period')}
          data={options}
          value={board?.period ?? null}
          onChange={(p) => p && setPeriod(p)}
          allowDeselect={false}
          w={240}
        />
        <Select
          label={t('leaderboard.size')}
          data={leaderboardSizes.map((n) => ({ value: String(n), label: t('leaderboard.sizeValue', { count: n }) }))}
          value={String(limit)}
          onChange={(n) => n && setLimit(Number(n))}
          allowDeselect={false}
          w={120}
        />
      </Group>
      {board && <BoardTable board={board} size="md" testId="leaderboard-table" />}
      <Modal opened={display} onClose={displayModal.close} fullScreen withCloseButton={false} padding="xl">
        {board && (
          <Stack align="center" gap="lg">
            <Title order={1} c="teal">
              {t('leaderboard.displayTitle', { period: periodLabel(t, board.period) })}
            </Title>
            <BoardTable board={board} size="xl" testId="leaderboard-display" />
            <Button variant="subtle" onClick={displayModal.close}>
              {t('leaderboard.exitDisplay')}
            </Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function BoardTable({ board, size, testId }: { board: Leaderboard; size: 'md' | 'xl'; testId: string }) {
  const { t } = useTranslation();
  if (board.rows.length === 0) return <Alert color="gray">{t('leaderboard.none')}</Alert>;
  const medal = (rank: number) => (rank <= 3 ? ['gold', 'gray.6', 'orange.7'][rank - 1] : undefined);
  return (
    <Table striped fz={size} maw={size === 'xl' ? 900 : undefined} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('leaderboard.rank')}</Table.Th>
          <Table.Th>{t('leaderboard.member')}</Table.Th>
          <Table.Th>{t('leaderboard.phone')}</Table.Th>
          <Table.Th ta="right">{t('leaderboard.points')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {board.rows.map((r) => (
          <Table.Tr key={r.memberId}>
            <Table.Td fw={700} c={medal(r.rank)}>
              {r.rank}
            </Table.Td>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td ff="monospace">{r.phone}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {r.points}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
