import { DonutChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NpsFigures } from '../../../shared/complaints.js';

/** A share in whole percent, or a dash when there was nothing to share. */
export const pct = (n: number | null) => (n === null ? '–' : `${n}%`);

const groups = [
  { key: 'promoters', color: 'teal.6' },
  { key: 'passives', color: 'yellow.5' },
  { key: 'detractors', color: 'red.6' },
] as const;

/** Which group a 0–10 answer falls in, and its colour. */
export function scoreColor(score: number): string {
  return score >= 9 ? 'teal' : score >= 7 ? 'yellow' : 'red';
}

/** NPS as the owner reads it: the number, the three groups as a ring, and how many answered. */
export function NpsCard({
  figures,
  responded,
  invited,
  responsePct,
}: {
  figures: NpsFigures;
  responded: number;
  invited: number;
  responsePct: number | null;
}) {
  const { t } = useTranslation();
  const data = groups
    .map((g) => ({ name: t(`surveys.figures.${g.key}`), value: figures[g.key], color: g.color }))
    .filter((d) => d.value > 0);
  return (
    <Card withBorder data-testid="nps-card">
      <Title order={4} mb="sm">
        {t('surveys.figures.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <Stack gap="xs">
          <Group gap="xl">
            <div>
              <Text size="sm" c="dimmed">
                {t('surveys.nps')}
              </Text>
              <Text fz={36} fw={700} data-testid="nps-value">
                {figures.nps ?? '–'}
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('surveys.responseRate')}
              </Text>
              <Text fz={36} fw={700} data-testid="nps-response-rate">
                {pct(responsePct)}
              </Text>
            </div>
          </Group>
          <Text size="sm" c="dimmed">
            {t('surveys.figures.responses', { responded, invited })}
          </Text>
          {groups.map((g) => (
            <Group key={g.key} gap="xs" data-testid={`nps-${g.key}`}>
              <Text size="sm" c={g.color} fw={700}>
                ●
              </Text>
              <Text size="sm">{t(`surveys.figures.${g.key}`)}</Text>
              <Text size="sm" fw={600}>
                {figures[g.key]}
              </Text>
            </Group>
          ))}
        </Stack>
        {data.length > 0 ? (
          <DonutChart
            data={data}
            strokeWidth={data.length > 1 ? 1 : 0}
            size={180}
            thickness={30}
            withLabels
            tooltipDataSource="segment"
            chartLabel={figures.nps === null ? undefined : `NPS ${figures.nps}`}
            mx="auto"
            data-testid="nps-donut"
          />
        ) : (
          <Text c="dimmed" ta="center" my="xl">
            {t('surveys.figures.noAnswers')}
          </Text>
        )}
      </SimpleGrid>
    </Card>
  );
}
