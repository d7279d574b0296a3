import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { mustGetMember } from './services/members/rows.js';
import { adjustWallet, reverseEntry } from './services/wallet/adjust.js';
import { saveWalletPackages, saveWalletSettings, walletConfig } from './services/wallet/config.js';
import { listEntries } from './services/wallet/entries.js';
import { refundBalance } from './services/wallet/payout.js';
import { walletSummary } from './services/wallet/summary.js';
import { topup } from './services/wallet/topup.js';
import { voidTopup } from './services/wallet/voidTopup.js';

type TillChannel =
  'wallet.shift' | 'wallet.closeShift' | 'wallet.dayClose' | 'wallet.closeDay' | 'wallet.closes' | 'wallet.report';
type WalletChannel = Exclude<Extract<ChannelName, `wallet.${string}`>, TillChannel>;
type Handlers = { [C in WalletChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** Stored value: settings and packages, balances and ledger, top-ups, card refunds, adjustments. */
export const walletHandlers: Handlers = {
  'wallet.config': (ctx) => walletConfig(ctx),
  'wallet.saveSettings': saveWalletSettings,
  'wallet.savePackages': saveWalletPackages,
  'wallet.summary': async (ctx, input) => {
    await mustGetMember(ctx, input.memberId);
    return walletSummary(ctx, input.memberId);
  },
  'wallet.ledger': listEntries,
  'wallet.topup': topup,
  'wallet.voidTopup': voidTopup,
  'wallet.refundBalance': refundBalance,
  'wallet.adjust': adjustWallet,
  'wallet.reverse': reverseEntry,
};
