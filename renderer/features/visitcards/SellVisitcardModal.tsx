import { Alert, Button, Group, Input, Modal, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, type PaymentMethod } from '../../../shared/points.js';
import { formatFen } from '../../../shared/rules/money.js';
import { expiresOn } from '../../../shared/rules/visitcards.js';
import type { SellResult } from '../../../shared/visitcards.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';
import { PrintSlip } from '../slips/PrintSlip';
import { useShopToday } from '../tiers/shopDay';
import { DetailTable } from './DetailTable';
import { useSendOnce } from './sendOnce';
import { useVisitcardSlips } from './visitcardSlip';
import { limitTexts, validityText } from './visitcardText';

/**
 * Sell a count card at the counter: pick a product on sale, see what the member gets (visits,
 * services, the last day counted from today, limits), take the payment by any method, stored
 * value included with the member's balance shown, and confirm. The result stays on screen with
 * the sale slip.
 */
export function SellVisitcardModal({
  member,
  opened,
  onClose,
}: {
  member: { id: number; memberNo: string; label: string };
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useShopToday();
  const slips = useVisitcardSlips();
  const once = useSendOnce();
  const memberId = member.id;
  const [productId, setProductId] = useState<string | null>(null);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [result, setResult] = useState<SellResult | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const products = useQuery({
    queryKey: ['visitcards', 'products'],
    queryFn: () => call('visitcards.products', {}),
    enabled: opened,
  });
  const wallet = useQuery({
    queryKey: ['wallet', 'summary', memberId],
    queryFn: () => call('wallet.summary', { memberId }),
    enabled: opened && method === 'storedValue',
  });
  const close = () => {
    setProductId(null);
    setMethod('cash');
    setResult(null);
    onClose();
  };
  const sell = useCommand('visitcards.sell', {
    invalidates: ['visitcards', 'wallet', 'members', 'till'],
    onSuccess: (r: SellResult) => {
      notifications.show({
        color: 'teal',
        message: r.wallet
          ? t('visitcards.sell.doneWallet', { name: r.card.name, balance: formatFen(r.wallet.totalFen) })
          : t('visitcards.sell.done', { name: r.card.name, count: r.card.usesTotal }),
      });
      setResult(r);
    },
  });
  // "Done" takes the focus once the result is on screen: Enter closes.
  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);
  const onSale = (products.data ?? []).filter((p) => p.active);
  const product = onSale.find((p) => String(p.id) === productId) ?? null;
  const last = product ? expiresOn(product.validity, today) : null;
  const balance = wallet.data?.totalFen ?? null;
  const short = product && method === 'storedValue' && balance !== null ? product.priceFen - balance : 0;
  const limits = product ? limitTexts(t, product) : [];

  return (
    <Modal opened={opened} onClose={close} title={t('visitcards.sell.title', { member: member.label })} size="lg">
      {result ? (
        <Stack data-testid="sell-result">
          <Title order={4}>{t('visitcards.sell.resultTitle')}</Title>
          <Text fz="lg" fw={700} c="teal" data-testid="sell-result-line">
            {t('visitcards.sell.resultLine', {
              name: result.card.name,
              count: result.card.usesTotal,
              day: result.card.expiresOn ?? t('visitcards.sell.lastDayNone'),
            })}
          </Text>
          {result.wallet && (
            <Text data-testid="sell-result-balance">
              {t('visitcards.sell.resultBalance', { balance: formatFen(result.wallet.totalFen) })}
            </Text>
          )}
          <Group justify="flex-end">
            <PrintSlip slip={slips.sale(result, member.memberNo)} />
            <Button ref={doneRef} onClick={close}>
              {t('visitcards.sell.finish')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          {products.data && onSale.length === 0 && <Alert color="yellow">{t('visitcards.sell.noProducts')}</Alert>}
          <Select
            label={t('visitcards.sell.product')}
            placeholder={t('visitcards.sell.productPlaceholder')}
            data={onSale.map((p) => ({
              value: String(p.id),
              label: `${p.name} · ¥${formatFen(p.priceFen)}`,
            }))}
            value={productId}
            onChange={setProductId}
            searchable
            data-autofocus
            data-testid="sell-product"
          />
          {product && (
            <DetailTable
              testId="sell-details"
              rows={[
                [t('visitcards.sell.services'), product.services.join(t('members.listSeparator'))],
                [t('visitcards.sell.uses'), t('visitcards.sell.usesValue', { count: product.uses }), 'sell-uses'],
                [t('visitcards.sell.price'), `¥${formatFen(product.priceFen)}`, 'sell-price'],
                [t('visitcards.sell.validity'), validityText(t, product.validity)],
                [t('visitcards.sell.lastDay'), last ?? t('visitcards.sell.lastDayNone'), 'sell-last-day'],
                [
                  t('visitcards.sell.limits'),
                  limits.length ? limits.join(t('members.listSeparator')) : t('visitcards.sell.noLimits'),
                ],
              ]}
            />
          )}
          <Input.Wrapper label={t('visitcards.sell.paymentMethod')}>
            <SegmentedControl
              fullWidth
              data-testid="sell-method"
              value={method}
              onChange={(v) => setMethod(v as PaymentMethod)}
              data={paymentMethods.map((m) => ({ value: m, label: t(`points.paymentMethods.${m}`) }))}
            />
          </Input.Wrapper>
          {method === 'storedValue' && balance !== null && (
            <Text size="sm" c={short > 0 ? 'red' : 'teal'} data-testid="sell-balance">
              {short > 0
                ? `${t('visitcards.sell.balance', { balance: formatFen(balance) })} · ${t('visitcards.sell.balanceShort', { short: formatFen(short) })}`
                : t('visitcards.sell.balance', { balance: formatFen(balance) })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!product || short > 0}
              loading={sell.isPending}
              onClick={() =>
                product &&
                once((release) =>
                  sell.mutate(
                    { memberId, productId: product.id, paymentMethod: method },
                    { onError: (e) => notifyError(t, e), onSettled: release },
                  ),
                )
              }
            >
              {product
                ? t('visitcards.sell.confirm', { price: formatFen(product.priceFen) })
                : t('visitcards.card.sell')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
