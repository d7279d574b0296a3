import { useTranslation } from 'react-i18next';
import type { UseResult } from '../../../shared/visitcards.js';
import { useSession } from '../../stores/session';
import { useFormat } from '../../ui/format';
import type { SlipContent } from '../slips/PrintSlip';

/** The slip for a deducted visit: which card, which service, the visits left and the card's last day. */
export function useVisitSlip() {
  const { t } = useTranslation();
  const f = useFormat();
  const shopName = useSession((s) => s.session?.settings.shopName) ?? '';
  const staff = useSession((s) => s.session?.staff.displayName) ?? '';
  return (r: UseResult, memberNo: string): SlipContent => ({
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
  });
}
