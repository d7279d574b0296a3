import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { TopupResult } from '../../../shared/wallet.js';
import { useSession } from '../../stores/session';
import { useFormat } from '../../ui/format';
import type { SlipContent } from '../slips/PrintSlip';

/** The top-up slip the member takes home: what was paid, the bonus, both balances and the published terms. */
export function useTopupSlip() {
  const { t } = useTranslation();
  const f = useFormat();
  const shopName = useSession((s) => s.session?.settings.shopName) ?? '';
  const staff = useSession((s) => s.session?.staff.displayName) ?? '';
  return (r: TopupResult, memberNo: string): SlipContent => {
    const tp = r.topup;
    const yuan = (fen: number) => `¥${formatFen(fen)}`;
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
