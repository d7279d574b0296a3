import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DrawOddsLine } from '../../../shared/draws.js';
import { bpToPercent } from '../../../shared/rules/draws.js';

/** The prizes and their chances right now, as the member is shown them before drawing. */
export function OddsTable({ odds, size = 'sm' }: { odds: DrawOddsLine[]; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  const moved = odds.some((o) => o.outOfStock);
  return (
    <>
      <Table striped data-testid="draw-odds" fz={size === 'lg' ? 'lg' : 'sm'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('draws.odds.prize')}</Table.Th>
            <Table.Th ta="right">{t('draws.odds.chance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {odds.map((o) => (
            <Table.Tr key={o.prizeId ?? 'thanks'}>
              <Table.Td>
                {o.name || t('draws.odds.thanksLine')}{' '}
                {o.outOfStock && (
                  <Badge color="gray" size="sm">
                    {t('draws.odds.outOfStock')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{bpToPercent(o.bp)}%</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {moved && (
        <Text size="xs" c="dimmed">
          {t('draws.odds.movedHint')}
        </Text>
      )}
    </>
  );
}
