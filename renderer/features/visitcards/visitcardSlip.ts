import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { SellResult, UseResult, VisitcardRefundResult } from '../../../shared/visitcards.js';
import { useSession } from '../../stores/session';
import { useFormat } from '../../ui/format';
import type { SlipContent, SlipLine } from '../slips/PrintSlip';

/**
 * The count-card slips the member takes home: a deducted visit (which card, which service, the
 * visits left and the card's last day), a sale (the card, its visits, last day, price and how it
 * was paid) and a refund (the unused visits, their value, the fee, the refund and where it went).
 */
export function useVisitcardSlips() {
  const { t } = useTranslation();
  const f = useFormat();
  const shopName = useSession((s) => s.session?.settings.shopName) ?? '';
  const staff = useSession((s) => s.session?.staff.displayName) ?? '';
  const yuan = (fen: number) => `¥${formatFen(fen)}`;
  const balance = (label: string, r: { wallet: { totalFen: number } | null }): SlipLine[] =>
    r.wallet ? [{ label, value: yuan(r.wallet.totalFen) }] : [];
  return {
    use(r: UseResult, memberNo: string): SlipContent {
      return {
        title: t('visitcards.slip.title'),
        shopName,
        footer: t('visitcards.slip.footer'),
        lines: [
          { label: t('slips.time'), value: f.dateTime(r.use.at) },
          { label: t('slips.member'), value: memberNo },
          { label: t('visitcards.slip.card'), value: r.card.name },
          ...(r.use.service ? [{ label: t('visitcards.slip.service'), value: r.use.service }] : []),
          {
            label: t('visitcards.slip.left'),
            value: t('visitcards.slip.leftValue', { left: r.card.usesLeft, total: r.card.usesTotal }),
          },
          { label: t('visitcards.slip.expiresOn'), value: r.card.expiresOn ?? t('slips.noEnd') },
          { label: t('slips.staff'), value: staff },
        ],
      };
    },
    sale(r: SellResult, memberNo: string): SlipContent {
      const c = r.card;
      return {
        title: t('visitcards.saleSlip.title'),
        shopName,
        footer: t('visitcards.saleSlip.footer'),
        lines: [
          { label: t('slips.time'), value: f.dateTime(c.soldAt) },
          { label: t('slips.member'), value: memberNo },
          { label: t('visitcards.saleSlip.card'), value: c.name },
          { label: t('visitcards.saleSlip.uses'), value: t('visitcards.sell.usesValue', { count: c.usesTotal }) },
          { label: t('visitcards.saleSlip.lastDay'), value: c.expiresOn ?? t('slips.noEnd') },
          { label: t('visitcards.saleSlip.price'), value: yuan(c.priceFen) },
          { label: t('visitcards.saleSlip.method'), value: t(`points.paymentMethods.${c.paymentMethod}`) },
          ...balance(t('visitcards.saleSlip.balance'), r),
          { label: t('slips.staff'), value: staff },
        ],
      };
    },
    /** `at`: when the refund was recorded (the result carries no time of its own). */
    refund(r: VisitcardRefundResult, memberNo: string, at: string): SlipContent {
      const c = r.card;
      return {
        title: t('visitcards.refundSlip.title'),
        shopName,
        footer: t('visitcards.refundSlip.footer'),
        lines: [
          { label: t('slips.time'), value: f.dateTime(at) },
          { label: t('slips.member'), value: memberNo },
          { label: t('visitcards.refundSlip.card'), value: c.name },
          {
            label: t('visitcards.refundSlip.unused'),
            value: t('visitcards.slip.leftValue', { left: c.refundedUses, total: c.usesTotal }),
          },
          { label: t('visitcards.refundSlip.value'), value: yuan(r.refundFen + r.feeFen) },
          { label: t('visitcards.refundSlip.fee'), value: yuan(r.feeFen) },
          { label: t('visitcards.refundSlip.refund'), value: yuan(r.refundFen) },
          { label: t('visitcards.refundSlip.to'), value: refundTo(t, r.refundMethod) },
          ...balance(t('visitcards.refundSlip.balance'), r),
          { label: t('slips.staff'), value: staff },
        ],
      };
    },
  };
}

/** Where a refund went, in words: back to stored value, or the payout method. */
export function refundTo(t: TFunction, method: VisitcardRefundResult['refundMethod']): string {
  return method === 'storedValue' ? t('visitcards.refundSlip.toStoredValue') : t(`points.paymentMethods.${method}`);
}
