import { Card, Group, Progress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import { call } from '../../api/client';

/** Buying habits: computed by the main process from the member's purchases. */
export function HabitsCard({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['purchases', 'habits', memberId],
    queryFn: () => call('purchases.habits', { memberId }),
  });
  const h = q.data;
  if (!h) return null;
  const visits = h.visitsByMonth.reduce((n, m) => n + m.visits, 0);
  const most = Math.max(1, ...h.visitsByMonth.map((m) => m.visits));
  const stat = (label: string, value: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
  return (
    <Card withBorder data-testid="habits-card">
      <Title order={4} mb="sm">
        {t('points.habits.title')}
      </Title>
      {h.purchases === 0 && h.lastVisit === null ? (
        <Text size="sm" c="dimmed">
          {t('points.habits.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            {stat(t('points.habits.visits'), t('points.habits.visitsValue', { count: visits }))}
            {stat(t('points.habits.average'), h.averageTicketFen === null ? '—' : `¥${formatFen(h.averageTicketFen)}`)}
            {stat(t('points.habits.spend'), `¥${formatFen(h.spendFen)}`)}
            {stat(t('points.habits.band'), h.spendBand ?? '—')}
            {stat(
              t('points.habits.top'),
              h.topCategories.map((c) => c.category).join(t('members.listSeparator')) || '—',
            )}
            {stat(
              t('points.habits.lastVisit'),
              h.lastVisit === null
                ? '—'
                : t('points.habits.lastVisitValue', {
                    day: h.lastVisit,
                    ago:
                      h.daysSinceLastVisit === 0
                        ? t('points.habits.today')
                        : t('points.habits.daysSince', { count: h.daysSinceLastVisit ?? 0 }),
                  }),
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('points.habits.perMonth')}
          </Text>
          <Group gap={4} align="flex-end" wrap="nowrap">
            {h.visitsByMonth.map((m) => (
              <Tooltip key={m.month} label={`${m.month}: ${m.visits}`}>
                <Stack gap={2} align="center" style={{ flex: 1 }}>
                  <Progress value={(m.visits / most) * 100} w="100%" size="lg" />
                  <Text size="10px" c="dimmed">
                    {m.month.slice(5)}
                  </Text>
                </Stack>
              </Tooltip>
            ))}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
