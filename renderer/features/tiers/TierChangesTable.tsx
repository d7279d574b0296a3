import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierChange } from '../../../shared/tiers.js';
import { MemberLink } from '../../ui/MemberLink';

/** Tier changes as a table: one member's history (with the time) or the report (with the member). */
export function TierChangesTable({
  rows,
  when,
  whenLabel,
  withMember,
  testId,
}: {
  rows: TierChange[];
  when: (c: TierChange) => string;
  whenLabel: string;
  withMember: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table striped data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{whenLabel}</Table.Th>
          {withMember && <Table.Th>{t('tiers.report.member')}</Table.Th>}
          <Table.Th>{t('tiers.report.kind')}</Table.Th>
          <Table.Th>{t('tiers.report.change')}</Table.Th>
          <Table.Th ta="right">{t('tiers.report.growth')}</Table.Th>
          <Table.Th>{t('tiers.report.reason')}</Table.Th>
          <Table.Th>{t('tiers.report.staff')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{when(c)}</Table.Td>
            {withMember && (
              <Table.Td>
                <MemberLink id={c.memberId} name={c.memberName} memberNo={c.memberNo} />
              </Table.Td>
            )}
            <Table.Td>{t(`tiers.kinds.${c.kind}`, { defaultValue: c.kind })}</Table.Td>
            <Table.Td>{c.fromTier ? `${c.fromTier} → ${c.toTier}` : c.toTier}</Table.Td>
            <Table.Td ta="right">{c.growth}</Table.Td>
            <Table.Td>{c.reason}</Table.Td>
            <Table.Td>{c.staffName ?? t('tiers.report.system')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
