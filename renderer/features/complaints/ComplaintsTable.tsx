import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ComplaintSummary } from '../../../shared/complaints.js';
import { useFormat } from '../../ui/format';
import { MemberLink } from '../../ui/MemberLink';
import { categoryName, severityColors, statusColors } from './complaintText';

export function SeverityBadge({ severity }: { severity: ComplaintSummary['severity'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={severityColors[severity]} variant="light">
      {t(`complaints.severities.${severity}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: ComplaintSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="outline" data-testid="complaint-status">
      {t(`complaints.statuses.${status}`)}
    </Badge>
  );
}

/** The member (a link to their page) or the walk-in complainant's name, with the phone dimmed. */
export function Complainant({ c }: { c: Pick<ComplaintSummary, 'memberId' | 'memberName' | 'phone'> }) {
  const { t } = useTranslation();
  if (c.memberId !== null) return <MemberLink id={c.memberId} name={c.memberName} memberNo={c.phone} />;
  return (
    <>
      {c.memberName || t('complaints.noName')}{' '}
      <Text span size="sm" c="dimmed">
        {c.phone}
      </Text>{' '}
      <Badge size="xs" color="gray" variant="light">
        {t('complaints.walkIn')}
      </Badge>
    </>
  );
}

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Complaints as rows; a click opens the complaint. Overdue ones stand out in red. */
export function ComplaintsTable({ rows, showMember }: { rows: ComplaintSummary[]; showMember: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [, navigate] = useLocation();
  return (
    <Table.ScrollContainer minWidth={showMember ? 1100 : 900}>
      <Table highlightOnHover data-testid="complaints-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('complaints.columns.loggedAt')}</Table.Th>
            {showMember && <Table.Th>{t('complaints.columns.complainant')}</Table.Th>}
            <Table.Th>{t('complaints.columns.category')}</Table.Th>
            <Table.Th>{t('complaints.columns.severity')}</Table.Th>
            <Table.Th>{t('complaints.columns.status')}</Table.Th>
            <Table.Th>{t('complaints.columns.assignee')}</Table.Th>
            <Table.Th>{t('complaints.columns.firstResponseDue')}</Table.Th>
            <Table.Th>{t('complaints.columns.resolutionDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr
              key={c.id}
              data-testid={`complaint-row-${c.id}`}
              data-overdue={c.overdue || undefined}
              bg={c.overdue ? 'var(--mantine-color-red-light)' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(`/complaints/${c.id}`)}
            >
              <Table.Td style={nowrap}>{fmt.dateTime(c.loggedAt)}</Table.Td>
              {showMember && (
                // The member link opens the member, not the complaint.
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Complainant c={c} />
                </Table.Td>
              )}
              <Table.Td>{categoryName(c.category, t)}</Table.Td>
              <Table.Td>
                <SeverityBadge severity={c.severity} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <StatusBadge status={c.status} />
                  {c.overdue && (
                    <Badge color="red" variant="filled">
                      {t('complaints.overdue')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {c.assigneeName ?? (
                  <Text span c="dimmed" size="sm">
                    {t('complaints.unassigned')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={nowrap}>
                {dueCell(fmt.dateTime(c.firstResponseDue), c.firstResponseAt !== null)}
              </Table.Td>
              <Table.Td style={nowrap}>{dueCell(fmt.dateTime(c.resolutionDue), c.resolvedAt !== null)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A target already met is of no more interest: dimmed. */
function dueCell(text: string, met: boolean) {
  return (
    <Text span size="sm" c={met ? 'dimmed' : undefined} td={met ? 'line-through' : undefined}>
      {text}
    </Text>
  );
}
