import type { TFunction } from 'i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { TillClose, TillLine } from '../../../shared/wallet.js';
import type { SlipContent, SlipLine } from '../slips/slipTypes';

/** Fen as money with the sign before the currency ("-¥700.00", never "¥-700.00"). */
export const money = (t: TFunction, fen: number) =>
  `${fen < 0 ? '-' : ''}${t('till.money', { amount: formatFen(Math.abs(fen)) })}`;

/** A method's figures that moved, each labelled "method · figure" (labels are the slip's row keys). */
function methodLines(t: TFunction, l: TillLine): SlipLine[] {
  const name = t(`points.paymentMethods.${l.method}`);
  const row = (figure: string, value: string): SlipLine => ({
    label: `${name} · ${t(`till.figures.${figure}`)}`,
    value,
  });
  const out: SlipLine[] = [];
  if (l.topupCount) out.push(row('topupFen', `${money(t, l.topupFen)} (${l.topupCount})`));
  if (l.bonusFen) out.push(row('bonusFen', money(t, l.bonusFen)));
  if (l.cardSalesCount) out.push(row('cardSalesFen', `${money(t, l.cardSalesFen)} (${l.cardSalesCount})`));
  if (l.refundsCount) out.push(row('refundsFen', `${money(t, l.refundsFen)} (${l.refundsCount})`));
  if (l.storedValueSpentFen) out.push(row('storedValueSpentFen', money(t, l.storedValueSpentFen)));
  if (l.method !== 'storedValue') out.push(row('netFen', money(t, l.netFen)));
  return out;
}

/**
 * The handover or day-close slip: who and when, each payment method's figures that moved, the
 * stored-value and count-card takings to count, and lines to sign (who hands over and who takes
 * over a shift; who closed the day and the owner). The footer says that ordinary sales are not on
 * it: they are counted at the shop's till. `dateTime` formats an instant in the shop's zone.
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
  const signatures = c.kind === 'shift' ? ['handedOver', 'takenOver'] : ['dayClosedBy', 'owner'];
  return {
    title: t(c.kind === 'shift' ? 'till.shift.slipTitle' : 'till.day.slipTitle'),
    shopName,
    lines: [
      ...head,
      ...c.totals.byMethod.flatMap((l) => methodLines(t, l)),
      { label: t('till.slip.storedValue'), value: money(t, c.totals.total.storedValueSpentFen) },
      { label: t('till.slip.total'), value: money(t, c.totals.total.netFen) },
      ...(c.closedByName ? [{ label: t('till.slip.closedBy'), value: c.closedByName }] : []),
      ...(c.at ? [{ label: t('till.closes.at'), value: dateTime(c.at) }] : []),
    ],
    signatures: signatures.map((s) => t(`till.slip.${s}`)),
    footer: t('till.slip.footer'),
  };
}
