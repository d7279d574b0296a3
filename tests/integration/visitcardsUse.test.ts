import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, closeShops, openShop, signedIn, type Client } from './harness.js';
import { newMember } from './pointsHelpers.js';
import { at, count, expectCardsConsistent, fingerprint, newProduct } from './visitcardsHelpers.js';

afterEach(closeShops);

/** A shop on Sunday 1 March 2026 (10:00 Beijing time) with a manager and a clerk, and one member. */
async function shop() {
  const { h, owner } = await openShop();
  await addStaff(owner, 'mgr', 'manager');
  await addStaff(owner, 'clerk1', 'clerk');
  const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
  const m = await newMember(clerk);
  return { h, owner, clerk, m };
}

const sell = async (c: Client, memberId: number, productId: number) =>
  (await c.call('visitcards.sell', { memberId, productId, paymentMethod: 'cash' })).card.id;

describe('deducting a visit', () => {
  it('takes one visit off the card, names the service, and applies a request id once', async () => {
    const useRequestId = randomUUID();
    const { h, owner, clerk, m } = await shop();
    const card = await sell(clerk, m, await newProduct(owner, { services: ['洗车', '打蜡'] }));
    const used = await clerk.call('visitcards.use', { cardId: card, service: '' }, useRequestId);
    expect(used.card).toMatchObject({ id: card, usesLeft: 9, usedToday: 1, state: 'active' });
    expect(used.use).toEqual({
      id: used.use.id,
      visitcardId: card,
      uses: 1,
      service: '洗车',
      reversesId: null,
      reversedBy: null,
      note: '',
      staffName: 'clerk1',
      at: '2026-03-01T02:00:00.000Z',
      day: '2026-03-01',
    });
    expect((await clerk.call('visitcards.use', { cardId: card, service: '' }, useRequestId)).use.id).toBe(used.use.id);
    expect(count(h, 'visitcard_uses')).toBe(1);
    const waxed = await clerk.call('visitcards.use', { cardId: card, service: '打蜡' });
    expect(waxed.use.service).toBe('打蜡');
    expect(waxed.card.usesLeft).toBe(8);
    const timeline = await clerk.call('members.timeline', { id: m });
    expect(timeline.rows[0]).toMatchObject({
      kind: 'visitcardUsed',
      data: { cardId: card, useId: waxed.use.id, name: '洗车十次卡', service: '打蜡', usesLeft: 8 },
    });
    const before = fingerprint(h);
    expect((await clerk.fail('visitcards.use', { cardId: card, service: '抛光' })).fields).toEqual({
      service: { messageKey: 'errors.visitcards.badService', params: { services: '洗车、打蜡' } },
    });
    expect(await clerk.fail('visitcards.use', { cardId: card + 99, service: '' })).toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'errors.visitcards.notFound',
    });
    expect(fingerprint(h)).toBe(before);
    expectCardsConsistent(h);
  });

  it('refuses a used-up card, and one of an archived member, changing nothing', async () => {
    const { h, owner, clerk, m } = await shop();
    const card = await sell(clerk, m, await newProduct(owner, { uses: 2 }));
    await clerk.call('visitcards.use', { cardId: card, service: '' });
    const last = await clerk.call('visitcards.use', { cardId: card, service: '' });
    expect(last.card).toMatchObject({ usesLeft: 0, state: 'usedUp' });
    let before = fingerprint(h);
    expect(await clerk.fail('visitcards.use', { cardId: card, service: '' })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.visitcards.usedUp',
    });
    expect(fingerprint(h)).toBe(before);
    const other = await sell(clerk, m, await newProduct(owner));
    await owner.call('members.setArchived', { id: m, archived: true });
    before = fingerprint(h);
    expect((await clerk.fail('visitcards.use', { cardId: other, service: '' })).messageKey).toBe(
      'errors.purchase.memberArchived',
    );
    expect(fingerprint(h)).toBe(before);
    expectCardsConsistent(h);
  });

  it('expires after its last shop day: 23:59 yes, 00:01 no; with a day-start hour of 4, 03:59 still yes', async () => {
    const { h, owner, clerk, m } = await shop();
    // One day of validity from Sunday 1 March: the last day is Monday 2 March.
    const product = await newProduct(owner, { validity: { kind: 'days', days: 1 } });
    const a = await sell(clerk, m, product);
    const b = await sell(clerk, m, product);
    let [o] = await at(h, '2026-03-02T15:59:00Z'); // 23:59 on 2 March
    expect((await o!.call('visitcards.use', { cardId: a, service: '' })).card.usesLeft).toBe(9);
    [o] = await at(h, '2026-03-02T16:01:00Z'); // 00:01 on 3 March
    const before = fingerprint(h);
    expect(await o!.fail('visitcards.use', { cardId: a, service: '' })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.visitcards.expired',
      params: { day: '2026-03-02' },
    });
    expect(fingerprint(h)).toBe(before);
    expect((await o!.call('visitcards.list', { memberId: m, includeEnded: true })).map((c) => c.state)).toEqual([
      'expired',
      'expired',
    ]);
    // A shop open past midnight: at 03:59 on 3 March it is still 2 March's shop day.
    const settings = await o!.call('settings.get', {});
    await o!.call('settings.update', { ...settings, dayStartHour: 4 });
    [o] = await at(h, '2026-03-02T19:59:00Z');
    const late = await o!.call('visitcards.use', { cardId: b, service: '' });
    expect(late.use.day).toBe('2026-03-02');
    [o] = await at(h, '2026-03-02T20:00:00Z'); // 04:00: the new shop day
    expect((await o!.fail('visitcards.use', { cardId: b, service: '' })).messageKey).toBe('errors.visitcards.expired');
    expectCardsConsistent(h);
  });

  it('weekdays only: Friday 23:59 yes, Saturday 00:01 no, Monday yes; Saturday 03:59 is Friday when the day starts at 4', async () => {
    const { h, owner, clerk, m } = await shop();
    const product = await newProduct(owner, { weekdaysOnly: true });
    const card = await sell(clerk, m, product);
    const before = fingerprint(h);
    // Sunday 1 March, the sale day itself.
    expect((await clerk.fail('visitcards.use', { cardId: card, service: '' })).messageKey).toBe(
      'errors.visitcards.weekdaysOnly',
    );
    expect(fingerprint(h)).toBe(before);
    let [o] = await at(h, '2026-03-06T15:59:00Z'); // Friday 23:59
    await o!.call('visitcards.use', { cardId: card, service: '' });
    [o] = await at(h, '2026-03-06T16:01:00Z'); // Saturday 00:01
    expect((await o!.fail('visitcards.use', { cardId: card, service: '' })).messageKey).toBe(
      'errors.visitcards.weekdaysOnly',
    );
    [o] = await at(h, '2026-03-08T16:01:00Z'); // Monday 00:01
    await o!.call('visitcards.use', { cardId: card, service: '' });
    const settings = await o!.call('settings.get', {});
    await o!.call('settings.update', { ...settings, dayStartHour: 4 });
    [o] = await at(h, '2026-03-13T19:59:00Z'); // Saturday 14 March 03:59: Friday's shop day
    expect((await o!.call('visitcards.use', { cardId: card, service: '' })).use.day).toBe('2026-03-13');
    [o] = await at(h, '2026-03-13T20:00:00Z'); // Saturday 04:00
    expect((await o!.fail('visitcards.use', { cardId: card, service: '' })).messageKey).toBe(
      'errors.visitcards.weekdaysOnly',
    );
    expectCardsConsistent(h);
  });

  it('per-day limit: counts visits of the shop day not undone; a new shop day starts afresh', async () => {
    const { h, owner, clerk, m } = await shop();
    const card = await sell(clerk, m, await newProduct(owner, { perDayLimit: 2 }));
    const first = await clerk.call('visitcards.use', { cardId: card, service: '' });
    await clerk.call('visitcards.use', { cardId: card, service: '' });
    const before = fingerprint(h);
    expect(await clerk.fail('visitcards.use', { cardId: card, service: '' })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.visitcards.dailyLimit',
      params: { limit: 2 },
    });
    expect(fingerprint(h)).toBe(before);
    // Undoing one frees a place today.
    await clerk.call('visitcards.undoUse', { useId: first.use.id, reason: '误扣' });
    expect((await clerk.call('visitcards.use', { cardId: card, service: '' })).card.usedToday).toBe(2);
    const settings = await owner.call('settings.get', {});
    await owner.call('settings.update', { ...settings, dayStartHour: 4 });
    let [o] = await at(h, '2026-03-01T19:59:00Z'); // 03:59 on 2 March: still 1 March's shop day
    expect((await o!.fail('visitcards.use', { cardId: card, service: '' })).messageKey).toBe(
      'errors.visitcards.dailyLimit',
    );
    [o] = await at(h, '2026-03-01T20:00:00Z');
    const next = await o!.call('visitcards.use', { cardId: card, service: '' });
    expect(next.card).toMatchObject({ usedToday: 1, usesLeft: 7 });
    expectCardsConsistent(h);
  });
});

describe('undoing a visit', () => {
  it('adds a reversing row with the reason, once; lists it with who did it', async () => {
    const undoRequestId = randomUUID();
    const { h, owner, clerk, m } = await shop();
    const card = await sell(clerk, m, await newProduct(owner));
    const used = await clerk.call('visitcards.use', { cardId: card, service: '' });
    const undone = await clerk.call('visitcards.undoUse', { useId: used.use.id, reason: '扣错了' }, undoRequestId);
    expect(undone).toMatchObject({ id: card, usesLeft: 10, usedToday: 0 });
    expect(await clerk.call('visitcards.undoUse', { useId: used.use.id, reason: '扣错了' }, undoRequestId)).toEqual(
      undone,
    );
    const uses = await clerk.call('visitcards.uses', { cardId: card });
    expect(uses).toMatchObject([
      { uses: -1, reversesId: used.use.id, reversedBy: null, note: '扣错了', staffName: 'clerk1', service: '洗车' },
      { id: used.use.id, uses: 1, reversedBy: uses[0]!.id },
    ]);
    const timeline = await clerk.call('members.timeline', { id: m });
    expect(timeline.rows[0]).toMatchObject({
      kind: 'visitcardUseUndone',
      body: '扣错了',
      data: { cardId: card, useId: used.use.id, usesLeft: 10 },
    });
    const before = fingerprint(h);
    const fail = (useId: number) => clerk.fail('visitcards.undoUse', { useId, reason: '再撤' });
    expect(await fail(used.use.id)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.visitcards.alreadyUndone' });
    expect(await fail(uses[0]!.id)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.visitcards.notAUse' });
    expect(await fail(uses[0]!.id + 99)).toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'errors.visitcards.useNotFound',
    });
    expect(fingerprint(h)).toBe(before);
    expectCardsConsistent(h);
  });

  it('a clerk undoes only today’s visits; an older one needs a manager; none after a refund', async () => {
    const { h, owner, clerk, m } = await shop();
    const card = await sell(clerk, m, await newProduct(owner));
    const old = await clerk.call('visitcards.use', { cardId: card, service: '' });
    const [o, mgr, c] = await at(h, '2026-03-02T02:00:00Z', 'mgr', 'clerk1');
    const before = fingerprint(h);
    expect(await c!.fail('visitcards.undoUse', { useId: old.use.id, reason: '昨天扣错' })).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'errors.visitcards.undoOldNeedsManager',
      params: { day: '2026-03-01' },
    });
    expect(fingerprint(h)).toBe(before);
    expect((await mgr!.call('visitcards.undoUse', { useId: old.use.id, reason: '昨天扣错' })).usesLeft).toBe(10);
    const today = await c!.call('visitcards.use', { cardId: card, service: '' });
    await o!.call('visitcards.refund', { cardId: card, payoutMethod: 'cash', reason: '退卡' });
    const after = fingerprint(h);
    expect(await c!.fail('visitcards.undoUse', { useId: today.use.id, reason: '撤' })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.visitcards.refunded',
    });
    expect(await c!.fail('visitcards.use', { cardId: card, service: '' })).toMatchObject({
      messageKey: 'errors.visitcards.refunded',
    });
    expect(fingerprint(h)).toBe(after);
    expectCardsConsistent(h);
  });
});

describe('a member’s cards', () => {
  it('lists the usable ones newest first, the ended ones too when asked, with today’s visits', async () => {
    const { h, owner, clerk, m } = await shop();
    const p = await newProduct(owner, { uses: 1 });
    const q = await newProduct(owner, { name: '十次', validity: { kind: 'none' } });
    const usedUp = await sell(clerk, m, p);
    await clerk.call('visitcards.use', { cardId: usedUp, service: '' });
    const refunded = await sell(clerk, m, q);
    await owner.call('visitcards.refund', { cardId: refunded, payoutMethod: 'wechat', reason: '退' });
    const older = await sell(clerk, m, q);
    const newer = await sell(clerk, m, q);
    await clerk.call('visitcards.use', { cardId: older, service: '' });
    const active = await clerk.call('visitcards.list', { memberId: m });
    expect(active.map((c) => [c.id, c.usedToday])).toEqual([
      [newer, 0],
      [older, 1],
    ]);
    const all = await clerk.call('visitcards.list', { memberId: m, includeEnded: true });
    expect(all.map((c) => [c.id, c.state])).toEqual([
      [newer, 'active'],
      [older, 'active'],
      [refunded, 'refunded'],
      [usedUp, 'usedUp'],
    ]);
    expect(await clerk.fail('visitcards.list', { memberId: m + 99 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await clerk.fail('visitcards.uses', { cardId: newer + 99 })).toMatchObject({ code: 'NOT_FOUND' });
    expectCardsConsistent(h);
  });
});
