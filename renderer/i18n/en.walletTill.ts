import type { Shape } from './en';
import { tillFigureNames, walletReportItemNames } from '../../shared/io/walletFields.js';
import type { zhTill, zhTillAudit, zhTillErrors, zhWalletExport } from './zh.walletTill';

export const enTill: Shape<typeof zhTill> = {
  money: '¥{{amount}}',
  times: '{{count}}×',
  staff: 'Staff',
  method: 'Payment method',
  total: 'Total',
  figures: tillFigureNames.en,
  figureHints: {
    topupFen: 'Money received for top-ups (bonus not included)',
    bonusFen: 'Bonus given; bonus taken back by voided top-ups is deducted',
    cardSalesFen: 'Count card prices, cards bought with stored value included',
    refundsFen:
      'Money paid back: balance refunds, principal returned by voided top-ups, count card refunds paid in money (a card refund back to stored value is not counted: it is netted in stored value spent)',
    storedValueSpentFen: 'Purchases and count cards paid with stored value, less what refunds put back',
    netFen:
      'Top-ups + count card sales − refunds, stored value and count cards only; ordinary sales are counted at the till, not here; stored value is not money and is not counted',
  },
  nothing: 'No top-ups, count cards or stored value movements in this time.',
  tillNote: "Stored value and count cards only: ordinary sales are counted at the shop's till, not here.",
  printSlip: 'Print this slip',
  closes: {
    shift: 'Handover',
    day: 'Day close',
    kind: 'Kind',
    at: 'Time',
    range: 'Period',
    by: 'By',
    rangeValue: '{{from}} – {{to}}',
    export: 'Export this record',
  },
  shift: {
    title: 'Shift handover',
    intro:
      "Your shift runs from your last handover (or the start of today's business) to now and holds only the top-ups, count cards, refunds and stored value spending you handled. A handover records the shift's totals and prints a slip; the next shift starts from then.",
    since: 'This shift started {{from}}',
    refresh: 'Refresh',
    close: 'Hand over',
    confirmTitle: 'Hand over the shift',
    confirmBody:
      "Records this shift's totals up to now (stored value & card takings {{net}}) and lets you print the slip. Anything after goes to the next shift.",
    confirm: 'Hand over',
    closed: 'Handed over; stored value & card takings this shift {{net}}',
    today: "Today's handovers",
    noneToday: 'No handovers today yet',
    slipTitle: 'Shift handover',
  },
  day: {
    title: 'Day close',
    intro:
      "Every clerk's top-ups, bonus, count card sales, refunds and stored value spending on one shop day, per clerk and payment method. The totals are always worked out from the day's records; a day close records them as they are then, to print and export.",
    day: 'Shop day',
    today: 'Today',
    yesterday: 'Yesterday',
    byStaff: 'By staff and payment method',
    byMethod: 'By payment method',
    closedAt: 'Closed {{at}} by {{name}}',
    notClosed: 'This shop day has not been closed',
    changed:
      'Money moved after the day close: the totals now differ from the recorded close. Close the day again if needed.',
    close: 'Close the day',
    closeAgain: 'Close again',
    confirmTitle: 'Close the day',
    confirmBody: 'Records the totals of {{day}} (stored value & card takings {{net}}) and writes it to the audit log.',
    confirm: 'Close the day',
    closed: 'Closed {{day}}',
    export: 'Export the day close',
    records: 'Handovers and closes of this shop day',
    noRecords: 'No handovers or closes on this shop day yet',
    slipTitle: 'Day close',
    slipDay: 'Shop day',
  },
  slip: {
    staff: 'Staff',
    from: 'From',
    to: 'To',
    closedBy: 'By',
    total: 'Stored value & card takings, total',
    storedValue: 'Stored value spent',
    footer: "Stored value and count cards only: ordinary sales are counted at the shop's till, not on this slip.",
    handedOver: 'Handed over by',
    takenOver: 'Taken over by',
    dayClosedBy: 'Closed by',
    owner: 'Owner',
  },
  report: {
    title: 'Stored value report',
    intro:
      "Outstanding stored value (principal and bonus apart: the shop's debt to members) and the visits left on usable count cards are as of now; the rest covers the chosen shop days. Counted as the day close counts: top-ups whole, a voided top-up's principal as a refund (its bonus taken back out of the bonus); refunds are money paid back (balance refunds, voided top-ups, count card refunds paid in money), not count card refunds back to stored value.",
    from: 'From',
    to: 'To',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    last90: 'Last 90 days',
    ...walletReportItemNames.en,
    periodValue: '{{from}} ~ {{to}}',
    now: 'Now',
    cards: '{{count}} cards',
    visits: '{{count}} visits',
    unusedValue: 'Pro-rata value {{amount}}',
    daily: 'Top-ups and stored value spent per day',
    dailyTitle: 'By day',
    summary: 'Summary',
    byStaff: 'By staff',
    byMethodTitle: 'By payment method',
    byMethodChart: 'Stored value & card takings per payment method',
    byProduct: 'By count card product',
    product: 'Count card product',
    sold: 'Sold',
    soldFen: 'Sales',
    uses: 'Visits used',
    unusedVisits: 'Visits left',
    noProducts: 'No count cards sold or used in this time.',
    export: 'Export the report',
  },
};

export const enTillAudit: Shape<typeof zhTillAudit> = {
  wallet_dayClosed: 'Day closed',
};

export const enWalletExport: Shape<typeof zhWalletExport> = {
  title: {
    walletReport: 'Export the stored value report',
    tillClose: 'Export the day close',
    tillShiftRecord: 'Export the handover record',
    tillDayRecord: 'Export the day close record',
  },
  intro: {
    walletReport:
      'Exports the stored value and count card report for these shop days: outstanding balances (principal and bonus apart), days, staff and payment methods, count card products.',
    tillClose:
      "Exports this shop day's close: each clerk's top-ups, bonus, count card sales, refunds and stored value spending per payment method (stored value and count cards only; ordinary sales are counted at the till).",
    tillShiftRecord:
      "Exports this handover's totals as its slip printed them: top-ups, bonus, count card sales, refunds and stored value spending per payment method.",
    tillDayRecord:
      "Exports this day close's totals as its slip printed them: per clerk and payment method, per payment method and the day's total.",
  },
};

export const enTillErrors: Shape<typeof zhTillErrors> = {
  till: { closeNotFound: 'This handover or day close record was not found' },
};
