import { Anchor, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Member } from '../../../shared/domain.js';
import { useFormat } from '../../ui/format';
import { formatDay } from './format';

function Field({ label, children, span }: { label: string; children: ReactNode; span?: boolean }) {
  return (
    <div style={span ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Everything on the record, the phone in full (the clerk confirms it with the person present). */
export function MemberProfileCard({ member: m, onEdit }: { member: Member; onEdit?: () => void }) {
  const { t } = useTranslation();
  const { dateTime: formatTime } = useFormat();
  const dash = '—';
  return (
    <Card withBorder data-testid="member-profile">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('members.profile')}</Title>
        {onEdit && (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={onEdit}>
            {t('members.edit')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 4 }} spacing="md" verticalSpacing="sm">
        <Field label={t(`members.phoneLabels.${m.phoneKind}`)}>
          <Text ff="monospace" span>
            {m.phone || dash}
          </Text>
        </Field>
        <Field label={t('members.fields.phoneKind')}>{t(`members.phoneKinds.${m.phoneKind}`)}</Field>
        <Field label={t('members.fields.phone2')}>
          <Text ff="monospace" span>
            {m.phone2 ?? dash}
          </Text>
        </Field>
        <Field label={t('members.fields.gender')}>{t(`members.genders.${m.gender}`)}</Field>
        <Field label={t('members.fields.birthday')}>
          {m.birthday
            ? m.age !== null
              ? t('members.birthdayWithAge', { date: formatDay(m.birthday), age: m.age })
              : formatDay(m.birthday)
            : dash}
        </Field>
        <Field label={t('members.fields.lunarBirthday')}>
          {m.lunarBirthday
            ? t('members.lunarNext', {
                md: m.lunarBirthday,
                date: m.nextLunarBirthday ? formatDay(m.nextLunarBirthday) : dash,
              })
            : dash}
        </Field>
        <Field label={t('members.fields.occupation')}>{m.occupation || dash}</Field>
        <Field label={t('members.fields.email')}>{m.email ?? dash}</Field>
        <Field label={t('members.fields.wechat')}>{m.wechat ?? dash}</Field>
        <Field label={t('members.fields.source')}>{t(`members.sources.${m.source}`)}</Field>
        <Field label={t('members.referrer')}>
          {m.referrer ? (
            <Anchor component={Link} href={`/members/${m.referrer.id}`}>
              {`${m.referrer.name || t('members.noName')} · ${m.referrer.memberNo}`}
            </Anchor>
          ) : (
            dash
          )}
        </Field>
        <Field label={t('members.fields.joinedOn')}>{formatDay(m.joinedOn)}</Field>
        {m.opening && (
          <Field label={t('members.fields.opening')}>
            {t('members.openingValue', {
              points: m.opening.points,
              spend: (m.opening.spendFen / 100).toFixed(2),
              tier: m.opening.tier || dash,
            })}
          </Field>
        )}
        <Field label={t('members.fields.verifiedAt')}>{m.verifiedAt ? formatTime(m.verifiedAt) : dash}</Field>
        <Field label={t('members.fields.createdBy')}>{m.createdBy.displayName || dash}</Field>
        <Field label={t('members.fields.createdDay')}>{formatDay(m.createdDay)}</Field>
        <Field label={t('members.fields.createdAt')}>{formatTime(m.createdAt)}</Field>
        <Field label={t('members.fields.updatedAt')}>{formatTime(m.updatedAt)}</Field>
        <Field label={t('members.fields.address')} span>
          {m.address || dash}
        </Field>
        <Field label={t('members.fields.notes')} span>
          {m.notes || dash}
        </Field>
      </SimpleGrid>
    </Card>
  );
}
