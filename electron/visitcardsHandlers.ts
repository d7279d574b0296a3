import type { ChannelName, OutputOf, ParsedInputOf } from '../shared/contract/index.js';
import type { Ctx } from './context.js';
import { listExpiringCards } from './services/visitcards/expiring.js';
import { saveProduct } from './services/visitcards/products.js';
import { refundCard } from './services/visitcards/refund.js';
import { sellCard } from './services/visitcards/sell.js';
import { undoUse, useCard } from './services/visitcards/use.js';
import { listCards, listProducts, listUses } from './services/visitcards/view.js';

type VisitcardsChannel = Extract<ChannelName, `visitcards.${string}`>;
type Handlers = { [C in VisitcardsChannel]: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

/** Count cards: products, selling, deducting and undoing visits, refunds, the expiring-soon list. */
export const visitcardsHandlers: Handlers = {
  'visitcards.products': (ctx) => listProducts(ctx),
  'visitcards.saveProduct': saveProduct,
  'visitcards.sell': sellCard,
  'visitcards.list': listCards,
  'visitcards.use': useCard,
  'visitcards.undoUse': undoUse,
  'visitcards.uses': listUses,
  'visitcards.refund': refundCard,
  'visitcards.expiring': listExpiringCards,
};
