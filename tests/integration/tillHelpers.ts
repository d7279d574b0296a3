import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ExportResult } from '../../shared/contract/export.js';
import type { TillLine } from '../../shared/wallet.js';
import { addStaff, openShop, ownerAccount, signedIn, tempDir, type Client, type Harness } from './harness.js';
import { finished } from './ioHelpers.js';
import { newMember } from './pointsHelpers.js';
import { newProduct } from './visitcardsHelpers.js';
import { setPackages, setWallet } from './walletHelpers.js';

export const day = '2026-03-02';
/** 09:00 + n minutes in Shanghai on the scripted day, as UTC. */
export const tick = (n: number) => new Date(Date.parse(`${day}T01:00:00.000Z`) + n * 60_000).toISOString();

/**
 * A scripted shop day (Shanghai, Monday 2026-03-02; fees 10 % on card refunds and count-card
 * refunds; package ¥1,000 → ¥100 bonus). Clerks 小王 (wang) and 小李 (li), manager 张经理 (zhang):
 *  09:00 wang  top-up A ¥1,000 cash with the package            (A 1000 + 100)
 *  09:10 lili    top-up B ¥500 WeChat                              (B 500)
 *  09:20 wang  top-up C ¥200 WeChat                              (C 200)
 *  09:30 lili    top-up C ¥1,000 cash with the package             (C 1200 + 100)
 *  09:40 owner voids li's ¥1,000 top-up of C                     (C 200)
 *  10:00 wang  A buys ¥268.50 paid with stored value
 *  10:10 lili    refunds ¥100 of it (back to A's stored value)
 *  10:15 wang  hands over (first shift)
 *  10:20 wang  sells B a ¥300 ten-visit card by stored value      (B 200)
 *  10:30 lili    sells A a ¥300 ten-visit card by cash
 *  10:40 wang  uses a visit of B's card
 *  11:00 owner refunds B's card: 9 visits ¥270 − fee ¥27 = ¥243 back to stored value
 *  11:10 zhang refunds A's card: ¥300 − ¥30 = ¥270 by Alipay
 *  11:20 owner refunds C's balance: ¥200 − ¥20 = ¥180 cash
 */
export async function scriptedDay() {
  const { h, owner: o } = await openShop();
  await addStaff(o, 'wang', 'clerk');
  await addStaff(o, 'lili', 'clerk');
  await addStaff(o, 'zhang', 'manager');
  await setWallet(o, { refundFeePct: 10, visitcardRefundFeePct: 10 });
  const [pkg] = await setPackages(o, [[100_000, 10_000]]);
  const product = await newProduct(o);
  const [A, B, C] = [await newMember(o), await newMember(o), await newMember(o)];
  const as = (who: 'owner' | 'wang' | 'lili' | 'zhang', minute: number) => act(h, who, tick(minute));

  await (
    await as('wang', 0)
  ).call('wallet.topup', { memberId: A, paidFen: 100_000, paymentMethod: 'cash', packageId: pkg! });
  await (await as('lili', 10)).call('wallet.topup', { memberId: B, paidFen: 50_000, paymentMethod: 'wechat' });
  await (await as('wang', 20)).call('wallet.topup', { memberId: C, paidFen: 20_000, paymentMethod: 'wechat' });
  const voided = await (
    await as('lili', 30)
  ).call('wallet.topup', { memberId: C, paidFen: 100_000, paymentMethod: 'cash', packageId: pkg! });
  await (await as('owner', 40)).call('wallet.voidTopup', { topupId: voided.topup.id, reason: '输错金额' });
  const p = await (
    await as('wang', 60)
  ).call('purchases.record', { memberId: A, amountFen: 26_850, paymentMethod: 'storedValue' });
  await (await as('lili', 70)).call('purchases.refund', { purchaseId: p.purchase.id, amountFen: 10_000, reason: '' });
  const firstShift = await (await as('wang', 75)).call('wallet.closeShift', {});
  const bCard = await (
    await as('wang', 80)
  ).call('visitcards.sell', { memberId: B, productId: product, paymentMethod: 'storedValue' });
  const aCard = await (
    await as('lili', 90)
  ).call('visitcards.sell', { memberId: A, productId: product, paymentMethod: 'cash' });
  await (await as('wang', 100)).call('visitcards.use', { cardId: bCard.card.id, service: '' });
  await (
    await as('owner', 120)
  ).call('visitcards.refund', { cardId: bCard.card.id, payoutMethod: 'cash', reason: '搬家' });
  await (
    await as('zhang', 130)
  ).call('visitcards.refund', { cardId: aCard.card.id, payoutMethod: 'alipay', reason: '不想要了' });
  await (await as('owner', 140)).call('wallet.refundBalance', { memberId: C, payoutMethod: 'cash', reason: '退卡' });
  return { h, members: { A, B, C }, product, firstShift, as };
}

/** Sets the clock and signs the staff member in again (sessions lapse over clock jumps). */
export async function act(h: Harness, who: 'owner' | 'wang' | 'lili' | 'zhang', iso: string): Promise<Client> {
  h.clock.set(iso);
  return who === 'owner'
    ? signedIn(h, ownerAccount.username, ownerAccount.password)
    : signedIn(h, who, `${who}-pass-1`);
}

/** A line's figures by name, for exact comparison. */
export const figures = (l: TillLine) => ({
  staff: l.staffName,
  method: l.method,
  topupFen: l.topupFen,
  topupCount: l.topupCount,
  bonusFen: l.bonusFen,
  cardSalesFen: l.cardSalesFen,
  cardSalesCount: l.cardSalesCount,
  refundsFen: l.refundsFen,
  refundsCount: l.refundsCount,
  storedValueSpentFen: l.storedValueSpentFen,
  netFen: l.netFen,
});

/** Zero figures but those given. */
export const line = (
  staff: string | null,
  method: string,
  f: Partial<Omit<ReturnType<typeof figures>, 'staff' | 'method'>>,
) => ({
  staff,
  method,
  topupFen: 0,
  topupCount: 0,
  bonusFen: 0,
  cardSalesFen: 0,
  cardSalesCount: 0,
  refundsFen: 0,
  refundsCount: 0,
  storedValueSpentFen: 0,
  netFen: 0,
  ...f,
});

/** Runs an export to the end and returns its CSV rows (UTF-8, BOM stripped) or the xlsx path. */
export async function exported(
  c: Client,
  channel: 'io.exportTillClose' | 'io.exportWalletReport',
  input: object,
  format: 'csvUtf8' | 'xlsx' = 'csvUtf8',
  language: 'zh' | 'en' = 'zh',
) {
  // The input is one of the two channels' inputs; the call is typed by its channel name only.
  const job = await finished(c, await c.call(channel, { format, language, ...input } as never));
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.errorKey}`);
  const file = await c.call('io.downloadExport', { jobId: job.id });
  const path = join(tempDir(), file.fileName);
  copyFileSync(file.path, path);
  const rows = format === 'xlsx' ? [] : (parse(readFileSync(path).subarray(3).toString('utf8')) as string[][]);
  return { path, rows, fileName: file.fileName, result: job.result as ExportResult };
}
