import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import {
  drawOrders,
  storedValuePointsModes,
  tillMethods,
  type PayoutResult,
  type TillClose,
  type TopupResult,
  type WalletConfig,
  type WalletEntry,
  type WalletReport,
  type WalletSummary,
} from '../wallet.js';
import { calendarDate, freeText, id, pageInput, printable, wholeNumber } from './fields.js';

const required = (max: number) => freeText(max).pipe(z.string().min(1, 'errors.required'));
/** Up to ¥1,000,000 in fen. */
const fen = (min: number) => wholeNumber(min, 100_000_000);
/** A signed change of one part, in fen. */
const deltaFen = wholeNumber(-100_000_000, 100_000_000);
const tillMethod = z.enum(tillMethods, 'errors.choice');
/** Text of several lines (the published terms): line breaks kept (as \n), other control characters refused. */
const lines = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'errors.required')
        .max(max, 'errors.tooLong')
        .refine((v) => printable(v.replace(/\n/g, '')), 'errors.badCharacters'),
    );

export const walletSettingsInput = z.object({
  drawOrder: z.enum(drawOrders, 'errors.choice'),
  pointsOnStoredValue: z.enum(storedValuePointsModes, 'errors.choice'),
  capFen: fen(100),
  refundFeePct: wholeNumber(0, 100),
  visitcardRefundFeePct: wholeNumber(0, 100),
  expiringDays: wholeNumber(1, 365),
  terms: lines(2000),
});

export const walletPackagesInput = z.object({
  packages: z
    .array(
      z.object({
        id: id.optional(),
        payFen: fen(1),
        bonusFen: fen(0),
        bonusPoints: wholeNumber(0, 10_000_000),
        active: z.boolean(),
      }),
    )
    .max(20, 'errors.wallet.tooManyPackages'),
});

const dayRange = z
  .object({ from: calendarDate, to: calendarDate })
  .refine((v) => v.from <= v.to, { message: 'errors.member.dateRange', path: ['to'] });

/**
 * Stored value (储值) and the counter's money (issue 8 §1, §3). Top-ups, card refunds, adjustments
 * and reversals are request-id idempotent: a double click records one. Paying a purchase with stored
 * value is `purchases.record` with `storedValueFen`.
 */
export const walletChannels = {
  /** Settings, packages and the published terms: the counter needs them to top up. */
  'wallet.config': channel<WalletConfig>()({ input: z.object({}), access: 'members.read', idempotent: false }),
  'wallet.saveSettings': channel<WalletConfig>()({
    input: walletSettingsInput,
    access: 'wallet.manage',
    idempotent: true,
  }),
  'wallet.savePackages': channel<WalletConfig>()({
    input: walletPackagesInput,
    access: 'wallet.manage',
    idempotent: true,
  }),
  'wallet.summary': channel<WalletSummary>()({
    input: z.object({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'wallet.ledger': channel<Page<WalletEntry>>()({
    input: pageInput.extend({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'wallet.topup': channel<TopupResult>()({
    input: z.object({
      memberId: id,
      paidFen: fen(1),
      paymentMethod: tillMethod,
      /** The package whose bonus applies; null: no bonus. It must be active and the amount must reach it. */
      packageId: id.nullable().default(null),
    }),
    access: 'purchases.write',
    idempotent: true,
  }),
  /** A mistaken top-up undone by a reversing entry, while the balance still holds it (owner, manager). */
  'wallet.voidTopup': channel<WalletSummary>()({
    input: z.object({ topupId: id, reason: required(200) }),
    access: 'wallet.refund',
    idempotent: true,
  }),
  /** 退余额: the remaining principal less the terms' fee is paid out; the bonus is forfeited (owner, manager). */
  'wallet.refundBalance': channel<PayoutResult>()({
    input: z.object({ memberId: id, payoutMethod: tillMethod, reason: required(200) }),
    access: 'wallet.refund',
    idempotent: true,
  }),
  'wallet.adjust': channel<WalletSummary>()({
    input: z
      .object({ memberId: id, principalFen: deltaFen, bonusFen: deltaFen, reason: required(200) })
      .refine((v) => v.principalFen !== 0 || v.bonusFen !== 0, {
        message: 'errors.wallet.adjustZero',
        path: ['principalFen'],
      }),
    access: 'wallet.adjust',
    idempotent: true,
  }),
  /** Undo a manual adjustment by a reversing entry (owner). */
  'wallet.reverse': channel<WalletSummary>()({
    input: z.object({ entryId: id, reason: required(200) }),
    access: 'wallet.adjust',
    idempotent: true,
  }),
  /** The signed-in clerk's shift so far: from their last handover (or the shop day's start) to now. */
  'wallet.shift': channel<TillClose>()({ input: z.object({}), access: 'purchases.write', idempotent: false }),
  /** 交班: records the clerk's shift totals up to now. */
  'wallet.closeShift': channel<TillClose>()({ input: z.object({}), access: 'purchases.write', idempotent: true }),
  /** A business day's totals per clerk and payment method, with its recorded close if there is one. */
  'wallet.dayClose': channel<TillClose>()({
    input: z.object({ day: calendarDate }),
    access: 'wallet.report',
    idempotent: false,
  }),
  /** 日结: records the day's totals as closed (owner, manager); a later close of the same day records again. */
  'wallet.closeDay': channel<TillClose>()({
    input: z.object({ day: calendarDate }),
    access: 'wallet.report',
    idempotent: true,
  }),
  /** Recorded shift handovers and day closes of a shop day. */
  'wallet.closes': channel<TillClose[]>()({
    input: z.object({ day: calendarDate }),
    access: 'purchases.write',
    idempotent: false,
  }),
  'wallet.report': channel<WalletReport>()({ input: dayRange, access: 'wallet.report', idempotent: false }),
};
