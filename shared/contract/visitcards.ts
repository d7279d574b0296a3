import { z } from 'zod';
import { channel } from './channel.js';
import type { Page } from '../domain.js';
import { paymentMethods } from '../points.js';
import type {
  ExpiringVisitcard,
  SellResult,
  UseResult,
  Visitcard,
  VisitcardProduct,
  VisitcardRefundResult,
  VisitcardUse,
} from '../visitcards.js';
import { tillMethods } from '../wallet.js';
import { calendarDate, freeText, id, pageInput, wholeNumber } from './fields.js';

const required = (max: number) => freeText(max).pipe(z.string().min(1, 'errors.required'));

export const validityInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('days'), days: wholeNumber(1, 3650) }),
    z.object({ kind: z.literal('until'), until: calendarDate }),
    z.object({ kind: z.literal('none') }),
  ],
  'errors.choice',
);

export const visitcardProductInput = z.object({
  id: id.optional(),
  name: required(40),
  services: z.array(required(40)).min(1, 'errors.required').max(20, 'errors.range'),
  uses: wholeNumber(1, 1000),
  priceFen: wholeNumber(0, 100_000_000),
  validity: validityInput,
  perDayLimit: wholeNumber(1, 100).nullable(),
  weekdaysOnly: z.boolean(),
  active: z.boolean(),
});

/**
 * Count cards (次卡, issue 8 §2): the shop's card products, selling one, deducting a visit, undoing
 * a mistaken deduction, refunding unused visits pro rata, and the expiring-soon list.
 */
export const visitcardsChannels = {
  /** Every product, retired ones too (cards sold name them). */
  'visitcards.products': channel<VisitcardProduct[]>()({
    input: z.object({}),
    access: 'members.read',
    idempotent: false,
  }),
  'visitcards.saveProduct': channel<VisitcardProduct[]>()({
    input: visitcardProductInput,
    access: 'visitcards.manage',
    idempotent: true,
  }),
  'visitcards.sell': channel<SellResult>()({
    input: z.object({ memberId: id, productId: id, paymentMethod: z.enum(paymentMethods, 'errors.choice') }),
    access: 'purchases.write',
    idempotent: true,
  }),
  /** A member's cards, newest first; ended ones (used up, expired, refunded) too when asked. */
  'visitcards.list': channel<Visitcard[]>()({
    input: z.object({ memberId: id, includeEnded: z.boolean().default(false) }),
    access: 'members.read',
    idempotent: false,
  }),
  'visitcards.use': channel<UseResult>()({
    input: z.object({ cardId: id, service: freeText(40).default('') }),
    access: 'purchases.write',
    idempotent: true,
  }),
  'visitcards.undoUse': channel<Visitcard>()({
    input: z.object({ useId: id, reason: required(200) }),
    access: 'purchases.write',
    idempotent: true,
  }),
  'visitcards.uses': channel<VisitcardUse[]>()({
    input: z.object({ cardId: id }),
    access: 'members.read',
    idempotent: false,
  }),
  'visitcards.refund': channel<VisitcardRefundResult>()({
    input: z.object({ cardId: id, payoutMethod: z.enum(tillMethods, 'errors.choice'), reason: required(200) }),
    access: 'wallet.refund',
    idempotent: true,
  }),
  /** Cards still usable whose last day falls within the settings' days ahead, soonest first. */
  'visitcards.expiring': channel<Page<ExpiringVisitcard>>()({
    input: pageInput,
    access: 'members.read',
    idempotent: false,
  }),
};
