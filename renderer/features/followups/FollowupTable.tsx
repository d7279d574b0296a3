import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FollowupInfo } from '../../../shared/followups.js';
import { useFormat } from '../../ui/format';

/** Who to call: the member (a link to their page) or a walk-in complainant's name. */
export function FollowupWho({ task }: { task: FollowupInfo }) {
  const { t } = useTranslation();
  if (task.memberId === null)
    return (
      <Group gap={6} wrap="nowrap">
        <Text span size="sm">
          {task.memberName}
        </Text>
        <Badge size="xs" color="gray" variant="light">
          {t('followups.walkIn')}
        </Badge>
      </Group>
    );
  return (
    <Anchor component={Link} href={`/members/${task.memberId}`} size="sm">
      {task.memberName || t('members.noName')}
    </Anchor>
  );
}

/** Why: the reason, the complaint it follows (a link), and whether it is a call back. */
export function FollowupReason({ task }: { task: FollowupInfo }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="sm">{t(`followups.reasons.${task.reason}`)}</Text>
      {task.complaintId !== null && (
        <Anchor component={Link} href={`/complaints/${task.complaintId}`} size="xs">
          {t('followups.complaint', { id: task.complaintId })}
        </Anchor>
      )}
      {task.previousId !== null && (
        <Text size="xs" c="dimmed">
          {t('followups.callBackOf')}
        </Text>
      )}
    </Stack>
  );
}

export function FollowupDue({ task }: { task: FollowupInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c={task.late ? 'red' : undefined}>
        {fmt.day(task.dueOn)}
      </Text>
      {task.late && (
        <Badge size="sm" color="red" data-testid="followup-late">
          {t('followups.late')}
        </Badge>
      )}
    </Group>
  );
}

/**
 * Follow-ups as a table: open ones with what to do and buttons to record or hand on; done ones
 * with their outcome. `withMember` is false on the member's own page.
 */
export function FollowupTable({
  rows,
  done,
  withMember = true,
  onRecord,
  onReassign,
  testId,
}: {
  rows: FollowupInfo[];
  done: boolean;
  withMember?: boolean;
  onRecord?: (task: FollowupInfo) => void;
  onReassign?: (task: FollowupInfo) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={done ? 960 : 820}>
      <Table striped verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {withMember && <Table.Th>{t('followups.member')}</Table.Th>}
            {withMember && <Table.Th>{t('followups.phone')}</Table.Th>}
            <Table.Th>{t('followups.reason')}</Table.Th>
            <Table.Th>{t('followups.dueOn')}</Table.Th>
            {done ? (
              <>
                <Table.Th>{t('followups.outcome')}</Table.Th>
                <Table.Th>{t('followups.outcomeNote')}</Table.Th>
                <Table.Th>{t('followups.nextStep')}</Table.Th>
                <Table.Th>{t('followups.doneBy')}</Table.Th>
              </>
            ) : (
              <>
                <Table.Th>{t('followups.assignee')}</Table.Th>
                <Table.Th>{t('followups.note')}</Table.Th>
                <Table.Th />
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((f) => (
            <Table.Tr key={f.id} data-testid={`followup-${f.id}`}>
              {withMember && (
                <Table.Td>
                  <FollowupWho task={f} />
                </Table.Td>
              )}
              {withMember && (
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {f.phone}
                </Table.Td>
              )}
              <Table.Td>
                <FollowupReason task={f} />
              </Table.Td>
              <Table.Td>
                <FollowupDue task={f} />
              </Table.Td>
              {done ? (
                <>
                  <Table.Td>{f.outcome && t(`followups.outcomes.${f.outcome}`)}</Table.Td>
                  <Table.Td>{f.outcomeNote}</Table.Td>
                  <Table.Td>{f.nextStep}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.doneByName}</Text>
                    {f.doneAt && (
                      <Text size="xs" c="dimmed">
                        {fmt.dateTime(f.doneAt)}
                      </Text>
                    )}
                  </Table.Td>
                </>
              ) : (
                <>
                  <Table.Td>
                    {f.assigneeName ?? (
                      <Text c="dimmed" size="sm">
                        {t('followups.unassigned')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{f.note}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {onRecord && (
                        <Button size="compact-sm" onClick={() => onRecord(f)}>
                          {t('followups.record')}
                        </Button>
                      )}
                      {onReassign && (
                        <Button size="compact-sm" variant="subtle" onClick={() => onReassign(f)}>
                          {t('followups.reassign')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
