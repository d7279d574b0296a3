import type { OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { exportTillClose } from './services/io/exportTillClose.js';
import { exportWalletReport } from './services/io/exportWalletReport.js';
import { walletReport } from './services/wallet/report.js';
import { closeDay, closeShift, closesOf, currentShift, dayClose } from './services/wallet/till.js';

type TillChannel =
  | 'wallet.shift'
  | 'wallet.closeShift'
  | 'wallet.dayClose'
  | 'wallet.closeDay'
  | 'wallet.closes'
  | 'wallet.report'
  | 'io.exportWalletReport'
  | 'io.exportTillClose';
type Handlers = { [C in TillChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** The counter's money: shift handovers, day closes, the stored-value and count-card report, their exports. */
export const tillHandlers: Handlers = {
  'wallet.shift': (ctx) => currentShift(ctx),
  'wallet.closeShift': (ctx) => closeShift(ctx),
  'wallet.dayClose': dayClose,
  'wallet.closeDay': closeDay,
  'wallet.closes': closesOf,
  'wallet.report': walletReport,
  'io.exportWalletReport': exportWalletReport,
  'io.exportTillClose': exportTillClose,
};
