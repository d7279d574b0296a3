import { Alert, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}

export function MemberPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['members', 'get', id], queryFn: () => call('members.get', { id }) });
  if (q.isPending) return <Loader />;
  if (q.isError) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  const m = q.data;
  const dash = '—';
  return (
    <Stack>
      <Group>
        <Title order={2} data-testid="member-name">
          {m.name || t('members.noName')}
        </Title>
        <Badge variant="light" size="lg" ff="monospace">
          {m.memberNo}
        </Badge>
      </Group>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('members.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('members.fields.phone')} value={m.phone} />
          <Field label={t('members.fields.phoneKind')} value={t(`members.phoneKinds.${m.phoneKind}`)} />
          <Field label={t('members.fields.gender')} value={t(`members.genders.${m.gender}`)} />
          <Field label={t('members.fields.birthday')} value={m.birthday ?? dash} />
          <Field label={t('members.fields.source')} value={t(`members.sources.${m.source}`)} />
          <Field
            label={t('members.consents')}
            value={
              (Object.keys(m.consents) as (keyof typeof m.consents)[])
                .filter((c) => m.consents[c]?.granted)
                .map((c) => t(`members.consentChannels.${c}`))
                .join('、') || dash
            }
          />
          <Field label={t('members.fields.createdAt')} value={new Date(m.createdAt).toLocaleString()} />
          <Field label={t('members.fields.createdDay')} value={m.createdDay} />
          <Field label={t('members.fields.createdBy')} value={m.createdBy.displayName} />
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
