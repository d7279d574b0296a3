import { ActionIcon, Badge, Group, Table, Text } from '@mantine/core';
import { IconFileExport, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/permissions.js';
import type { TillClose } from '../../../shared/wallet.js';
import { useFormat } from '../../ui/format';
import { useSession } from '../../stores/session';
import { ExportModal } from '../export/ExportModal';
import { money } from './tillSlip';

/**
 * The close whose slip the page holds (one at a time: every slip in the page prints). `print`
 * shows a close's slip and opens the print dialog once it is in the page.
 */
export function useTillSlip() {
  const [slip, setSlip] = useState<{ close: TillClose; print: number } | null>(null);
  useEffect(() => {
    if (slip?.print) window.print();
  }, [slip?.print]);
  return {
    slip: slip?.close ?? null,
    show: (close: TillClose | null) => setSlip(close && { close, print: 0 }),
    print: (close: TillClose) => setSlip((s) => ({ close, print: (s?.print ?? 0) + 1 })),
  };
}

/**
 * Recorded handovers and day closes, newest first, each with the totals it printed: each can be
 * printed again, and exported (as printed) by those who may read the day close.
 */
export function TillClosesTable({
  closes,
  onPrint,
  empty,
}: {
  closes: TillClose[];
  onPrint: (c: TillClose) => void;
  empty: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const role = useSession((s) => s.session?.staff.role);
  const exportable = !!role && can(role, 'wallet.report');
  const [exporting, setExporting] = useState<TillClose | null>(null);
  if (!closes.length)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder data-testid="till-closes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('till.closes.kind')}</Table.Th>
            <Table.Th>{t('till.staff')}</Table.Th>
            <Table.Th>{t('till.closes.range')}</Table.Th>
            <Table.Th ta="right">{t('till.figures.netFen')}</Table.Th>
            <Table.Th>{t('till.closes.by')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {closes.map((c) => (
            <Table.Tr key={c.id} data-close={c.id}>
              <Table.Td>
                <Badge variant="light" color={c.kind === 'day' ? 'grape' : 'blue'}>
                  {t(`till.closes.${c.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{c.staffName ?? '—'}</Table.Td>
              <Table.Td>
                {t('till.closes.rangeValue', { from: f.dateTime(c.totals.from), to: f.dateTime(c.totals.to) })}
              </Table.Td>
              <Table.Td ta="right">{money(t, c.totals.total.netFen)}</Table.Td>
              <Table.Td>{c.closedByName ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={t('till.printSlip')} onClick={() => onPrint(c)}>
                    <IconPrinter size={16} />
                  </ActionIcon>
                  {exportable && c.id !== null && (
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('till.closes.export')}
                      title={t('till.closes.export')}
                      onClick={() => setExporting(c)}
                      data-testid="till-close-export"
                    >
                      <IconFileExport size={16} />
                    </ActionIcon>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {exporting?.id && (
        <ExportModal
          target={{ list: 'tillClose', day: exporting.day, closeId: exporting.id, kind: exporting.kind }}
          onClose={() => setExporting(null)}
        />
      )}
    </Table.ScrollContainer>
  );
}
