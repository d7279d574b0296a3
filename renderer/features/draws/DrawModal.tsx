import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconDice5 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawResult } from '../../../shared/draws.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { OddsTable } from './OddsTable';
import { describeOutcome } from './outcome';

/**
 * The draw at the counter: the rules and the chances (the clerk can turn the screen to the
 * member), then one click draws. The main process decides everything; a double click sends the
 * same request id and draws once.
 */
export function DrawModal({ memberId, opened, onClose }: { memberId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [result, setResult] = useState<DrawResult | null>(null);
  const status = useQuery({
    queryKey: ['draws', 'status', memberId],
    queryFn: () => call('draws.memberStatus', { memberId }),
    enabled: opened,
  });
  const history = useQuery({
    queryKey: ['draws', 'list', memberId],
    queryFn: () => call('draws.list', { memberId, pageSize: 5 }),
    enabled: opened,
  });
  const draw = useCommand('draws.draw', { invalidates: ['draws', 'points', 'members'], onSuccess: setResult });
  const close = () => {
    setResult(null);
    onClose();
  };
  const s = status.data;
  const limitReached = s ? s.drawsToday >= s.dailyLimit : false;
  const notEnough = s ? s.usable < s.cost : false;

  return (
    <Modal opened={opened} onClose={close} title={t('draws.counter.title')} size="lg">
      {s && (
        <Stack>
          {!s.enabled && <Alert color="gray">{t('draws.off')}</Alert>}
          <Text fw={500}>
            {s.cost > 0
              ? t('draws.counter.rules', { cost: s.cost, limit: s.dailyLimit })
              : t('draws.counter.free', { limit: s.dailyLimit })}
          </Text>
          <Group gap="lg">
            <Text size="sm">{t('draws.counter.usable', { usable: s.usable })}</Text>
            <Text size="sm" data-testid="draws-today">
              {t('draws.counter.today', { count: s.drawsToday })}
            </Text>
          </Group>
          <Title order={5}>{t('draws.odds.title')}</Title>
          <OddsTable odds={s.odds} />
          {result && (
            <Alert color={result.draw.outcome === 'thanks' ? 'gray' : 'teal'} title={t('draws.counter.result')}>
              <Text fz={24} fw={700} data-testid="draw-outcome">
                {describeOutcome(t, result.draw)}
              </Text>
              {result.draw.code && <Text ff="monospace">{t('draws.code', { code: result.draw.code })}</Text>}
              <Text data-testid="draw-balance">
                {t('draws.counter.newBalance', { balance: result.summary.balance })}
              </Text>
            </Alert>
          )}
          {s.enabled && limitReached && <Alert color="orange">{t('draws.counter.limitReached')}</Alert>}
          {s.enabled && !limitReached && notEnough && <Alert color="orange">{t('draws.counter.notEnough')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
            <Button
              leftSection={<IconDice5 size={16} />}
              disabled={!s.enabled || limitReached || notEnough}
              loading={draw.isPending}
              onClick={() => draw.mutate({ memberId }, { onError: (e) => notifyError(t, e) })}
            >
              {result
                ? t('draws.counter.again')
                : s.cost > 0
                  ? t('draws.counter.draw', { cost: s.cost })
                  : t('draws.counter.drawFree')}
            </Button>
          </Group>
          {(history.data?.rows.length ?? 0) > 0 && (
            <>
              <Title order={5}>{t('draws.history')}</Title>
              <Table fz="sm">
                <Table.Tbody>
                  {history.data!.rows.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{fmt.dateTime(d.at)}</Table.Td>
                      <Table.Td>{describeOutcome(t, d)}</Table.Td>
                      <Table.Td ta="right">-{d.cost}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
