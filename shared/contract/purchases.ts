import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import {
  paymentMethods,
  type ConsumptionHabits,
  type PurchaseInfo,
  type PurchaseResult,
  type RefundResult,
} from '../points.js';
import { freeText, id, pageInput } from './fields.js';

/** Up to ¥1,000,000 in fen: one sale in a small shop, with room to spare. */
const fen = z.number('errors.invalid').int('errors.money').min(0, 'errors.range').max(100_000_000, 'errors.range');

export const purchaseInput = z.object({
  memberId: id,
  amountFen: fen.min(1, 'errors.purchase.amountZero'),
  pointsUsed: z.number().int('errors.integer').min(0, 'errors.range').max(100_000_000, 'errors.range').default(0),
  couponFen: fen.default(0),
  /** The part paid from the member's stored value; the rest is paid by `paymentMethod`. */
  storedValueFen: fen.default(0),
  receiptNo: freeText(40).default(''),
  category: freeText(40).default(''),
  items: freeText(200).default(''),
  paymentMethod: z.enum(paymentMethods, 'errors.choice'),
});

export const purchasesChannels = {
  'purchases.record': channel<PurchaseResult>()({ input: purchaseInput, access: 'purchases.write', idempotent: true }),
  'purchases.refund': channel<RefundResult>()({
    input: z.object({
      purchaseId: id,
      amountFen: fen.min(1, 'errors.purchase.amountZero'),
      reason: freeText(200).default(''),
    }),
    access: 'purchases.write',
    idempotent: true,
  }),
  'purchases.list': channel<Page<PurchaseInfo>>()({
    input: pageInput.extend({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'purchases.habits': channel<ConsumptionHabits>()({
    input: z.object({ memberId: id }),
    access: 'members.read',
    idempotent: false,
  }),
};
