import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCode, type RedemptionInfo } from '../../../shared/rewards.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { StatusBadge } from './RedemptionsTable';
import { rewardPrice } from './rewardText';

/**
 * Using a code: the clerk types or scans the code from the member's slip, sees what it is and whose, and
 * marks it used. Enter looks it up; a second Enter (or the button) marks it.
 */
export function UseCodePanel() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [found, setFound] = useState<RedemptionInfo | null>(null);
  /** Marked used by this clerk just now: said in green, not as a refusal. */
  const [usedNow, setUsedNow] = useState(false);
  const form = useForm({ initialValues: { code: '' } });
  const use = useCommand('rewards.useCode', {
    invalidates: ['rewards'],
    onSuccess: (r) => {
      setFound(r);
      setUsedNow(true);
      notifications.show({ color: 'teal', message: t('rewards.use.done', { reward: r.rewardName }) });
    },
  });
  const usable = found !== null && found.status === 'issued' && !found.expired;
  return (
    <Stack maw={520}>
      <form
        onSubmit={form.onSubmit(async (v) => {
          // A second Enter while the first is on its way is the same intent, not a second use.
          if (use.isPending) return;
          if (usable && found.code === v.code.replace(/[\s-]/g, '').toUpperCase())
            return use.mutate({ code: v.code }, { onError: (e) => showErrors(t, form, e) });
          setFound(null);
          setUsedNow(false);
          try {
            setFound(await call('rewards.lookupCode', { code: v.code }));
          } catch (e) {
            showErrors(t, form, e);
          }
        })}
      >
        <Group align="flex-end">
          <TextInput
            label={t('rewards.use.code')}
            description={t('rewards.use.hint')}
            ff="monospace"
            data-autofocus
            autoFocus
            {...form.getInputProps('code')}
            w={300}
          />
          <Button type="submit" variant="default">
            {t('rewards.use.lookup')}
          </Button>
        </Group>
      </form>
      {found && (
        <Card withBorder data-testid="code-found">
          <Group justify="space-between">
            <Title order={4}>{found.rewardName}</Title>
            <StatusBadge r={found} />
          </Group>
          <Text ff="monospace">{found.code && formatCode(found.code)}</Text>
          <Text size="sm">{rewardPrice(t, found)}</Text>
          <Text size="sm">{t('rewards.use.member', { name: found.memberName, no: found.memberNo })}</Text>
          <Text size="sm" c="dimmed">
            {found.validUntil ? t('rewards.validUntil', { day: found.validUntil }) : t('rewards.noEnd')}
          </Text>
          {usable ? (
            <Button
              mt="sm"
              loading={use.isPending}
              onClick={() => use.mutate({ code: found.code! }, { onError: (e) => showErrors(t, form, e) })}
            >
              {t('rewards.use.submit')}
            </Button>
          ) : (
            <Alert mt="sm" color={usedNow ? 'teal' : 'gray'}>
              {found.status === 'used' && found.usedAt
                ? t(usedNow ? 'rewards.use.usedNow' : 'rewards.use.usedAt', { at: dateTime(found.usedAt) })
                : t(found.expired ? 'rewards.use.expired' : `rewards.use.${found.status}`)}
            </Alert>
          )}
        </Card>
      )}
    </Stack>
  );
}
