import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, pageApi, screenshot, signIn, signOut, type BrowserShop } from './browserMode.js';

/**
 * Stored value at the counter (储值): the owner sets a package 充1000送100; a clerk tops up ¥1,000
 * with it by a double click (one top-up recorded) and pays a ¥268.50 purchase with stored value,
 * which draws on both parts in proportion, and the slip shows that part and the balances after; the
 * owner refunds the balance (退余额) by the top-up's method, prints a slip to sign, and both parts go
 * to zero; the settings warn about a cap above ¥5,000 and about terms left behind by changed settings,
 * and rewrite them; an adjustment over the cap needs a confirmation and the card flags it; the
 * English UI has no Chinese left.
 */
let shop: BrowserShop;
let page: Page;
let memberId: number;

beforeAll(async () => {
  shop = await openBrowserShop('wallet');
  page = shop.page;
  await signIn(page, 'boss', 'owner-pass-1');
  const api = <T>(channel: string, input: unknown) => pageApi<T>(page, channel, input);
  memberId = (await api<{ id: number }>('members.register', { phone: '13800138000', name: '王女士' })).id;
  await api('staff.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'clerk-pass-1' });
});

afterAll(async () => {
  await shop?.close();
});

async function openMember() {
  await page.goto(`${shop.app.url}#/members/${memberId}`);
  await page.getByTestId('member-name').waitFor();
  await page.getByTestId('member-wallet').waitFor();
}

const text = (id: string) => page.getByTestId(id).first().textContent();
const card = () => page.getByTestId('member-wallet');

describe('stored value', () => {
  it('the owner sets a top-up package: pay ¥1,000, get ¥100', async () => {
    await page.getByRole('link', { name: '储值设置' }).click();
    await page.getByRole('heading', { name: '储值设置' }).waitFor();
    await page.getByText('还没有充值套餐').waitFor();
    await page.getByRole('button', { name: '添加套餐' }).click();
    const row = page.getByTestId('package-row-0');
    await row.getByLabel('充值金额（元）').fill('1000');
    await row.getByLabel('赠送金额（元）').fill('100');
    await page.getByRole('button', { name: '保存套餐' }).click();
    await page.getByText('充值套餐已保存').waitFor();
    await screenshot(page, 'wallet-settings');
    await signOut(page);
  });

  it('a clerk tops up ¥1,000 with the package by a double click: one top-up, 本金 ¥1000 / 赠金 ¥100', async () => {
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await openMember();
    expect(await text('wallet-total')).toBe('¥0.00');
    await card().getByRole('button', { name: '充值', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '储值充值' });
    await dialog.getByLabel('充值金额（元）').fill('1000');
    // The best package the amount reaches is chosen for the clerk; choosing it again keeps it.
    await expect.poll(() => dialog.getByRole('radio', { name: '充1000送100' }).isChecked()).toBe(true);
    await dialog.getByText('微信支付', { exact: true }).click();
    await dialog.getByText('充1000送100', { exact: true }).click();
    expect(await dialog.getByTestId('topup-bonus').textContent()).toBe('赠金 ¥100.00');
    expect(await dialog.getByTestId('topup-after').textContent()).toBe(
      '充值后：本金 ¥1000.00 · 赠金 ¥100.00 · 合计 ¥1100.00',
    );
    // The published terms are on screen before confirming.
    await dialog
      .getByTestId('topup-terms')
      .getByText(/赠送金额不予退还/)
      .waitFor();
    await screenshot(page, 'wallet-topup');
    await dialog.getByRole('button', { name: '确认充值' }).dblclick();
    await dialog.getByTestId('topup-result').waitFor();
    await page.getByText('已充值 ¥1000.00，赠金 ¥100.00').first().waitFor();
    const slip = (await page.getByTestId('slip').textContent())!;
    for (const part of ['储值充值凭条', '¥1000.00', '微信支付', '赠金¥100.00', '储值规则', '赠送金额不予退还'])
      expect(slip).toContain(part);
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => text('wallet-principal')).toBe('本金 ¥1000.00');
    expect(await text('wallet-bonus')).toBe('赠金 ¥100.00');
    expect(await text('wallet-total')).toBe('¥1100.00');
    // The double click recorded one top-up.
    const ledger = card().getByTestId('wallet-ledger');
    await ledger.getByText('充值', { exact: true }).waitFor();
    expect(await ledger.getByTestId('wallet-entry-topup').count()).toBe(1);
  });

  it('pays a ¥268.50 purchase with stored value and sees both balances after', async () => {
    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: '记录消费' });
    await dialog.getByLabel('消费金额（元）').fill('268.5');
    await dialog
      .getByTestId('stored-value-part')
      .getByText(/储值余额 ¥1100\.00/)
      .waitFor();
    await dialog.getByRole('button', { name: '用储值付' }).click();
    expect(await dialog.getByLabel('储值支付（元）').inputValue()).toBe('268.50');
    expect(await dialog.getByTestId('stored-value-covers').textContent()).toBe('全部由储值支付');
    // Stored value pays it all: no other payment method to choose.
    expect(await dialog.getByLabel('支付方式').count()).toBe(0);
    await screenshot(page, 'wallet-purchase');
    await dialog.getByRole('button', { name: '保存（Enter）' }).click();
    // Proportional: the bonus part is ceil(26850 × 10000 / 110000) = 2441 fen, the principal 24409.
    await expect
      .poll(() => dialog.getByTestId('wallet-after').textContent())
      .toBe('储值余额：本金 ¥755.91，赠金 ¥75.59');
    await dialog.getByText('储值支付 ¥268.50').waitFor();
    // The slip carries the stored-value part and the balances after it.
    const slip = (await page.getByTestId('slip').textContent())!;
    for (const part of ['消费金额¥268.50', '储值支付¥268.50', '本金余额¥755.91', '赠金余额¥75.59', '储值余额¥831.50'])
      expect(slip).toContain(part);
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => text('wallet-principal')).toBe('本金 ¥755.91');
    expect(await text('wallet-bonus')).toBe('赠金 ¥75.59');
    await card().getByTestId('wallet-ledger').getByText('-244.09').waitFor();
    await card().getByTestId('wallet-ledger').getByText('-24.41').waitFor();
    await page.getByTestId('purchases-table').getByText('储值', { exact: true }).waitFor();
    await signOut(page);
  });

  it('speaks English on the stored value screens, with no Chinese left but the shop data', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await openMember();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Members' }).waitFor();
    const userData = /好运便利店|陈老板|小李|王女士|王\*|中文|普通会员|银卡会员|金卡会员|钻石会员|顾客搬家/g;
    const noChinese = (what: string, s: string) => {
      const left = s.replace(userData, '');
      expect(left.match(/[\u4e00-\u9fff]+/g), what).toBeNull();
      expect(left, what).not.toMatch(/\b(errors|wallet|points|slips|common)\.[a-zA-Z]/);
    };
    await card().getByText('Principal ¥755.91').waitFor();
    noChinese('card', await card().innerText());
    await card().scrollIntoViewIfNeeded();
    await screenshot(page, 'en/member-wallet');

    await card().getByRole('button', { name: 'Top up', exact: true }).click();
    const topup = page.getByRole('dialog', { name: 'Stored value top-up' });
    await topup.getByLabel('Amount paid (¥)').fill('1000');
    await topup.getByTestId('topup-terms').waitFor();
    const terms = (await topup.getByTestId('topup-terms').innerText()).trim();
    noChinese('top-up', (await topup.innerText()).replace(terms, ''));
    await page.keyboard.press('Escape');
    await topup.waitFor({ state: 'hidden' });

    await card().getByRole('button', { name: 'Refund balance', exact: true }).click();
    const refund = page.getByRole('dialog', { name: 'Refund balance' });
    await refund.getByTestId('refund-payout').waitFor();
    noChinese('refund', await refund.innerText());
    await page.keyboard.press('Escape');
    await refund.waitFor({ state: 'hidden' });

    await card().getByRole('button', { name: 'Adjust', exact: true }).click();
    const adjust = page.getByRole('dialog', { name: 'Adjust stored value' });
    noChinese('adjust', await adjust.innerText());
    await page.keyboard.press('Escape');
    await adjust.waitFor({ state: 'hidden' });

    await page.keyboard.press('F4');
    const purchase = page.getByRole('dialog', { name: 'Record a purchase' });
    await purchase.getByLabel('Amount (¥)').fill('100');
    await purchase.getByTestId('stored-value-part').waitFor();
    await purchase.getByRole('button', { name: 'Use stored value' }).click();
    noChinese('purchase', await purchase.innerText());
    await page.keyboard.press('Escape');
    await purchase.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'Stored value settings' }).click();
    await page.getByRole('heading', { name: 'Stored value settings' }).waitFor();
    await page.getByLabel('Principal cap per member (¥)').fill('8000');
    await page.getByTestId('cap-warning').waitFor();
    const settings = await page.locator('main').innerText();
    const termsText = await page.getByLabel('Stored value terms').inputValue();
    noChinese('settings', settings.replace(termsText, ''));
    await screenshot(page, 'en/wallet-settings');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('link', { name: '会员', exact: true }).waitFor();
  });

  it('warns on the settings page when the cap is above ¥5,000, naming the rule', async () => {
    await page.reload();
    await page.getByRole('link', { name: '储值设置' }).click();
    await page.getByRole('heading', { name: '储值设置' }).waitFor();
    const cap = page.getByLabel('每位会员本金上限（元）');
    expect(await cap.inputValue()).toBe('5000.00');
    expect(await page.getByTestId('cap-warning').count()).toBe(0);
    await cap.fill('5000.01');
    const warning = page.getByTestId('cap-warning');
    await warning.getByText(/单用途商业预付卡管理办法.*第二十条/).waitFor();
    await screenshot(page, 'wallet-cap-warning');
    await cap.fill('5000');
    await expect.poll(() => warning.count()).toBe(0);
  });

  it('the owner refunds the balance: the principal is paid out, the bonus forfeited, both go to zero', async () => {
    await openMember();
    await card().getByRole('button', { name: '退余额', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '退余额' });
    expect(await dialog.getByTestId('refund-principal').textContent()).toBe('¥755.91');
    expect(await dialog.getByTestId('refund-bonus').textContent()).toBe('¥75.59');
    expect(await dialog.getByTestId('refund-fee').textContent()).toBe('¥0.00');
    expect(await dialog.getByTestId('refund-payout').textContent()).toBe('¥755.91');
    // Paid out the way the money came in: the top-up was by WeChat.
    await dialog.getByText('已按最近一次充值的方式（微信支付）预选，可以改').waitFor();
    expect(await dialog.getByRole('radio', { name: '微信支付' }).isChecked()).toBe(true);
    await dialog.getByLabel('原因').fill('顾客搬家');
    await screenshot(page, 'wallet-refund');
    await dialog.getByRole('button', { name: '确认退余额' }).click();
    await dialog.getByTestId('refund-result').waitFor();
    await page.getByText('已退余额 ¥755.91（微信支付），赠金 ¥75.59 作废').waitFor();
    // The slip for the member to sign: principal, fee, forfeited bonus, payout and method.
    const slip = (await page.getByTestId('slip').textContent())!;
    for (const part of [
      '储值退余额凭条',
      '退还本金¥755.91',
      '手续费¥0.00',
      '作废赠金¥75.59',
      '实退金额¥755.91',
      '退款方式微信支付',
      '会员签字',
    ])
      expect(slip).toContain(part);
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => text('wallet-principal')).toBe('本金 ¥0.00');
    expect(await text('wallet-bonus')).toBe('赠金 ¥0.00');
    expect(await text('wallet-total')).toBe('¥0.00');
    await card().getByTestId('wallet-ledger').getByText('退余额', { exact: true }).waitFor();
    expect(await card().getByRole('button', { name: '退余额', exact: true }).count()).toBe(0);
    await screenshot(page, 'member-wallet');
  });

  it('refunding part of the purchase returns its stored value to the parts it came from', async () => {
    await page.getByTestId('purchases-table').getByRole('button', { name: '退款' }).click();
    const dialog = page.getByRole('dialog', { name: '退款' });
    await dialog
      .getByTestId('refund-stored-value')
      .getByText(/储值支付 ¥268\.50/)
      .waitFor();
    await dialog.getByLabel('退款金额（元）').fill('100');
    // Before confirming: all of it goes back to stored value, nothing to hand back.
    expect(await dialog.getByTestId('refund-split-sv').textContent()).toMatch(/^退回储值 ¥100\.00/);
    expect(await dialog.getByTestId('refund-split-rest').textContent()).toBe('不用另外退钱');
    await dialog.getByLabel('原因').fill('退一件');
    await dialog.getByRole('button', { name: '确认退款' }).click();
    // The purchase took 24409 fen of principal of 26850: ¥100 returns floor(24409 × 10000 / 26850) = 9090.
    await page.getByText(/退回储值 ¥100\.00（本金 ¥90\.90，赠金 ¥9\.10）/).waitFor();
    await expect.poll(() => text('wallet-principal')).toBe('本金 ¥90.90');
    expect(await text('wallet-bonus')).toBe('赠金 ¥9.10');
    await card().getByTestId('wallet-ledger').getByText('消费退款退回').waitFor();
  });

  it('the owner adjusts and undoes the adjustment, and voids a mistaken top-up, each with a reason', async () => {
    await card().getByRole('button', { name: '调整', exact: true }).click();
    const adjust = page.getByRole('dialog', { name: '调整储值' });
    await adjust.getByLabel('赠金调整（元）').fill('5');
    await adjust.getByLabel('原因').fill('补录赠金');
    await adjust.getByRole('button', { name: '确认调整' }).click();
    await adjust.waitFor({ state: 'hidden' });
    await expect.poll(() => text('wallet-bonus')).toBe('赠金 ¥14.10');
    const ledger = card().getByTestId('wallet-ledger');
    await ledger.getByRole('button', { name: '撤销' }).click();
    const undo = page.getByRole('dialog', { name: '撤销这次调整' });
    await undo.getByText('记一笔相反的调整：本金 0.00，赠金 -5.00。').waitFor();
    await undo.getByLabel('原因').fill('记错了');
    await undo.getByRole('button', { name: '撤销' }).click();
    await undo.waitFor({ state: 'hidden' });
    await expect.poll(() => text('wallet-bonus')).toBe('赠金 ¥9.10');
    await ledger.getByText('已撤销').waitFor();

    await card().getByRole('button', { name: '充值', exact: true }).click();
    const topup = page.getByRole('dialog', { name: '储值充值' });
    // Over the cap: refused on the amount field, with the room left.
    await topup.getByLabel('充值金额（元）').fill('5000');
    await topup.getByRole('button', { name: '确认充值' }).click();
    await topup.getByText('超出储值上限 ¥5000.00，本次最多还能充 ¥4909.10').waitFor();
    await topup.getByLabel('充值金额（元）').fill('50');
    await topup.getByRole('button', { name: '确认充值' }).click();
    await topup.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => text('wallet-principal')).toBe('本金 ¥140.90');
    // Only the top-up the balance still holds can be voided.
    expect(await ledger.getByRole('button', { name: '作废' }).count()).toBe(1);
    await ledger.getByRole('button', { name: '作废' }).click();
    const voiding = page.getByRole('dialog', { name: '作废这次充值' });
    await voiding.getByLabel('原因').fill('收错钱');
    await voiding.getByRole('button', { name: '作废' }).click();
    await voiding.waitFor({ state: 'hidden' });
    await expect.poll(() => text('wallet-principal')).toBe('本金 ¥90.90');
    await ledger.getByText('已作废').waitFor();
    await ledger.getByText('充值作废').waitFor();
  });

  it('an adjustment over the cap is warned of, naming the rule, and needs a tick; the card flags it', async () => {
    await card().getByRole('button', { name: '调整', exact: true }).click();
    const adjust = page.getByRole('dialog', { name: '调整储值' });
    await adjust.getByLabel('本金调整（元）').fill('5000');
    await adjust.getByLabel('原因').fill('补录');
    const warning = adjust.getByTestId('adjust-over-cap');
    await warning
      .getByText(/调整后本金为 ¥5090\.90，超过本金上限 ¥5000\.00.*单用途商业预付卡管理办法.*第二十条/)
      .waitFor();
    const confirm = adjust.getByRole('button', { name: '确认调整' });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'wallet-adjust-over-cap');
    await warning.getByLabel('我已核实，确认调整后本金超过上限').check();
    await confirm.click();
    await adjust.waitFor({ state: 'hidden' });
    await expect.poll(() => text('wallet-principal')).toBe('本金 ¥5090.90');
    expect(await card().getByTestId('wallet-over-cap').textContent()).toBe('本金超过上限');

    // A smaller correction: under the cap, no warning, no tick.
    await card().getByRole('button', { name: '调整', exact: true }).click();
    await adjust.getByLabel('本金调整（元）').fill('-100');
    await adjust.getByLabel('原因').fill('多记了');
    expect(await adjust.getByTestId('adjust-over-cap').count()).toBe(0);
    await adjust.getByRole('button', { name: '确认调整' }).click();
    await adjust.waitFor({ state: 'hidden' });
    await expect.poll(() => text('wallet-principal')).toBe('本金 ¥4990.90');
    expect(await card().getByTestId('wallet-over-cap').count()).toBe(0);
    // The +5000 is no longer all in the balance: it cannot be undone, and says so; the -100 can.
    const ledger = card().getByTestId('wallet-ledger');
    expect(await ledger.getByTestId('reverse-spent').textContent()).toBe('余额已用掉，不能撤销');
    expect(await ledger.getByRole('button', { name: '撤销' }).count()).toBe(1);
  });

  it('warns that the terms no longer match changed settings and rewrites them from the settings', async () => {
    await page.getByRole('link', { name: '储值设置' }).click();
    await page.getByRole('heading', { name: '储值设置' }).waitFor();
    const terms = page.getByLabel('储值规则全文');
    const before = await terms.inputValue();
    expect(await page.getByTestId('terms-drift').count()).toBe(0);
    await page.getByText('先扣赠金', { exact: true }).click();
    await page.getByLabel('每位会员本金上限（元）').fill('4000');
    await page.getByLabel('退余额手续费（%）').fill('5');
    const drift = page.getByTestId('terms-drift');
    await drift.getByText('储值规则全文可能和设置不一致').waitFor();
    await screenshot(page, 'wallet-terms-drift');
    await drift.getByRole('button', { name: '按当前设置重写条款' }).click();
    await expect.poll(() => drift.count()).toBe(0);
    const rewritten = await terms.inputValue();
    expect(rewritten).not.toBe(before);
    for (const part of [
      '余额不设有效期',
      '退还时收取所退本金 5% 的手续费',
      '赠送金额不予退还',
      '上限为人民币 4,000 元',
      '先扣赠送金额',
    ])
      expect(rewritten).toContain(part);
    // Changing a setting again after the rewrite: the written text is stale again.
    await page.getByLabel('每位会员本金上限（元）').fill('4500');
    await drift.waitFor();
    await drift.getByRole('button', { name: '按当前设置重写条款' }).click();
    expect(await terms.inputValue()).toContain('上限为人民币 4,500 元');
    // The shop may still edit the text before saving.
    await terms.fill(`${await terms.inputValue()}\n6. 储值余额以店内系统记录为准。`);
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('储值设置已保存').waitFor();
    expect(await page.getByTestId('terms-drift').count()).toBe(0);

    // The top-up dialog shows the terms now published.
    await openMember();
    await card().getByRole('button', { name: '充值', exact: true }).click();
    const topup = page.getByRole('dialog', { name: '储值充值' });
    await topup
      .getByTestId('topup-terms')
      .getByText(/先扣赠送金额/)
      .waitFor();
    expect(await topup.getByTestId('topup-terms').textContent()).toContain('4,500 元');
    await page.keyboard.press('Escape');
    await topup.waitFor({ state: 'hidden' });
  });
});
