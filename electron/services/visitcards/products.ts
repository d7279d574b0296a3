import { appError, fieldError } from '../../../shared/errors.js';
import type { Validity, VisitcardProduct } from '../../../shared/visitcards.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { shopToday } from '../members/view.js';
import { listProducts } from './view.js';

export interface ProductInput {
  id?: number | undefined;
  name: string;
  services: string[];
  uses: number;
  priceFen: number;
  validity: Validity;
  perDayLimit: number | null;
  weekdaysOnly: boolean;
  active: boolean;
}

/**
 * Creates or updates a card product (owner, manager). Cards already sold keep the terms they were
 * sold with; a product is retired (active false), never deleted, since cards name it. A fixed end
 * date already past is refused for an active product only: retiring an outdated one must work.
 */
export async function saveProduct(ctx: Ctx, input: ProductInput): Promise<VisitcardProduct[]> {
  const me = requireStaff(ctx);
  const seen = new Set<string>();
  input.services.forEach((s, i) => {
    if (seen.has(s)) throw fieldError(`services.${i}`, 'errors.visitcards.duplicateService');
    seen.add(s);
  });
  if (input.active && input.validity.kind === 'until' && input.validity.until < shopToday(ctx))
    throw fieldError('validity.until', 'errors.visitcards.untilPast');
  const v = input.validity;
  const values = {
    name: input.name,
    services: JSON.stringify(input.services),
    uses: input.uses,
    price_fen: input.priceFen,
    validity_kind: v.kind,
    validity_days: v.kind === 'days' ? v.days : null,
    valid_until: v.kind === 'until' ? v.until : null,
    per_day_limit: input.perDayLimit,
    weekdays_only: input.weekdaysOnly ? 1 : 0,
    active: input.active ? 1 : 0,
  };
  let productId: number;
  if (input.id !== undefined) {
    const r = await ctx.db
      .updateTable('visitcard_products')
      .set(values)
      .where('id', '=', input.id)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw appError('NOT_FOUND', 'errors.visitcards.productNotFound');
    productId = r.id;
  } else {
    const r = await ctx.db
      .insertInto('visitcard_products')
      .values({ ...values, created_at: ctx.nowIso })
      .returning('id')
      .executeTakeFirstOrThrow();
    productId = r.id;
  }
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'visitcards.productSaved',
    details: {
      productId,
      created: input.id === undefined,
      uses: input.uses,
      priceFen: input.priceFen,
      active: input.active,
    },
  });
  return listProducts(ctx);
}
