import { useTranslation } from 'react-i18next';
import type { PointsSummary, PurchaseResult } from '../../../shared/points.js';
import { formatCode, type RedemptionResult } from '../../../shared/rewards.js';
import { formatFen } from '../../../shared/rules/money.js';
import { useFormat } from '../../ui/format';
import { useSession } from '../../stores/session';
import type { SlipContent, SlipLine } from './PrintSlip';

/** The slips a member takes home: what happened, the balance and when points next expire. */
export function useSlips() {
  const { t } = useTranslation();
  const f = useFormat();
  const shopName = useSession((s) => s.session?.settings.shopName) ?? '';
  const staff = useSession((s) => s.session?.staff.displayName) ?? '';
  const balanceLines = (s: PointsSummary): SlipLine[] => {
    const next = s.expiries[0];
    return [
      { label: t('slips.balance'), value: String(s.balance) },
      {
        label: t('slips.nextExpiry'),
        value: next ? t('slips.expiryValue', { points: next.points, on: next.on }) : '—',
      },
    ];
  };
  const footer = t('slips.footer');
  return {
    purchase(r: PurchaseResult, memberNo: string): SlipContent {
      const p = r.purchase;
      return {
        title: t('slips.purchaseTitle'),
        shopName,
        footer,
        lines: [
          { label: t('slips.time'), value: f.dateTime(p.at) },
          { label: t('slips.member'), value: memberNo },
          ...(p.receiptNo ? [{ label: t('slips.receiptNo'), value: p.receiptNo }] : []),
          { label: t('slips.amount'), value: `¥${formatFen(p.amountFen)}` },
          ...(p.pointsUsed ? [{ label: t('slips.pointsUsed'), value: `-${p.pointsUsed}` }] : []),
          { label: t('slips.earned'), value: `+${p.pointsEarned}` },
          ...balanceLines(r.summary),
          { label: t('slips.staff'), value: staff },
        ],
      };
    },
    redemption(r: RedemptionResult): SlipContent {
      const d = r.redemption;
      return {
        title: t('slips.redemptionTitle'),
        shopName,
        footer,
        code: d.code ? formatCode(d.code) : undefined,
        lines: [
          { label: t('slips.time'), value: f.dateTime(d.at) },
          { label: t('slips.member'), value: d.memberNo },
          { label: t('slips.reward'), value: d.rewardName },
          { label: t('slips.pointsUsed'), value: `-${d.points}` },
          ...(d.code ? [{ label: t('slips.validUntil'), value: d.validUntil ?? t('slips.noEnd') }] : []),
          ...balanceLines(r.summary),
          { label: t('slips.staff'), value: staff },
        ],
      };
    },
  };
}
