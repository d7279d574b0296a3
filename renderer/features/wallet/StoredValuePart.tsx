import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PurchaseResult } from '../../../shared/points.js';
import { formatFen } from '../../../shared/rules/money.js';
import type { WalletSummary } from '../../../shared/wallet.js';

/**
 * The part of a purchase paid from stored value: the balance, the amount, and "use stored value"
 * (as much as the balance covers of what is left to pay). Shown only to a member with a balance.
 */
export function StoredValuePart({
  summary,
  leftFen,
  storedValueFen,
  inputProps,
  onUse,
}: {
  summary: WalletSummary | undefined;
  /** The money part still to pay: the amount less points and coupon. */
  leftFen: number;
  storedValueFen: number;
  inputProps: GetInputPropsReturnType;
  onUse: (fen: number) => void;
}) {
  const { t } = useTranslation();
  if (!summary || summary.totalFen === 0) return null;
  const rest = leftFen - storedValueFen;
  return (
    <Stack gap={4} data-testid="stored-value-part">
      <Group align="flex-end">
        <TextInput
          label={t('wallet.purchase.part')}
          description={t('wallet.purchase.partHint', {
            total: formatFen(summary.totalFen),
            principal: formatFen(summary.principalFen),
            bonus: formatFen(summary.bonusFen),
          })}
          inputMode="decimal"
          style={{ flex: 1 }}
          {...inputProps}
        />
        <Button variant="light" disabled={leftFen === 0} onClick={() => onUse(Math.min(summary.totalFen, leftFen))}>
          {t('wallet.purchase.useAll')}
        </Button>
      </Group>
      {storedValueFen > 0 && rest >= 0 && (
        <Text size="sm" c="teal" data-testid="stored-value-covers">
          {rest === 0 ? t('wallet.purchase.coversAll') : t('wallet.purchase.rest', { rest: formatFen(rest) })}
        </Text>
      )}
    </Stack>
  );
}

/** What the purchase took from stored value and the two balances after it. */
export function StoredValueOutcome({ result }: { result: PurchaseResult }) {
  const { t } = useTranslation();
  if (!result.wallet) return null;
  return (
    <Stack gap={2}>
      <Text>{t('wallet.purchase.paid', { amount: formatFen(result.purchase.storedValueFen) })}</Text>
      <Text fw={600} data-testid="wallet-after">
        {t('wallet.purchase.after', {
          principal: formatFen(result.wallet.principalFen),
          bonus: formatFen(result.wallet.bonusFen),
        })}
      </Text>
    </Stack>
  );
}
