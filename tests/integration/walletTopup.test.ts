import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, closeShops, openShop, signedIn } from './harness.js';
import { expectLedgerConsistent, newMember, setDay } from './pointsHelpers.js';
import {
  accountOf,
  defaultWalletSettings,
  expectWalletConsistent,
  fingerprint,
  setPackages,
  setWallet,
  topUp,
} from './walletHelpers.js';

afterEach(closeShops);

describe('top-ups', () => {
  it('tops up ¥1,000 with the ¥100 package: principal, flat bonus, bonus points, terms, event, no audit', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'xiaoli', 'clerk');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const [p500, p1000] = await setPackages(owner, [
      [50000, 3000],
      [100000, 10000, 200],
    ]);
    const m = await newMember(clerk);
    const auditBefore = auditRows(h).length;
    const r = await topUp(clerk, m, 120000, { paymentMethod: 'wechat', packageId: p1000! });
    expect(r.topup).toMatchObject({
      memberId: m,
      paidFen: 120000,
      bonusFen: 10000,
      bonusPoints: 200,
      paymentMethod: 'wechat',
      voided: false,
      staffName: 'xiaoli',
      day: '2026-03-01',
    });
    expect(r.summary).toMatchObject({ principalFen: 120000, bonusFen: 10000, totalFen: 130000, capFen: 500000 });
    expect(r.terms).toBe(defaultWalletSettings.terms);
    expect(r.points).toMatchObject({ balance: 200, usable: 200 });
    expect(accountOf(h, m)).toEqual({ principal: 120000, bonus: 10000 });
    const row = h.backend.raw.prepare('select * from wallet_topups where id = ?').get(r.topup.id) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({ package_id: p1000, payment_method: 'wechat', voided_at: null });
    expect(h.backend.raw.prepare('select id, body from wallet_terms').all()).toEqual([
      { id: row.terms_id, body: defaultWalletSettings.terms },
    ]);
    expect(
      h.backend.raw
        .prepare('select kind, points, ref_type, ref_id from points_ledger where id = ?')
        .get(row.points_entry_id),
    ).toEqual({ kind: 'topupBonus', points: 200, ref_type: 'topup', ref_id: r.topup.id });
    const events = await clerk.call('members.timeline', { id: m });
    expect(events.rows[0]).toMatchObject({
      kind: 'walletTopup',
      data: { topupId: r.topup.id, paidFen: 120000, bonusFen: 10000, bonusPoints: 200, method: 'wechat' },
    });
    expect(auditRows(h)).toHaveLength(auditBefore);

    // A second top-up under the smaller package; without a package, no bonus; the same terms row.
    const r2 = await topUp(clerk, m, 50000, { packageId: p500! });
    expect(r2.topup.bonusFen).toBe(3000);
    expect(r2.points).toBeNull();
    const r3 = await topUp(clerk, m, 100);
    expect(r3.topup).toMatchObject({ bonusFen: 0, bonusPoints: 0 });
    expect(r3.summary).toMatchObject({ principalFen: 170100, bonusFen: 13000 });
    expect(h.backend.raw.prepare('select count(*) as n from wallet_terms').get()).toEqual({ n: 1 });
    expectWalletConsistent(h);
    expectLedgerConsistent(h);
  });

  it('refuses a package that is retired, unknown or not reached, and leaves everything as it was', async () => {
    const { h, owner } = await openShop();
    const [p1000] = await setPackages(owner, [[100000, 10000]]);
    const m = await newMember(owner);
    const before = fingerprint(h);
    const short = await owner.fail('wallet.topup', {
      memberId: m,
      paidFen: 99999,
      paymentMethod: 'cash',
      packageId: p1000!,
    });
    expect(short.fields?.packageId).toEqual({
      messageKey: 'errors.wallet.packageNotReached',
      params: { pay: '1000.00' },
    });
    const unknown = await owner.fail('wallet.topup', {
      memberId: m,
      paidFen: 100000,
      paymentMethod: 'cash',
      packageId: 999,
    });
    expect(unknown.fields?.packageId?.messageKey).toBe('errors.wallet.packageInactive');
    expect(fingerprint(h)).toEqual(before);
    await owner.call('wallet.savePackages', {
      packages: [{ id: p1000!, payFen: 100000, bonusFen: 10000, bonusPoints: 0, active: false }],
    });
    const retired = await owner.fail('wallet.topup', {
      memberId: m,
      paidFen: 100000,
      paymentMethod: 'cash',
      packageId: p1000!,
    });
    expect(retired.fields?.packageId?.messageKey).toBe('errors.wallet.packageInactive');
    expect(accountOf(h, m)).toEqual({ principal: 0, bonus: 0 });
  });

  it('caps the principal a member holds (bonus not counted), naming the cap and the room left', async () => {
    const { h, owner } = await openShop();
    const [p] = await setPackages(owner, [[400000, 50000]]);
    const m = await newMember(owner);
    await topUp(owner, m, 400000, { packageId: p! });
    const before = fingerprint(h);
    const over = await owner.fail('wallet.topup', { memberId: m, paidFen: 100001, paymentMethod: 'cash' });
    expect(over.fields?.paidFen).toEqual({
      messageKey: 'errors.wallet.overCap',
      params: { cap: '5000.00', room: '1000.00' },
    });
    expect(fingerprint(h)).toEqual(before);
    // Exactly to the cap is fine; the bonus sits on top of it.
    expect((await topUp(owner, m, 100000)).summary).toMatchObject({ principalFen: 500000, bonusFen: 50000 });
    expect(
      (await owner.fail('wallet.topup', { memberId: m, paidFen: 1, paymentMethod: 'cash' })).fields?.paidFen?.params,
    ).toEqual({
      cap: '5000.00',
      room: '0.00',
    });
    // A lower cap than a member already holds: the room is never negative, and a higher cap is allowed.
    await setWallet(owner, { capFen: 300000 });
    expect(
      (await owner.fail('wallet.topup', { memberId: m, paidFen: 1, paymentMethod: 'cash' })).fields?.paidFen?.params,
    ).toEqual({
      cap: '3000.00',
      room: '0.00',
    });
    await setWallet(owner, { capFen: 1_000_000 });
    expect((await topUp(owner, m, 500000)).summary.principalFen).toBe(1_000_000);
    expectWalletConsistent(h);
  });

  it('refuses an archived or merged member, an unknown one, and stored value as the method', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    await owner.call('members.setArchived', { id: m, archived: true });
    const before = fingerprint(h);
    expect((await owner.fail('wallet.topup', { memberId: m, paidFen: 100, paymentMethod: 'cash' })).messageKey).toBe(
      'errors.purchase.memberArchived',
    );
    expect((await owner.fail('wallet.topup', { memberId: 9999, paidFen: 100, paymentMethod: 'cash' })).code).toBe(
      'NOT_FOUND',
    );
    expect(fingerprint(h)).toEqual(before);
    const a = await newMember(owner);
    const b = await newMember(owner);
    await owner.call('members.merge', { survivorId: a, mergedId: b });
    expect((await owner.fail('wallet.topup', { memberId: b, paidFen: 100, paymentMethod: 'cash' })).messageKey).toBe(
      'errors.member.merged',
    );
    // Stored value is not a payment method for a top-up.
    const bad = await owner.fail('wallet.topup', {
      memberId: a,
      paidFen: 100,
      paymentMethod: 'storedValue' as 'cash',
    });
    expect(bad.fields?.paymentMethod?.messageKey).toBe('errors.choice');
  });

  it('records one top-up for a double click (the same request id twice)', async () => {
    const { h, owner } = await openShop();
    const [p] = await setPackages(owner, [[100000, 10000, 50]]);
    const m = await newMember(owner);
    const id = '00000000-0000-4000-8000-0000000000a1';
    const [a, b] = await Promise.all([
      topUp(owner, m, 100000, { packageId: p! }, id),
      topUp(owner, m, 100000, { packageId: p! }, id),
    ]);
    expect(a.topup.id).toBe(b.topup.id);
    const c = await topUp(owner, m, 100000, { packageId: p! }, id);
    expect(c.topup.id).toBe(a.topup.id);
    expect(h.backend.raw.prepare('select count(*) as n from wallet_topups').get()).toEqual({ n: 1 });
    expect(h.backend.raw.prepare('select count(*) as n from wallet_ledger').get()).toEqual({ n: 1 });
    expect(accountOf(h, m)).toEqual({ principal: 100000, bonus: 10000 });
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(50);
  });

  it('publishes a changed wording of the terms as a new row, and a top-up names the one shown', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const first = await topUp(owner, m, 100);
    const cfg = await setWallet(owner, { terms: '新条款：赠金不退。' });
    const second = await topUp(owner, m, 100);
    expect(second.terms).toBe('新条款：赠金不退。');
    const rows = h.backend.raw.prepare('select id, body from wallet_terms order by id').all() as {
      id: number;
      body: string;
    }[];
    expect(rows.map((r) => r.body)).toEqual([defaultWalletSettings.terms, '新条款：赠金不退。']);
    expect(cfg.termsId).toBe(rows[1]!.id);
    const termsOf = (id: number) =>
      (h.backend.raw.prepare('select terms_id from wallet_topups where id = ?').get(id) as { terms_id: number })
        .terms_id;
    expect(termsOf(first.topup.id)).toBe(rows[0]!.id);
    expect(termsOf(second.topup.id)).toBe(rows[1]!.id);
  });
});

describe('voiding a top-up', () => {
  it('takes back the principal, the bonus and the bonus points (owner or manager), once, with an audit', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'zhang', 'manager');
    await addStaff(owner, 'xiaoli', 'clerk');
    const manager = await signedIn(h, 'zhang', 'zhang-pass-1');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const [p] = await setPackages(owner, [[100000, 10000, 200]]);
    const m = await newMember(owner);
    await topUp(owner, m, 5000);
    const t = await topUp(clerk, m, 100000, { packageId: p! });
    const before = fingerprint(h);
    expect((await clerk.fail('wallet.voidTopup', { topupId: t.topup.id, reason: '按错了' })).code).toBe('FORBIDDEN');
    expect(fingerprint(h)).toEqual(before);
    const s = await manager.call('wallet.voidTopup', { topupId: t.topup.id, reason: '按错了' });
    expect(s).toMatchObject({ principalFen: 5000, bonusFen: 0 });
    expect((await owner.call('points.get', { memberId: m })).balance).toBe(0);
    const row = h.backend.raw.prepare('select * from wallet_topups where id = ?').get(t.topup.id) as Record<
      string,
      unknown
    >;
    expect(row.voided_at).not.toBeNull();
    expect(
      h.backend.raw
        .prepare(
          'select kind, principal_fen, bonus_fen, ref_type, ref_id, reverses_id, note from wallet_ledger where id = ?',
        )
        .get(row.void_entry_id),
    ).toEqual({
      kind: 'reversal',
      principal_fen: -100000,
      bonus_fen: -10000,
      ref_type: 'topup',
      ref_id: t.topup.id,
      reverses_id: row.entry_id,
      note: '按错了',
    });
    const events = await owner.call('members.timeline', { id: m });
    expect(events.rows[0]).toMatchObject({
      kind: 'walletTopupVoided',
      body: '按错了',
      data: { topupId: t.topup.id, paidFen: 100000, bonusFen: 10000, points: 200 },
    });
    expect(auditRows(h, 'wallet.topupVoided')).toMatchObject([
      { details: { memberId: m, topupId: t.topup.id, paidFen: 100000, bonusFen: 10000, points: 200 } },
    ]);
    expect(JSON.stringify(auditRows(h, 'wallet.topupVoided'))).not.toContain('按错了');
    const again = await owner.fail('wallet.voidTopup', { topupId: t.topup.id, reason: '再来' });
    expect(again.messageKey).toBe('errors.wallet.topupVoided');
    expect((await owner.fail('wallet.voidTopup', { topupId: 9999, reason: 'x' })).code).toBe('NOT_FOUND');
    expectWalletConsistent(h);
    expectLedgerConsistent(h);
  });

  it('refuses when the balance no longer holds the top-up; takes back only the bonus points still there', async () => {
    const { h, owner } = await openShop();
    await setWallet(owner, { drawOrder: 'bonusFirst' });
    const [p] = await setPackages(owner, [[100000, 10000, 300]]);
    const m = await newMember(owner);
    const t = await topUp(owner, m, 100000, { packageId: p! });
    // Spend 100 of the 300 bonus points and ¥1 of the bonus.
    await owner.call('purchases.record', { memberId: m, amountFen: 10100, pointsUsed: 100, paymentMethod: 'cash' });
    await owner.call('purchases.record', { memberId: m, amountFen: 100, storedValueFen: 100, paymentMethod: 'cash' });
    const before = fingerprint(h);
    const spent = await owner.fail('wallet.voidTopup', { topupId: t.topup.id, reason: '作废' });
    expect(spent).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.wallet.topupSpent',
      params: { principal: '1000.00', bonus: '99.00' },
    });
    expect(fingerprint(h)).toEqual(before);
    // Put the ¥1 back by an adjustment: now the void goes through, taking the 200 points left.
    await owner.call('wallet.adjust', { memberId: m, principalFen: 0, bonusFen: 100, reason: '补回' });
    await owner.call('wallet.voidTopup', { topupId: t.topup.id, reason: '作废' });
    const taken = h.backend.raw
      .prepare(`select sum(points) as n from points_ledger where kind = 'topupBonus' and ref_type = 'topupVoid'`)
      .get() as { n: number };
    expect(taken.n).toBe(-200);
    expect(accountOf(h, m)).toEqual({ principal: 0, bonus: 0 });
    expectWalletConsistent(h);
    expectLedgerConsistent(h);
  });

  it('voids a top-up from an earlier day, and the void is on its own day', async () => {
    const { h, owner } = await openShop();
    const m = await newMember(owner);
    const t = await topUp(owner, m, 8000);
    const later = await setDay(h, '2026-03-05');
    await later.call('wallet.voidTopup', { topupId: t.topup.id, reason: '作废' });
    const rows = h.backend.raw.prepare('select kind, day from wallet_ledger order by id').all();
    expect(rows).toEqual([
      { kind: 'topup', day: '2026-03-01' },
      { kind: 'reversal', day: '2026-03-05' },
    ]);
  });
});
