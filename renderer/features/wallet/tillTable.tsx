import { Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TillLine, TillSums } from '../../../shared/wallet.js';
import { money } from './tillSlip';

export { money };

/** The money columns, each with the count shown under it where it has one. */
const columns = [
  ['topupFen', 'topupCount'],
  ['bonusFen', null],
  ['cardSalesFen', 'cardSalesCount'],
  ['refundsFen', 'refundsCount'],
  ['storedValueSpentFen', null],
  ['netFen', null],
] as const satisfies readonly (readonly [keyof TillSums, keyof TillSums | null])[];

function Cells({ sums, bold }: { sums: TillSums; bold?: boolean }) {
  const { t } = useTranslation();
  return columns.map(([fen, count]) => (
    <Table.Td key={fen} ta="right" fw={bold || fen === 'netFen' ? 600 : undefined} data-figure={fen}>
      {money(t, sums[fen])}
      {count && sums[count] > 0 && (
        <Text component="span" size="xs" c="dimmed" ml={4} title={t(`till.figures.${count}`)}>
          {t('till.times', { count: sums[count] })}
        </Text>
      )}
    </Table.Td>
  ));
}

/**
 * A till's lines: per clerk and payment method (`showStaff`), or per method; with a total row
 * when given. The same columns, in the same words, as the exported day close.
 */
export function TillLinesTable({
  lines,
  showStaff,
  total,
  testId,
}: {
  lines: TillLine[];
  showStaff: boolean;
  total?: TillSums;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={showStaff ? 900 : 780}>
      <Table striped withTableBorder data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {showStaff && <Table.Th>{t('till.staff')}</Table.Th>}
            <Table.Th>{t('till.method')}</Table.Th>
            {columns.map(([fen]) => (
              <Table.Th key={fen} ta="right">
                <Tooltip label={t(`till.figureHints.${fen}`)} multiline w={260}>
                  <span>{t(`till.figures.${fen}`)}</span>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={`${l.staffId ?? ''}-${l.method}`} data-method={l.method} data-staff={l.staffName ?? ''}>
              {showStaff && <Table.Td>{l.staffName ?? '—'}</Table.Td>}
              <Table.Td>{t(`points.paymentMethods.${l.method}`)}</Table.Td>
              <Cells sums={l} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        {total && (
          <Table.Tfoot>
            <Table.Tr data-method="total">
              <Table.Th colSpan={showStaff ? 2 : 1}>{t('till.total')}</Table.Th>
              <Cells sums={total} bold />
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
