import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PurchaseResult } from '../../../shared/points.js';
import { formatFen } from '../../../shared/rules/money.js';
import type { PayoutResult, TopupResult } from '../../../shared/wallet.js';
import { useSession } from '../../stores/session';
import { useFormat } from '../../ui/format';
import type { SlipContent } from '../slips/slipTypes';

const yuan = (fen: number) => `¥${formatFen(fen)}`;

/** The top-up slip the member takes home: what was paid, the bonus, both balances and the published terms. */
export function useTopupSlip() {
  const { t } = useTranslation();
  const f = useFormat();
  const shopName = useSession((s) => s.session?.settings.shopName) ?? '';
  const staff = useSession((s) => s.session?.staff.displayName) ?? '';
  return (r: TopupResult, memberNo: string): SlipContent => {
    const tp = r.topup;
    return {
      title: t('wallet.slip.title'),
      shopName,
      footer: t('wallet.slip.footer'),
      terms: r.terms ? `${t('wallet.slip.terms')}\n${r.terms}` : undefined,
      lines: [
        { label: t('slips.time'), value: f.dateTime(tp.at) },
        { label: t('slips.member'), value: memberNo },
        { label: t('wallet.slip.paid'), value: yuan(tp.paidFen) },
        { label: t('wallet.slip.method'), value: t(`points.paymentMethods.${tp.paymentMethod}`) },
        { label: t('wallet.slip.bonus'), value: yuan(tp.bonusFen) },
        ...(tp.bonusPoints ? [{ label: t('wallet.slip.bonusPoints'), value: `+${tp.bonusPoints}` }] : []),
        { label: t('wallet.slip.principal'), value: yuan(r.summary.principalFen) },
        { label: t('wallet.slip.bonusBalance'), value: yuan(r.summary.bonusFen) },
        { label: t('wallet.slip.total'), value: yuan(r.summary.totalFen) },
        { label: t('slips.staff'), value: staff },
      ],
    };
  };
}

/**
 * The balance refund slip (退余额): the principal refunded, the fee, the bonus forfeited, what was
 * paid out and how, with a line for the member to sign that they received it.
 */
export function usePayoutSlip() {
  const { t } = useTranslation();
  const f = useFormat();
  const shopName = useSession((s) => s.session?.settings.shopName) ?? '';
  const staff = useSession((s) => s.session?.staff.displayName) ?? '';
  return (r: PayoutResult, memberNo: string, at: string): SlipContent => ({
    title: t('wallet.payoutSlip.title'),
    shopName,
    footer: t('wallet.payoutSlip.footer'),
    signatures: [t('wallet.payoutSlip.signature')],
    lines: [
      { label: t('slips.time'), value: f.dateTime(at) },
      { label: t('slips.member'), value: memberNo },
      { label: t('wallet.payoutSlip.principal'), value: yuan(r.principalFen) },
      { label: t('wallet.payoutSlip.fee'), value: yuan(r.feeFen) },
      { label: t('wallet.payoutSlip.bonusForfeited'), value: yuan(r.bonusForfeitedFen) },
      { label: t('wallet.payoutSlip.payout'), value: yuan(r.payoutFen) },
      { label: t('wallet.payoutSlip.method'), value: t(`points.paymentMethods.${r.payoutMethod}`) },
      { label: t('slips.staff'), value: staff },
    ],
  });
}

/**
 * A purchase slip with its stored-value part: what stored value paid and the balances after,
 * placed after the amount. A purchase that drew on no stored value keeps its slip as it was.
 */
export function withStoredValue(t: TFunction, slip: SlipContent, r: PurchaseResult): SlipContent {
  if (!r.wallet || r.purchase.storedValueFen === 0) return slip;
  const lines = [
    { label: t('wallet.slip.storedValuePaid'), value: yuan(r.purchase.storedValueFen) },
    { label: t('wallet.slip.principal'), value: yuan(r.wallet.principalFen) },
    { label: t('wallet.slip.bonusBalance'), value: yuan(r.wallet.bonusFen) },
    { label: t('wallet.slip.total'), value: yuan(r.wallet.totalFen) },
  ];
  const at = slip.lines.findIndex((l) => l.label === t('slips.amount'));
  const cut = at < 0 ? slip.lines.length : at + 1;
  return { ...slip, lines: [...slip.lines.slice(0, cut), ...lines, ...slip.lines.slice(cut)] };
}
