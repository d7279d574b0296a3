import { Badge, Button, Card, Code, Group, Image, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCode, type RedemptionResult, type RewardOffer } from '../../../shared/rewards.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';
import { PrintSlip } from '../slips/PrintSlip';
import { useSlips } from '../slips/useSlips';
import { rewardPrice } from './rewardText';

/**
 * Exchange points for a reward at the counter: the catalog as this member sees it (what they can
 * afford, what is out of stock or over their limit), a confirmation, then the code and a slip.
 */
export function RedeemModal({ memberId, opened, onClose }: { memberId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const slips = useSlips();
  const [chosen, setChosen] = useState<RewardOffer | null>(null);
  const [result, setResult] = useState<RedemptionResult | null>(null);
  const offers = useQuery({
    queryKey: ['rewards', 'offers', memberId],
    queryFn: () => call('rewards.offers', { memberId }),
    enabled: opened,
  });
  const redeem = useCommand('rewards.redeem', { invalidates: ['rewards', 'points', 'members'], onSuccess: setResult });
  const close = () => {
    setChosen(null);
    setResult(null);
    onClose();
  };
  let body;
  if (result) {
    const r = result.redemption;
    body = (
      <Stack data-testid="redeem-result">
        <Title order={4}>{t('rewards.redeem.done', { reward: r.rewardName, points: r.points })}</Title>
        {r.code && (
          <>
            <Code block fz={24} ta="center" data-testid="redeem-code">
              {formatCode(r.code)}
            </Code>
            <Text size="sm" c="dimmed">
              {r.validUntil ? t('rewards.validUntil', { day: r.validUntil }) : t('rewards.noEnd')}
            </Text>
          </>
        )}
        {!r.code && <Text>{t('rewards.redeem.handOver')}</Text>}
        <Text data-testid="redeem-balance">{t('points.purchase.newBalance', { balance: result.summary.balance })}</Text>
        <Group justify="space-between">
          <PrintSlip slip={slips.redemption(result)} />
          <Button onClick={close} autoFocus>
            {t('points.purchase.done')}
          </Button>
        </Group>
      </Stack>
    );
  } else if (chosen) {
    body = (
      <Stack>
        <Text>{t('rewards.redeem.confirm', { reward: chosen.name, points: chosen.pointsCost })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setChosen(null)}>
            {t('common.back')}
          </Button>
          <Button
            autoFocus
            loading={redeem.isPending}
            onClick={() => redeem.mutate({ memberId, rewardId: chosen.id }, { onError: (e) => notifyError(t, e) })}
          >
            {t('rewards.redeem.submit')}
          </Button>
        </Group>
      </Stack>
    );
  } else if ((offers.data ?? []).length === 0) {
    body = <Text c="dimmed">{t('rewards.none')}</Text>;
  } else {
    body = (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(offers.data ?? []).map((o) => (
          <Card key={o.id} withBorder padding="sm" data-testid="reward-offer">
            <Group wrap="nowrap" align="flex-start">
              {o.image && <Image src={o.image} alt="" h={56} w={56} fit="contain" />}
              <Stack gap={2} style={{ flex: 1 }}>
                <Text fw={600}>{o.name}</Text>
                {o.minTierName && o.block !== 'tierTooLow' && (
                  <Text size="xs" c="dimmed">
                    {t('rewards.tierAndAbove', { tier: o.minTierName })}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t(`rewards.kinds.${o.kind}`)} {rewardPrice(t, o)}
                </Text>
                <Text size="sm" c="teal">
                  {t('rewards.cost', { points: o.pointsCost })}
                </Text>
                <Text size="xs" c="dimmed">
                  {o.stock === null ? '' : t('rewards.stockLeft', { count: o.stock })}
                  {o.leftForMember === null ? '' : ` · ${t('rewards.leftForMember', { count: o.leftForMember })}`}
                </Text>
              </Stack>
            </Group>
            <Group justify="space-between" mt="xs">
              {o.block ? (
                <Badge color="gray" data-testid="offer-block">
                  {t(`rewards.block.${o.block}`, { tier: o.minTierName ?? '' })}
                </Badge>
              ) : (
                <span />
              )}
              <Button size="xs" disabled={o.block !== null} onClick={() => setChosen(o)}>
                {t('rewards.redeem.choose')}
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    );
  }
  return (
    <Modal opened={opened} onClose={close} title={t('rewards.redeem.title')} size="xl">
      {body}
    </Modal>
  );
}
