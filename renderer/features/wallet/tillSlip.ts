import type { TFunction } from 'i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { TillClose, TillLine } from '../../../shared/wallet.js';
import type { SlipContent, SlipLine } from '../slips/PrintSlip';

const yuan = (fen: number) => `¥${formatFen(fen)}`;

/** A method's figures that moved, each labelled "method · figure" (labels are the slip's row keys). */
function methodLines(t: TFunction, l: TillLine): SlipLine[] {
  const name = t(`points.paymentMethods.${l.method}`);
  const row = (figure: string, value: string): SlipLine => ({
    label: `${name} · ${t(`till.figures.${figure}`)}`,
    value,
  });
  const out: SlipLine[] = [];
  if (l.topupCount) out.push(row('topupFen', `${yuan(l.topupFen)} (${l.topupCount})`));
  if (l.bonusFen) out.push(row('bonusFen', yuan(l.bonusFen)));
  if (l.cardSalesCount) out.push(row('cardSalesFen', `${yuan(l.cardSalesFen)} (${l.cardSalesCount})`));
  if (l.refundsCount) out.push(row('refundsFen', `${yuan(l.refundsFen)} (${l.refundsCount})`));
  if (l.storedValueSpentFen) out.push(row('storedValueSpentFen', yuan(l.storedValueSpentFen)));
  if (l.method !== 'storedValue') out.push(row('netFen', yuan(l.netFen)));
  return out;
}

/**
 * The handover or day-close slip: who and when, each payment method's figures that moved, and the
 * net takings to count against the drawer. `dateTime` formats an instant in the shop's zone.
 */
export function tillSlip(t: TFunction, c: TillClose, shopName: string, dateTime: (iso: string) => string): SlipContent {
  const head: SlipLine[] =
    c.kind === 'shift'
      ? [
          { label: t('till.slip.staff'), value: c.staffName ?? '' },
          { label: t('till.slip.from'), value: dateTime(c.totals.from) },
          { label: t('till.slip.to'), value: dateTime(c.totals.to) },
        ]
      : [{ label: t('till.day.slipDay'), value: c.day }];
  return {
    title: t(c.kind === 'shift' ? 'till.shift.slipTitle' : 'till.day.slipTitle'),
    shopName,
    lines: [
      ...head,
      ...c.totals.byMethod.flatMap((l) => methodLines(t, l)),
      { label: t('till.slip.storedValue'), value: yuan(c.totals.total.storedValueSpentFen) },
      { label: t('till.slip.total'), value: yuan(c.totals.total.netFen) },
      ...(c.closedByName ? [{ label: t('till.slip.closedBy'), value: c.closedByName }] : []),
      ...(c.at ? [{ label: t('till.closes.at'), value: dateTime(c.at) }] : []),
    ],
    footer: t('till.slip.footer'),
  };
}
