import { Badge, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ComplaintSummary } from '../../../shared/complaints.js';
import { MemberLink } from '../../ui/MemberLink';
import { shopNow } from '../../stores/session';
import { categoryName, severityColors, statusColors } from './complaintText';
import { useDueAt } from './useDueAt';

/** A badge never cut short ("Nor…"): a squeezed table column grows instead. */
const whole = { root: { minWidth: 'max-content' }, label: { overflow: 'visible' } } as const;

export function SeverityBadge({ severity }: { severity: ComplaintSummary['severity'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={severityColors[severity]} variant="light" styles={whole}>
      {t(`complaints.severities.${severity}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: ComplaintSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="outline" styles={whole} data-testid="complaint-status">
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
      <Badge size="xs" color="gray" variant="light" styles={whole}>
        {t('complaints.walkIn')}
      </Badge>
    </>
  );
}

const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * Complaints as rows; a click opens the complaint. Overdue ones stand out in red. Narrow enough for
 * a 1280-pixel screen beside the menu: the category and the description share a column (the
 * description cut to a line, whole in a tooltip), and both due times share one, a line each.
 */
export function ComplaintsTable({ rows, showMember }: { rows: ComplaintSummary[]; showMember: boolean }) {
  const { t } = useTranslation();
  const { dueAt, at } = useDueAt();
  const [, navigate] = useLocation();
  const now = shopNow();
  const open = (c: ComplaintSummary) => c.status !== 'resolved' && c.status !== 'closed';
  const dueLine = (label: string, due: string, met: boolean, c: ComplaintSummary) => {
    const missed = !met && open(c) && Date.parse(due) < now;
    return (
      <Text
        size="sm"
        style={nowrap}
        c={met ? 'dimmed' : missed ? 'red' : undefined}
        fw={missed ? 700 : undefined}
        td={met ? 'line-through' : undefined}
      >
        {label} {dueAt(due, 'short')}
      </Text>
    );
  };
  return (
    <Table.ScrollContainer minWidth={showMember ? 860 : 720}>
      <Table highlightOnHover data-testid="complaints-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('complaints.columns.loggedAt')}</Table.Th>
            {showMember && <Table.Th>{t('complaints.columns.complainant')}</Table.Th>}
            <Table.Th>{t('complaints.columns.complaint')}</Table.Th>
            <Table.Th>{t('complaints.columns.severity')}</Table.Th>
            <Table.Th>{t('complaints.columns.status')}</Table.Th>
            <Table.Th>{t('complaints.columns.assignee')}</Table.Th>
            <Table.Th>{t('complaints.columns.due')}</Table.Th>
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
              <Table.Td style={nowrap} fw={500}>
                #{c.id}
              </Table.Td>
              <Table.Td style={nowrap}>{at(c.loggedAt, 'short')}</Table.Td>
              {showMember && (
                // The member link opens the member, not the complaint.
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Complainant c={c} />
                </Table.Td>
              )}
              <Table.Td maw={showMember ? 220 : 280}>
                <Text size="sm">{categoryName(c.category, t)}</Text>
                <Tooltip label={c.description} multiline maw={360} openDelay={300} style={{ whiteSpace: 'pre-wrap' }}>
                  <Text size="xs" c="dimmed" truncate="end">
                    {c.description}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <SeverityBadge severity={c.severity} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StatusBadge status={c.status} />
                  {c.overdue && (
                    <Badge color="red" variant="filled" styles={whole}>
                      {t('complaints.overdue')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td style={nowrap}>
                {c.assigneeName ?? (
                  <Text span c="dimmed" size="sm">
                    {t('complaints.unassigned')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {dueLine(t('complaints.columns.firstResponseDue'), c.firstResponseDue, c.firstResponseAt !== null, c)}
                {dueLine(t('complaints.columns.resolutionDue'), c.resolutionDue, c.resolvedAt !== null, c)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
