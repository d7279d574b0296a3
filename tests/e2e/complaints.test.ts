import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, pageApi, screenshot, signIn, signOut, testClock, type BrowserShop } from './browserMode.js';

/**
 * A clerk logs a complaint for a member at the counter; a manager assigns it and resolves it with
 * 200 points, which reach the member's balance; the clerk closes it with the customer's CSAT 4, and
 * the complaint, its history and the member's timeline show it; the follow-up visit the resolution
 * booked appears on the clerk's home screen on its due day, three days later (the app's test clock).
 */
const clock = testClock();
let shop: BrowserShop;
let page: Page;
let memberId: number;

beforeAll(async () => {
  shop = await openBrowserShop('complaints', clock.env);
  page = shop.page;
  await signIn(page, 'boss', 'owner-pass-1');
  const api = <T>(channel: string, input: unknown) => pageApi<T>(page, channel, input);
  memberId = (await api<{ id: number }>('members.register', { phone: '13800138000', name: '王女士' })).id;
  await api('staff.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'clerk-pass-1' });
  await api('staff.create', { username: 'laozhang', displayName: '老张', role: 'manager', password: 'manager-pass-1' });
  await signOut(page);
});

afterAll(async () => {
  await shop?.close();
  clock.remove();
});

const balance = async () => Number(await page.getByTestId('points-balance').textContent());

async function openMember() {
  await page.goto(`${shop.app.url}#/members/${memberId}`);
  await page.getByTestId('member-name').waitFor();
}

describe('complaints', () => {
  let complaintUrl = '';
  let pointsBefore = 0;

  it('a clerk logs a complaint for a member', async () => {
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await page.getByRole('link', { name: '投诉', exact: true }).click();
    await page.getByRole('heading', { name: '投诉处理' }).waitFor();
    await page.getByRole('button', { name: '登记投诉' }).click();
    const dialog = page.getByRole('dialog', { name: '登记投诉' });
    await dialog.getByRole('combobox', { name: '会员' }).fill('8000');
    await page.getByRole('option', { name: /王女士/ }).click();
    await dialog.getByText('电话', { exact: true }).click();
    await dialog.getByRole('combobox', { name: '类别' }).click();
    await page.getByRole('option', { name: '商品质量' }).click();
    await dialog.getByText('严重', { exact: true }).click();
    await dialog.getByLabel('投诉内容').fill('买的牛奶过期了，要求说法');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '投诉 #1' }).waitFor();
    complaintUrl = page.url();
    expect(await page.getByTestId('complaint-status').first().textContent()).toBe('新登记');
    // A clerk may take it but not give it to someone else.
    await page.getByTestId('complaint-take').waitFor();
    expect(await page.getByTestId('complaint-assign').count()).toBe(0);

    await page.getByRole('link', { name: '投诉', exact: true }).click();
    const row = page.getByTestId('complaint-row-1');
    await row.getByText('王女士').waitFor();
    await row.getByText('商品质量').waitFor();
    await row.getByText('严重').waitFor();
    await row.getByText('未指派').waitFor();
    await screenshot(page, 'complaints-list');
    await signOut(page);
  });

  it('a manager assigns it and resolves it with 200 points, which reach the member', async () => {
    await signIn(page, 'laozhang', 'manager-pass-1');
    await openMember();
    pointsBefore = await balance();
    await page.getByTestId('member-complaints').getByTestId('complaint-row-1').click();
    await page.getByRole('heading', { name: '投诉 #1' }).waitFor();

    await page.getByTestId('complaint-assign').click();
    const assign = page.getByRole('dialog', { name: '指派负责人' });
    await assign.getByRole('combobox', { name: '负责人' }).click();
    await page.getByRole('option', { name: '小李' }).click();
    await assign.getByLabel('备注（选填）').fill('请今天联系顾客');
    await assign.getByRole('button', { name: '指派' }).click();
    await assign.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('complaint-status').first().textContent()).toBe('已指派');

    await page.getByTestId('complaint-resolve').click();
    const resolve = page.getByRole('dialog', { name: '解决投诉' });
    await resolve.getByLabel('处理结果').fill('已退换新品并致歉');
    await resolve.getByText('积分', { exact: true }).click();
    await resolve.getByLabel('补偿积分').fill('200');
    await resolve.getByTestId('compensation-limit').getByText('您最多可补偿 ¥500').waitFor();
    await screenshot(page, 'complaints-resolve');
    await resolve.getByRole('button', { name: '解决', exact: true }).click();
    await resolve.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('complaint-status').first().textContent()).toBe('已解决');
    await page.getByTestId('complaint-resolution').getByText('补偿 200 积分').waitFor();

    await openMember();
    await expect.poll(balance).toBe(pointsBefore + 200);
    await signOut(page);
  });

  it('the clerk closes it with CSAT 4, and the complaint and the timeline show it', async () => {
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await page.goto(complaintUrl);
    await page.getByRole('heading', { name: '投诉 #1' }).waitFor();
    await page.getByTestId('complaint-close').click();
    const close = page.getByRole('dialog', { name: '结案' });
    await close.getByRole('button', { name: '4 满意' }).click();
    await close.getByLabel('顾客意见').fill('处理得很快');
    await close.getByRole('button', { name: '结案', exact: true }).click();
    await close.waitFor({ state: 'hidden' });

    await expect.poll(() => page.getByTestId('complaint-status').first().textContent()).toBe('已结案');
    expect(await page.getByTestId('csat-score').textContent()).toBe('4');
    await page.getByTestId('complaint-csat').getByText('处理得很快').waitFor();
    const steps = page.getByTestId('complaint-steps');
    expect(await steps.getByTestId('step-action').allTextContents()).toEqual(['登记', '指派', '解决', '结案']);
    await steps.getByText('请今天联系顾客').waitFor();
    await screenshot(page, 'complaints-detail');

    await openMember();
    const card = page.getByTestId('member-complaints');
    await card.getByTestId('complaint-row-1').getByText('已结案').waitFor();
    await page.getByText('投诉 #1 结案，满意度 4 分').waitFor();
    await page.getByText('投诉 #1 已解决：补偿 200 积分').waitFor();
  });

  it('the follow-up visit is on the clerk’s home screen on its due day, not before', async () => {
    const home = async () => {
      await page.getByRole('link', { name: '会员', exact: true }).click();
      await page.getByTestId('members-total').waitFor();
      await page.waitForLoadState('networkidle');
    };
    await home();
    expect(await page.getByTestId('today-followups').count()).toBe(0);
    clock.setDays(3);
    await page.reload();
    // Three days on the session may have ended: sign in again when asked.
    const signInHeading = page.getByRole('heading', { name: '登录' });
    await Promise.race([signInHeading.waitFor(), page.getByTestId('open-counter-search').waitFor()]);
    if (await signInHeading.isVisible()) await signIn(page, 'xiaoli', 'clerk-pass-1');
    await home();
    const card = page.getByTestId('today-followups');
    await card.getByRole('link', { name: '王女士' }).waitFor();
    await card.getByText('投诉解决后').waitFor();
  });
});
