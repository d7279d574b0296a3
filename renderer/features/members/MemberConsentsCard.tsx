import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { consentChannels, type Member } from '../../../shared/domain.js';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';
import { useFormat } from '../../ui/format';

/** Marketing consent per channel, with when and by whom; withdrawing or granting is one click. */
export function MemberConsentsCard({ member, writable }: { member: Member; writable: boolean }) {
  const { t } = useTranslation();
  const { dateTime: formatTime } = useFormat();
  const setConsent = useCommand('members.setConsent', {
    invalidates: ['members'],
    onSuccess: () => notifications.show({ color: 'teal', message: t('members.consentChanged') }),
  });
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('members.consents')}
      </Title>
      <Stack gap="xs">
        {consentChannels.map((c) => {
          const s = member.consents[c];
          return (
            <Group key={c} justify="space-between" wrap="nowrap" data-testid={`consent-${c}`}>
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
                <Text miw={48} fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {t(`members.consentChannels.${c}`)}
                </Text>
                <Badge
                  color={s === null ? 'gray' : s.granted ? 'teal' : 'red'}
                  variant="light"
                  style={{ flexShrink: 0 }}
                >
                  {s === null
                    ? t('members.consentNone')
                    : s.granted
                      ? t('members.consentGranted')
                      : t('members.consentRefused')}
                </Badge>
                {s && (
                  <Text size="xs" c="dimmed">
                    {t('members.consentBy', { at: formatTime(s.at), by: s.by ?? '—' })}
                  </Text>
                )}
              </Group>
              {writable && (
                <Button
                  style={{ flexShrink: 0 }}
                  size="compact-xs"
                  variant={s?.granted ? 'light' : 'subtle'}
                  color={s?.granted ? 'red' : 'teal'}
                  disabled={setConsent.isPending}
                  onClick={() =>
                    setConsent.mutate(
                      { id: member.id, channel: c, granted: !s?.granted },
                      { onError: (e) => notifyError(t, e) },
                    )
                  }
                >
                  {s?.granted ? t('members.withdraw') : t('members.grant')}
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
