import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, auditRows, closeShops, openShop, signedIn, type Harness } from './harness.js';
import { newMember, setDay } from './pointsHelpers.js';
import { defaultWalletSettings, fingerprint, setWallet, topUp } from './walletHelpers.js';

afterEach(closeShops);

describe('stored-value settings and packages', () => {
  it('starts from lawful defaults that everyone can read; only the owner changes them, audited', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'zhang', 'manager');
    await addStaff(owner, 'xiaoli', 'clerk');
    const manager = await signedIn(h, 'zhang', 'zhang-pass-1');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    const cfg = await clerk.call('wallet.config', {});
    expect(cfg).toEqual({ settings: defaultWalletSettings, packages: [], termsId: null });
    expect(cfg.settings).toMatchObject({
      capFen: 500000,
      drawOrder: 'proportional',
      pointsOnStoredValue: 'principal',
      refundFeePct: 0,
    });
    const next = { ...defaultWalletSettings, capFen: 800000, drawOrder: 'bonusFirst' as const };
    const before = fingerprint(h);
    expect((await manager.fail('wallet.saveSettings', next)).code).toBe('FORBIDDEN');
    expect((await clerk.fail('wallet.savePackages', { packages: [] })).code).toBe('FORBIDDEN');
    expect((await owner.fail('wallet.saveSettings', { ...next, terms: ' ' })).fields?.terms?.messageKey).toBe(
      'errors.required',
    );
    expect((await owner.fail('wallet.saveSettings', { ...next, capFen: 99 })).fields?.capFen?.messageKey).toBe(
      'errors.range',
    );
    expect(fingerprint(h)).toEqual(before);

    // Above the legal ¥5,000 is the owner's call (the page warns); the terms keep their lines.
    const saved = await owner.call('wallet.saveSettings', { ...next, terms: '第一条\r\n第二条\n' });
    expect(saved.settings).toEqual({ ...next, terms: '第一条\n第二条' });
    expect(saved.termsId).not.toBeNull();
    expect(await clerk.call('wallet.config', {})).toEqual(saved);
    const audit = auditRows(h, 'wallet.settingsSaved');
    expect(audit).toMatchObject([
      { details: { changed: ['drawOrder', 'capFen', 'terms'], capFen: 800000, termsId: saved.termsId } },
    ]);
    expect(JSON.stringify(audit)).not.toContain('第一条');
    // The same text again publishes no new row.
    const again = await owner.call('wallet.saveSettings', { ...next, terms: '第一条\n第二条' });
    expect(again.termsId).toBe(saved.termsId);
    expect(h.backend.raw.prepare('select count(*) as n from wallet_terms').get()).toEqual({ n: 1 });
  });

  it('adds, updates and retires packages; never deletes one; refuses two active ones of the same amount', async () => {
    const { h, owner } = await openShop();
    const first = await owner.call('wallet.savePackages', {
      packages: [
        { payFen: 100000, bonusFen: 10000, bonusPoints: 0, active: true },
        { payFen: 50000, bonusFen: 3000, bonusPoints: 50, active: true },
      ],
    });
    expect(first.packages.map((p) => [p.payFen, p.bonusFen, p.bonusPoints, p.active])).toEqual([
      [50000, 3000, 50, true],
      [100000, 10000, 0, true],
    ]);
    const [small, big] = first.packages;
    const before = fingerprint(h);
    const dup = await owner.fail('wallet.savePackages', {
      packages: [
        { id: small!.id, payFen: 50000, bonusFen: 3000, bonusPoints: 50, active: true },
        { id: big!.id, payFen: 100000, bonusFen: 10000, bonusPoints: 0, active: true },
        { payFen: 50000, bonusFen: 5000, bonusPoints: 0, active: true },
      ],
    });
    expect(dup.fields?.['packages.2.payFen']?.messageKey).toBe('errors.wallet.duplicatePackage');
    const unknown = await owner.fail('wallet.savePackages', {
      packages: [{ id: 999, payFen: 50000, bonusFen: 3000, bonusPoints: 0, active: true }],
    });
    expect(unknown.fields?.['packages.0.id']?.messageKey).toBe('errors.wallet.packageNotFound');
    expect(fingerprint(h)).toEqual(before);

    // Retire the small one by leaving it off, raise the big one's bonus, add a retired twin of ¥1,000.
    const second = await owner.call('wallet.savePackages', {
      packages: [
        { id: big!.id, payFen: 100000, bonusFen: 12000, bonusPoints: 10, active: true },
        { payFen: 100000, bonusFen: 1, bonusPoints: 0, active: false },
      ],
    });
    expect(second.packages).toHaveLength(3);
    expect(second.packages.find((p) => p.id === small!.id)?.active).toBe(false);
    expect(second.packages.find((p) => p.id === big!.id)).toMatchObject({
      bonusFen: 12000,
      bonusPoints: 10,
      active: true,
    });
    expect(auditRows(h, 'wallet.packagesSaved')).toHaveLength(2);
    // A top-up under the old package id is refused; the edited one gives the new bonus.
    const m = await newMember(owner);
    expect(
      (await owner.fail('wallet.topup', { memberId: m, paidFen: 50000, paymentMethod: 'cash', packageId: small!.id }))
        .fields?.packageId?.messageKey,
    ).toBe('errors.wallet.packageInactive');
    expect((await topUp(owner, m, 100000, { packageId: big!.id })).topup.bonusFen).toBe(12000);
    expect(
      (
        await owner.fail('wallet.savePackages', {
          packages: Array.from({ length: 21 }, () => ({ payFen: 1, bonusFen: 0, bonusPoints: 0, active: false })),
        })
      ).fields?.packages?.messageKey,
    ).toBe('errors.wallet.tooManyPackages');
  });
});

function addCard(
  h: Harness,
  memberId: number,
  card: { usesLeft: number; expiresOn: string | null; refunded?: boolean },
) {
  const raw = h.backend.raw;
  let product = raw.prepare('select id from visitcard_products limit 1').get() as { id: number } | undefined;
  if (!product) {
    raw
      .prepare(
        `insert into visitcard_products (name, services, uses, price_fen, validity_kind, created_at)
         values ('洗车 10 次', '["洗车"]', 10, 30000, 'none', '2026-03-01T00:00:00.000Z')`,
      )
      .run();
    product = raw.prepare('select id from visitcard_products limit 1').get() as { id: number };
  }
  raw
    .prepare(
      `insert into visitcards (member_id, product_id, name, services, uses_total, uses_left, price_fen, expires_on,
         payment_method, refunded_at, at, day)
       values (?, ?, '洗车 10 次', '["洗车"]', 10, ?, 30000, ?, 'cash', ?, '2026-03-01T00:00:00.000Z', '2026-03-01')`,
    )
    .run(memberId, product.id, card.usesLeft, card.expiresOn, card.refunded ? '2026-03-01T01:00:00.000Z' : null);
}

describe('the balance summary', () => {
  it('shows both parts, the cap and the count cards usable today', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'xiaoli', 'clerk');
    const m = await newMember(owner);
    const empty = await owner.call('wallet.summary', { memberId: m });
    expect(empty).toEqual({
      memberId: m,
      principalFen: 0,
      bonusFen: 0,
      totalFen: 0,
      capFen: 500000,
      activeVisitcards: 0,
    });
    await topUp(owner, m, 12345);
    addCard(h, m, { usesLeft: 3, expiresOn: null });
    addCard(h, m, { usesLeft: 1, expiresOn: '2026-03-05' });
    addCard(h, m, { usesLeft: 0, expiresOn: null });
    addCard(h, m, { usesLeft: 5, expiresOn: null, refunded: true });
    addCard(h, m, { usesLeft: 5, expiresOn: '2026-02-28' });
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    expect(await clerk.call('wallet.summary', { memberId: m })).toMatchObject({
      principalFen: 12345,
      totalFen: 12345,
      activeVisitcards: 2,
    });
    // On its last day a card still counts; the day after, it does not.
    const owner5 = await setDay(h, '2026-03-05');
    expect((await owner5.call('wallet.summary', { memberId: m })).activeVisitcards).toBe(2);
    const owner6 = await setDay(h, '2026-03-06');
    expect((await owner6.call('wallet.summary', { memberId: m })).activeVisitcards).toBe(1);
    await setWallet(owner6, { capFen: 300000 });
    expect((await owner6.call('wallet.summary', { memberId: m })).capFen).toBe(300000);
    expect((await owner6.fail('wallet.summary', { memberId: 9999 })).code).toBe('NOT_FOUND');
  });
});
