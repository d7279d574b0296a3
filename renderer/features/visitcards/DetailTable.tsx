import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label and value pairs, one per line, as the sell, use and refund modals show a card's terms. */
export function DetailTable({ rows, testId }: { rows: [string, ReactNode, string?][]; testId?: string }) {
  return (
    <Table variant="vertical" withRowBorders={false} verticalSpacing={4} data-testid={testId}>
      <Table.Tbody>
        {rows.map(([label, value, id]) => (
          <Table.Tr key={label}>
            <Table.Th w={150}>{label}</Table.Th>
            <Table.Td data-testid={id}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
