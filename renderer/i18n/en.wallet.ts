import { enVisitcardsAll } from './en.visitcards';
import type { Shape } from './en';
import type { zhWalletAudit, zhWalletErrors, zhWalletEvents, zhWalletNav } from './zh.wallet';
import { enWallet } from './en.walletPages';
import { enTill, enTillErrors, enWalletExport } from './en.walletTill';

export const enWalletNav: Shape<typeof zhWalletNav> = {
  walletSettings: 'Stored value settings',
  walletReport: 'Stored value report',
  shift: 'Shift handover',
  dayClose: 'Day close',
};

export const enWalletErrors: Shape<typeof zhWalletErrors> = {
  wallet: {
    notEnough: 'Not enough stored value (balance ¥{{balance}})',
    wouldGoNegative:
      'That would take the balance below zero: only ¥{{principal}} principal and ¥{{bonus}} bonus are left (some may have been spent)',
    adjustZero: 'Change the principal, the bonus or both',
    tooManyPackages: 'At most 20 top-up packages',
    overCap: 'Over the stored-value cap of ¥{{cap}}: at most ¥{{room}} more can be topped up',
    packageInactive: 'This top-up package is retired or gone; choose again',
    packageNotReached: 'This package needs a top-up of at least ¥{{pay}}',
    packageNotFound: 'Package not found; reload and edit again',
    duplicatePackage: 'Another package asks the same top-up amount',
    restNeedsMethod: 'Stored value pays only part: choose how the other ¥{{rest}} is paid',
    topupNotFound: 'Top-up not found',
    topupVoided: 'This top-up is already voided',
    topupSpent:
      'The balance no longer holds this top-up (principal ¥{{principal}}, bonus ¥{{bonus}}); refund the balance instead',
    nothingToRefund: 'This member has no stored value to refund',
    entryNotFound: 'Stored-value entry not found',
    notReversible: 'Only a manual adjustment can be reversed',
    alreadyReversed: 'This entry is already reversed',
    eraseHoldsBalance: 'This member still holds ¥{{balance}} of stored value: refund the balance first, then erase',
    eraseHoldsCards_one: 'This member still has {{count}} count card with visits left: refund it first, then erase',
    eraseHoldsCards_other:
      'This member still has {{count}} count cards with visits left: refund them first, then erase',
    eraseHoldsBoth_one:
      'This member still holds ¥{{balance}} of stored value and {{count}} count card with visits left: refund them first, then erase',
    eraseHoldsBoth_other:
      'This member still holds ¥{{balance}} of stored value and {{count}} count cards with visits left: refund them first, then erase',
  },
};

export const enWalletAudit: Shape<typeof zhWalletAudit> = {
  wallet_topupVoided: 'Stored-value top-up voided',
  wallet_refunded: 'Stored-value balance refunded',
  wallet_adjusted: 'Stored value adjusted',
  wallet_reversed: 'Stored-value adjustment reversed',
  wallet_settingsSaved: 'Stored-value settings changed',
  wallet_packagesSaved: 'Top-up packages changed',
};

export const enWalletEvents: Shape<typeof zhWalletEvents> = {
  walletTopup: 'Stored value topped up ¥{{paid}} ({{methodName}}), bonus ¥{{bonus}}, bonus points {{bonusPoints}}',
  walletTopupVoided:
    'Top-up #{{topupId}} voided: principal ¥{{paid}}, bonus ¥{{bonus}} and {{points}} points taken back',
  walletPayout:
    'Balance refunded ¥{{payout}} ({{methodName}}): principal ¥{{principal}}, fee ¥{{fee}}, bonus ¥{{bonus}} forfeited',
  walletAdjusted: 'Stored value adjusted: principal {{principal}}, bonus {{bonus}} (yuan)',
  walletReversed: 'Adjustment #{{reversed}} reversed: principal {{principal}}, bonus {{bonus}} (yuan)',
  refundStoredValue: 'stored value returned: principal ¥{{principal}}, bonus ¥{{bonus}}',
};

export const enWalletAll = {
  pages: { wallet: enWallet, till: enTill, ...enVisitcardsAll.pages },
  nav: { ...enWalletNav, ...enVisitcardsAll.nav },
  export: enWalletExport,
  errors: { ...enWalletErrors, ...enVisitcardsAll.errors, ...enTillErrors },
  events: { ...enWalletEvents, ...enVisitcardsAll.events },
};
