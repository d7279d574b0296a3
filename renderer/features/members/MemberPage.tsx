import { Alert, Badge, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconGitMerge, IconTrashX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Member } from '../../../shared/domain.js';
import { can } from '../../../shared/permissions.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { errorMessage, notifyError } from '../../ui/errors';
import { EditMemberModal } from './EditMemberModal';
import { EraseMemberModal } from './EraseMemberModal';
import { MemberCardsCard } from './MemberCardsCard';
import { MemberConsentsCard } from './MemberConsentsCard';
import { MemberProfileCard } from './MemberProfileCard';
import { MemberTagsCard } from './MemberTagsCard';
import { MemberTimelineCard } from './MemberTimelineCard';
import { MergeWithModal } from './MergeWithModal';
import { HabitsCard } from '../points/HabitsCard';
import { MemberPointsCard } from '../points/MemberPointsCard';
import { PurchasesCard } from '../points/PurchasesCard';
import { MemberRewardsCard } from '../rewards/MemberRewardsCard';
import { MemberComplaintsCard } from '../complaints/MemberComplaintsCard';
import { MemberFollowupsCard } from '../followups/MemberFollowupsCard';
import { MemberCardButton } from '../tiers/MemberCardButton';
import { MemberTierCard } from '../tiers/MemberTierCard';
import { MemberVisitcardsCard } from '../visitcards/MemberVisitcardsCard';
import { MemberWalletCard } from '../wallet/MemberWalletCard';
import { useMemberTier } from '../tiers/useMemberTier';

/** The member page: who they are, what they agreed to, their cards and tags, and what happened. */
export function MemberPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['members', 'get', id], queryFn: () => call('members.get', { id }) });
  if (q.isPending) return <Loader />;
  if (q.isError) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  // Keyed by id: going from one member to another (a referrer link) starts the page afresh.
  return <MemberView key={id} member={q.data} />;
}

function MemberView({ member: m }: { member: Member }) {
  const { t } = useTranslation();
  const reconfirmMonths = useSession((s) => s.session)!.settings.reconfirmMonths;
  const [editOpen, edit] = useDisclosure(false);
  const [mergeWithOpen, mergeWith] = useDisclosure(false);
  const [eraseOpen, erase] = useDisclosure(false);
  // A merged tombstone or an erased record is history: the main process refuses writes to it.
  const writable = m.mergedInto === null && m.erasedAt === null;
  const role = useSession((s) => s.session)!.staff.role;
  const tier = useMemberTier(m.id).data?.tier;
  const archive = useCommand('members.setArchived', { invalidates: ['members'] });
  const confirm = useCommand('members.confirmDetails', {
    invalidates: ['members'],
    onSuccess: () => notifications.show({ color: 'teal', message: t('members.confirmed') }),
  });

  return (
    <Stack>
      {m.mergedInto !== null && <MergedNotice survivorId={m.mergedInto} />}
      {m.erasedAt !== null && (
        <Alert color="gray" icon={<IconAlertTriangle size={18} />}>
          {t('members.erasedNotice')}
        </Alert>
      )}
      <Group gap="sm" align="center">
        <Title order={2} data-testid="member-name">
          {m.erasedAt !== null ? t('members.erasedName') : m.name || t('members.noName')}
        </Title>
        <Badge variant="light" size="lg" ff="monospace" data-testid="member-no">
          {m.memberNo}
        </Badge>
        {m.archivedAt !== null && (
          <Badge color="gray" size="lg">
            {t('members.archived')}
          </Badge>
        )}
        {m.tags.map((tag) => (
          <Badge key={tag.id} color={tag.color} variant="filled" size="lg">
            {tag.name}
          </Badge>
        ))}
        {writable && (
          <Group ml="auto" gap="xs">
            <MemberCardButton member={m} tier={tier ? { name: tier.name, color: tier.color } : null} />
            {can(role, 'members.merge') && (
              <Button size="xs" variant="default" leftSection={<IconGitMerge size={14} />} onClick={mergeWith.open}>
                {t('duplicates.mergeWith')}
              </Button>
            )}
            {can(role, 'members.archive') && (
              <Button
                size="xs"
                variant="default"
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate({ id: m.id, archived: m.archivedAt === null }, { onError: (e) => notifyError(t, e) })
                }
              >
                {m.archivedAt === null ? t('members.archive') : t('members.restore')}
              </Button>
            )}
            {can(role, 'members.erase') && (
              <Button size="xs" variant="light" color="red" leftSection={<IconTrashX size={14} />} onClick={erase.open}>
                {t('members.erase')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {m.archivedAt !== null && <Alert color="gray">{t('members.archivedNotice')}</Alert>}
      {writable && m.needsReconfirm && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="reconfirm-banner">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {m.source === 'import' && !m.verifiedAt
                ? t('members.reconfirmImported')
                : t('members.reconfirm', { months: reconfirmMonths })}
            </Text>
            <Button
              size="xs"
              color="yellow"
              loading={confirm.isPending}
              onClick={() => confirm.mutate({ id: m.id }, { onError: (e) => notifyError(t, e) })}
            >
              {t('members.confirmDetails')}
            </Button>
          </Group>
        </Alert>
      )}
      <MemberProfileCard member={m} onEdit={writable ? edit.open : undefined} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <MemberPointsCard memberId={m.id} memberNo={m.memberNo} writable={writable && m.archivedAt === null} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <HabitsCard memberId={m.id} />
        </Grid.Col>
      </Grid>
      <MemberWalletCard member={m} writable={writable && m.archivedAt === null} />
      <MemberVisitcardsCard member={m} writable={writable && m.archivedAt === null} />
      <MemberTierCard memberId={m.id} writable={writable && m.archivedAt === null} />
      <PurchasesCard memberId={m.id} />
      <MemberRewardsCard memberId={m.id} writable={writable && m.archivedAt === null} />
      <MemberComplaintsCard member={m} writable={writable && m.archivedAt === null} />
      <MemberFollowupsCard memberId={m.id} writable={writable && m.archivedAt === null} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <MemberTagsCard member={m} writable={writable} />
            <MemberConsentsCard member={m} writable={writable} />
            <MemberCardsCard member={m} writable={writable} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <MemberTimelineCard member={m} writable={writable} />
        </Grid.Col>
      </Grid>
      {writable && <EditMemberModal member={m} opened={editOpen} onClose={edit.close} />}
      {writable && <MergeWithModal member={m} opened={mergeWithOpen} onClose={mergeWith.close} />}
      {writable && <EraseMemberModal member={m} opened={eraseOpen} onClose={erase.close} />}
    </Stack>
  );
}

/** This record was merged into another member: its history stays here, the person lives there. */
function MergedNotice({ survivorId }: { survivorId: number }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const survivor = useQuery({
    queryKey: ['members', 'get', survivorId],
    queryFn: () => call('members.get', { id: survivorId }),
  });
  return (
    <Alert color="blue" data-testid="merged-notice">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {survivor.data
            ? t('members.mergedNotice', {
                name: survivor.data.name || t('members.noName'),
                no: survivor.data.memberNo,
              })
            : t('members.mergedNoticeShort')}
        </Text>
        <Button
          size="xs"
          rightSection={<IconArrowRight size={14} />}
          onClick={() => navigate(`/members/${survivorId}`)}
        >
          {t('members.openSurvivor')}
        </Button>
      </Group>
    </Alert>
  );
}
