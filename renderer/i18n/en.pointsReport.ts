import { purchaseFileHeaders } from '../../shared/io/purchaseFields.js';

/** The owner's points view: liability, monthly flows, purchases and ledger exports. */
export const enPointsReport = {
  title: 'Points report',
  intro:
    "The points liability is every point members hold, valued at what a point is worth: the figure the shop's accountant asks for. Months are the shop's business months.",
  period: 'Period',
  last12: 'Last 12 months',
  year: '{{year}}',
  outstanding: 'Outstanding points',
  outstandingValue: '{{points}} points',
  pointValue: 'Value of a point',
  money: '¥{{amount}}',
  liability: 'Points liability',
  liabilityHint: '{{points}} points × ¥{{value}}',
  chartTitle: 'Points per month',
  month: 'Month',
  total: 'Total',
  outstandingEnd: 'Outstanding at month end',
  flows: {
    issued: 'Issued',
    redeemed: 'Redeemed',
    expired: 'Expired',
    reversed: 'Taken back',
  },
  flowHints: {
    issued:
      'Purchases, check-ins, referrals, activities, birthdays, opening balances, draw prizes and manual additions',
    redeemed: 'Paying with points, rewards and draws, less what refunds and cancellations gave back',
    expired: 'Expiry runs',
    reversed: 'Refunds, voided entries and manual deductions',
  },
  exportPurchases: 'Export purchases',
  exportLedger: 'Export points ledger',
};

export const enPointsReportNav = { pointsReport: 'Points report' };

/** Merged into export: the purchases and ledger export dialogs. */
export const enPointsReportExport = {
  title: { purchases: 'Export purchases', ledger: 'Export points ledger' },
  intro: {
    purchases:
      'Exports every purchase of the chosen business days (amounts in yuan, two decimals), oldest first. Leave both dates empty to export all.',
    ledger:
      'Exports every points change of the chosen business days (kind, points, reference, staff, expiry). Leave both dates empty to export all.',
  },
};

/** Merged into import: importing purchases. */
export const enPointsReportImport = {
  title: 'Import members and purchases',
  entity: 'What to import',
  entities: { members: 'Members', purchases: 'Purchases' },
  purchasesHint:
    'One purchase per row, matched to a member by mobile or member number (import or register the members first). Amounts in yuan; the time may be a date alone. Imported past purchases earn no points under today\'s rules: only a "Points earned" column credits points — if the balances were already imported as opening balances, leave that column unmapped or they count twice.',
  purchaseFields: {
    amount: purchaseFileHeaders.en.amount,
    time: purchaseFileHeaders.en.time,
    receiptNo: purchaseFileHeaders.en.receiptNo,
    category: purchaseFileHeaders.en.category,
    items: purchaseFileHeaders.en.items,
    paymentMethod: purchaseFileHeaders.en.paymentMethod,
    pointsEarned: purchaseFileHeaders.en.pointsEarned,
  },
};
