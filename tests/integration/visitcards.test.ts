import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, closeShops, openShop, signedIn } from './harness.js';
import { newMember, setDay } from './pointsHelpers.js';
import {
  count,
  expectCardsConsistent,
  fingerprint,
  giveWallet,
  newProduct,
  productInput,
} from './visitcardsHelpers.js';

afterEach(closeShops);

/** A shop on Sunday 1 March 2026, 10:00 Beijing time, with a manager and a clerk signed in. */
async function shop() {
  const { h, owner } = await openShop();
  await addStaff(owner, 'mgr', 'manager');
  await addStaff(owner, 'clerk1', 'clerk');
  const manager = await signedIn(h, 'mgr', 'mgr-pass-1');
  const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
  return { h, owner, manager, clerk };
}

describe('count-card products', () => {
  it('are saved by the owner and managers, retired never deleted, audited', async () => {
    const { h, owner, manager, clerk } = await shop();
    const created = await owner.call(
      'visitcards.saveProduct',
      productInput({ services: ['洗车', '打蜡'], perDayLimit: 1, weekdaysOnly: true }),
    );
    expect(created).toEqual([
      {
        id: created[0]!.id,
        name: '洗车十次卡',
        services: ['洗车', '打蜡'],
        uses: 10,
        priceFen: 30_000,
        validity: { kind: 'days', days: 30 },
        perDayLimit: 1,
        weekdaysOnly: true,
        active: true,
      },
    ]);
    const id = created[0]!.id;
    const updated = await manager.call(
      'visitcards.saveProduct',
      productInput({ id, priceFen: 28_800, validity: { kind: 'until', until: '2026-06-30' } }),
    );
    expect(updated[0]).toMatchObject({ id, priceFen: 28_800, validity: { kind: 'until', until: '2026-06-30' } });
    await manager.call('visitcards.saveProduct', productInput({ name: '无限期卡', validity: { kind: 'none' } }));
    const retired = await owner.call('visitcards.saveProduct', productInput({ id, active: false }));
    expect(retired.map((p) => [p.name, p.active, p.validity.kind])).toEqual([
      ['洗车十次卡', false, 'days'],
      ['无限期卡', true, 'none'],
    ]);
    // Clerks read the products (to sell) but do not change them.
    expect(await clerk.call('visitcards.products', {})).toEqual(retired);
    const before = fingerprint(h);
    expect((await clerk.fail('visitcards.saveProduct', productInput())).code).toBe('FORBIDDEN');
    expect(fingerprint(h)).toBe(before);
    expect(auditRows(h, 'visitcards.productSaved').map((r) => r.details)).toEqual([
      { productId: id, created: true, uses: 10, priceFen: 30_000, active: true },
      { productId: id, created: false, uses: 10, priceFen: 28_800, active: true },
      { productId: id + 1, created: true, uses: 10, priceFen: 30_000, active: true },
      { productId: id, created: false, uses: 10, priceFen: 30_000, active: false },
    ]);
  });

  it('refuses a past end date, a service listed twice and an unknown product, changing nothing', async () => {
    const { h, owner } = await shop();
    const id = await newProduct(owner);
    const before = fingerprint(h);
    const past = await owner.fail(
      'visitcards.saveProduct',
      productInput({ validity: { kind: 'until', until: '2026-02-28' } }),
    );
    expect(past.fields).toEqual({ 'validity.until': { messageKey: 'errors.visitcards.untilPast' } });
    const twice = await owner.fail('visitcards.saveProduct', productInput({ services: ['洗车', '打蜡', '洗车'] }));
    expect(twice.fields).toEqual({ 'services.2': { messageKey: 'errors.visitcards.duplicateService' } });
    const unknown = await owner.fail('visitcards.saveProduct', productInput({ id: id + 99 }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.visitcards.productNotFound' });
    expect(fingerprint(h)).toBe(before);
    // Today is still a valid end date, and an outdated product can be retired.
    await owner.call('visitcards.saveProduct', productInput({ id, validity: { kind: 'until', until: '2026-03-01' } }));
    const later = await setDay(h, '2026-04-01');
    const all = await later.call(
      'visitcards.saveProduct',
      productInput({ id, validity: { kind: 'until', until: '2026-03-01' }, active: false }),
    );
    expect(all[0]!.active).toBe(false);
  });
});

describe('selling a count card', () => {
  it('copies the product terms, records the payment, earns no points, and applies a request id once', async () => {
    const sellRequestId = randomUUID();
    const { h, owner, clerk } = await shop();
    const product = await newProduct(owner, { services: ['洗车', '打蜡'], perDayLimit: 2 });
    const m = await newMember(clerk);
    const sold = await clerk.call(
      'visitcards.sell',
      { memberId: m, productId: product, paymentMethod: 'wechat' },
      sellRequestId,
    );
    expect(sold).toEqual({
      card: {
        id: sold.card.id,
        memberId: m,
        productId: product,
        name: '洗车十次卡',
        services: ['洗车', '打蜡'],
        usesTotal: 10,
        usesLeft: 10,
        priceFen: 30_000,
        perDayLimit: 2,
        weekdaysOnly: false,
        // 30 days after the sale day, the sale day usable too.
        expiresOn: '2026-03-31',
        state: 'active',
        paymentMethod: 'wechat',
        soldDay: '2026-03-01',
        soldAt: '2026-03-01T02:00:00.000Z',
        refundFen: 0,
        refundedUses: 0,
        usedToday: 0,
      },
      wallet: null,
    });
    const again = await clerk.call(
      'visitcards.sell',
      { memberId: m, productId: product, paymentMethod: 'wechat' },
      sellRequestId,
    );
    expect(again.card.id).toBe(sold.card.id);
    expect(count(h, 'visitcards')).toBe(1);
    // A later edit of the product changes no card already sold.
    await owner.call('visitcards.saveProduct', productInput({ id: product, uses: 20, priceFen: 50_000 }));
    const [card] = await clerk.call('visitcards.list', { memberId: m });
    expect(card).toMatchObject({ usesTotal: 10, priceFen: 30_000 });
    // No points, no tier growth, no purchase.
    expect(count(h, 'points_ledger')).toBe(0);
    expect(count(h, 'purchases')).toBe(0);
    expect((await clerk.call('points.get', { memberId: m })).balance).toBe(0);
    const timeline = await clerk.call('members.timeline', { id: m });
    expect(timeline.rows[0]).toMatchObject({
      kind: 'visitcardSold',
      data: { cardId: sold.card.id, name: '洗车十次卡', uses: 10, priceFen: 30_000, method: 'wechat' },
    });
    expect(
      auditRows(h).filter((r) => r.action.startsWith('visitcards.') && r.action !== 'visitcards.productSaved'),
    ).toEqual([]);
  });

  it('validity: a fixed end date, none, and a product whose end date has passed is not sold', async () => {
    const { h, owner, clerk } = await shop();
    const until = await newProduct(owner, { validity: { kind: 'until', until: '2026-03-10' } });
    const none = await newProduct(owner, { validity: { kind: 'none' } });
    const m = await newMember(clerk);
    const a = await clerk.call('visitcards.sell', { memberId: m, productId: until, paymentMethod: 'cash' });
    const b = await clerk.call('visitcards.sell', { memberId: m, productId: none, paymentMethod: 'cash' });
    expect([a.card.expiresOn, b.card.expiresOn]).toEqual(['2026-03-10', null]);
    const later = await setDay(h, '2026-03-11');
    const before = fingerprint(h);
    expect(await later.fail('visitcards.sell', { memberId: m, productId: until, paymentMethod: 'cash' })).toMatchObject(
      {
        code: 'CONFLICT',
        messageKey: 'errors.visitcards.productEnded',
        params: { day: '2026-03-10' },
      },
    );
    expect(fingerprint(h)).toBe(before);
  });

  it('refuses a retired or unknown product, an archived, merged or erased member, and too little stored value', async () => {
    const { h, owner, clerk } = await shop();
    const product = await newProduct(owner);
    const retired = await newProduct(owner, { name: '旧卡' });
    await owner.call('visitcards.saveProduct', productInput({ id: retired, name: '旧卡', active: false }));
    const m = await newMember(clerk);
    const archived = await newMember(clerk);
    await owner.call('members.setArchived', { id: archived, archived: true });
    const merged = await newMember(clerk);
    await owner.call('members.merge', { survivorId: m, mergedId: merged });
    const erased = await owner.call('members.get', { id: await newMember(clerk) });
    await owner.call('members.erase', { id: erased.id, confirm: erased.memberNo });
    await giveWallet(owner, m, 20_000, 5_000);
    const before = fingerprint(h);
    const sell = (memberId: number, productId = product, paymentMethod: 'cash' | 'storedValue' = 'cash') =>
      clerk.fail('visitcards.sell', { memberId, productId, paymentMethod });
    expect(await sell(m, retired)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.visitcards.productInactive' });
    expect(await sell(m, product + 99)).toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'errors.visitcards.productNotFound',
    });
    expect(await sell(archived)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.purchase.memberArchived' });
    expect(await sell(merged)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.member.merged' });
    expect(await sell(erased.id)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.member.erased' });
    expect(await sell(m + 99)).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.member.notFound' });
    expect((await sell(m, product, 'storedValue')).fields).toEqual({
      paymentMethod: { messageKey: 'errors.wallet.notEnough', params: { balance: '250.00' } },
    });
    expect(fingerprint(h)).toBe(before);
    expectCardsConsistent(h);
  });
});

describe('the expiring-soon list', () => {
  it('lists usable cards ending within the settings days, soonest first, paged, phones masked for clerks', async () => {
    const { h, owner, clerk } = await shop();
    const days = async (n: number) => newProduct(owner, { name: `${n}天卡`, validity: { kind: 'days', days: n } });
    const [d5, d2, d40, d10, d20] = [await days(5), await days(2), await days(40), await days(10), await days(20)];
    const none = await newProduct(owner, { name: '不限期', validity: { kind: 'none' } });
    const one = await newProduct(owner, { name: '单次', uses: 1, validity: { kind: 'days', days: 3 } });
    const a = await newMember(clerk);
    const b = await newMember(clerk);
    const sell = async (memberId: number, productId: number) =>
      (await clerk.call('visitcards.sell', { memberId, productId, paymentMethod: 'cash' })).card.id;
    const c5 = await sell(a, d5);
    const c2 = await sell(b, d2);
    await sell(a, d40);
    await sell(a, none);
    const used = await sell(b, one);
    await clerk.call('visitcards.use', { cardId: used, service: '' });
    const refunded = await sell(b, d10);
    await owner.call('visitcards.refund', { cardId: refunded, payoutMethod: 'cash', reason: '不要了' });
    const c20 = await sell(a, d20);
    const page = await clerk.call('visitcards.expiring', { page: 1, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.card.id, r.card.expiresOn])).toEqual([
      [c2, '2026-03-03'],
      [c5, '2026-03-06'],
    ]);
    expect(page.rows[0]!.memberName).toMatch(/^会员/);
    expect(page.rows[0]!.memberPhone).toContain('****');
    const second = await owner.call('visitcards.expiring', { page: 2, pageSize: 2 });
    expect(second.rows.map((r) => r.card.id)).toEqual([c20]);
    expect(second.rows[0]!.memberPhone).not.toContain('*');
    // Past its last day a card leaves the list; a shorter window leaves out the 20-day card.
    const settings = (await owner.call('wallet.config', {})).settings;
    // (The terms on one line: the contract's free text refuses line breaks.)
    await owner.call('wallet.saveSettings', {
      ...settings,
      terms: settings.terms.replace(/\n/g, ' '),
      expiringDays: 10,
    });
    const later = await setDay(h, '2026-03-04');
    expect((await later.call('visitcards.expiring', {})).rows.map((r) => r.card.id)).toEqual([c5]);
    // The list is cut on the partial index.
    const plan = h.backend.raw
      .prepare(
        `explain query plan select * from visitcards where refunded_at is null and uses_left > 0
         and expires_on is not null and expires_on >= ? and expires_on <= ? order by expires_on, id limit 50`,
      )
      .all('2026-03-04', '2026-04-03') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('visitcards_expiring');
  });
});
