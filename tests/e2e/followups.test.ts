import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserShop, pageApi, screenshot, signIn, signOut, testClock, type BrowserShop } from './browserMode.js';

/**
 * Follow-ups, NPS and the complaints report. A complaint assigned to a clerk is resolved and closed
 * with CSAT 4; its follow-up (3 days later by default) is not on the home screen today, but three
 * days on (the shop's clock moved through LIUKE_TEST_CLOCK_FILE) it is, and the clerk records
 * "reached" from there. The owner asks the members tagged 常客 for their NPS, enters two answers,
 * sees NPS and the response rate, and opens the complaints report with its charts.
 */
const clock = testClock();
let shop: BrowserShop;
let page: Page;
let memberId: number;

const api = <T>(channel: string, input: unknown) => pageApi<T>(page, channel, input);

/** A shop day some days from now, by the real clock (the shop is in Asia/Shanghai). */
function shopDayIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

beforeAll(async () => {
  shop = await openBrowserShop('followups', clock.env);
  page = shop.page;
});

afterAll(async () => {
  await shop?.close();
  clock.remove();
});

/** Messages already read would cover the page in the guide's screenshot: wait until they close. */
async function closeNotifications() {
  await page.mouse.move(0, 0);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

async function goHome() {
  await page.getByRole('link', { name: '会员', exact: true }).click();
  await page.getByTestId('members-total').waitFor();
}

/** After a reload the session may have ended (the clock moved): sign in again when asked. */
async function reloadAs(username: string, password: string) {
  await page.reload();
  const signInHeading = page.getByRole('heading', { name: '登录' });
  await Promise.race([signInHeading.waitFor(), page.getByTestId('open-counter-search').waitFor()]);
  if (await signInHeading.isVisible()) await signIn(page, username, password);
}

describe('follow-ups, NPS surveys and the complaints report', () => {
  it('a resolved complaint plans a follow-up in 3 days, not on the home screen today', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    const clerk = await api<{ id: number }>('staff.create', {
      username: 'xiaoli',
      displayName: '小李',
      role: 'clerk',
      password: 'clerk-pass-1',
    });
    const ids: number[] = [];
    for (const [phone, name] of [
      ['13800138000', '王女士'],
      ['13900139000', '李先生'],
      ['13700137000', '赵阿姨'],
      ['13600136000', '钱同学'],
    ] as const)
      ids.push((await api<{ id: number }>('members.register', { phone, name })).id);
    memberId = ids[0]!;
    const tag = await api<{ id: number }>('tags.create', { name: '常客', color: 'teal' });
    await api('tags.apply', { tagId: tag.id, memberIds: ids.slice(0, 3), add: true });

    const config = await api<{ settings: { followupDays: number }; categories: { id: number }[] }>(
      'complaints.config',
      {},
    );
    expect(config.settings.followupDays).toBe(3);
    const complaint = await api<{ id: number }>('complaints.log', {
      memberId,
      channel: 'phone',
      categoryId: config.categories[0]!.id,
      severity: 'normal',
      description: '店员态度不好',
      assigneeId: clerk.id,
    });
    await api('complaints.resolve', {
      id: complaint.id,
      resolution: '当面道歉',
      compensation: { kind: 'apology' },
    });
    await api('complaints.close', {
      id: complaint.id,
      note: '',
      csat: { score: 4, comment: '还行', by: 'staff' },
    });

    await page.reload();
    await page.getByTestId('members-total').waitFor();
    await page.getByRole('link', { name: '回访', exact: true }).click();
    await page.getByText('今天没有要回访的会员。').waitFor();
    await page.getByTestId('followups-view').getByText('未完成').click();
    const row = page.getByTestId('followups-table').getByRole('row', { name: /王女士/ });
    await row.getByText('投诉解决后').waitFor();
    await row.getByText('小李').waitFor();
    expect(await row.getByTestId('followup-late').count()).toBe(0);
    await goHome();
    await page.getByText('王女士').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('today-followups').count()).toBe(0);
    await signOut(page);
  });

  it('three days on, the task is on the clerk’s home screen and recording "reached" clears it', async () => {
    clock.setDays(3);
    await reloadAs('xiaoli', 'clerk-pass-1');
    await goHome();
    const card = page.getByTestId('today-followups');
    await card.getByText('今日回访').waitFor();
    await card.getByText('1 条待回访').waitFor();
    await card.getByRole('link', { name: '王女士' }).waitFor();
    await card.getByText('投诉解决后').waitFor();
    await screenshot(page, 'followups-home');

    await card.getByRole('button', { name: '记录结果' }).click();
    const dialog = page.getByRole('dialog', { name: '记录回访结果' });
    await dialog.getByText('约定再联系').click();
    await dialog.getByRole('button', { name: '记录结果' }).click();
    await dialog.getByText('必填').waitFor();
    await dialog.getByText('已联系上').click();
    await dialog.getByLabel('回访记录').fill('顾客已满意，感谢回访');
    await dialog.getByRole('button', { name: '记录结果' }).click();
    await page.getByText('已记录回访结果').waitFor();
    await card.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: '回访', exact: true }).click();
    await page.getByText('今天没有要回访的会员。').waitFor();
    await page.getByTestId('followups-view').getByText('已完成').click();
    const done = page.getByTestId('followups-table').getByRole('row', { name: /王女士/ });
    await done.getByText('已联系上').waitFor();
    await done.getByText('顾客已满意，感谢回访').waitFor();
    await done.getByText('小李').waitFor();
    await closeNotifications();
    await screenshot(page, 'followups');

    await page.goto(`${shop.app.url}#/members/${memberId}`);
    const timeline = page.getByTestId('member-timeline');
    await timeline.getByText('回访：已联系上').waitFor();
    await timeline.getByText(/^新建回访（投诉解决后），\d{4}年\d{1,2}月\d{1,2}日 到期$/).waitFor();
    await page.getByTestId('member-followups').getByText('没有未完成的回访。').waitFor();
    await signOut(page);
  });

  it('the owner asks the members tagged 常客 for their NPS and enters two answers', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    await goHome();
    await page.getByRole('combobox', { name: '标签', exact: true }).click();
    await page.getByRole('option', { name: '常客' }).click();
    await expect.poll(() => page.getByTestId('members-total').textContent()).toMatch(/3/);
    await page.getByTestId('survey-button').click();
    const dialog = page.getByRole('dialog', { name: '发起满意度调查' });
    await dialog.getByText('标签“常客”').waitFor();
    expect(await dialog.getByTestId('survey-count').textContent()).toBe('将询问 3 位会员。');
    await dialog.getByRole('button', { name: '发起调查' }).click();
    await dialog.getByText('必填').waitFor();
    await dialog.getByLabel('调查名称').fill('常客满意度');
    await dialog.getByRole('button', { name: '发起调查' }).click();
    await page.getByRole('heading', { name: '常客满意度' }).waitFor();
    await page.getByText('调查对象：标签“常客”', { exact: false }).waitFor();
    expect(await page.getByTestId('nps-value').textContent()).toBe('–');

    const answer = async (name: string, score: number, reason: string) => {
      await page
        .getByTestId('survey-members')
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('button')
        .click();
      const d = page.getByRole('dialog', { name: `录入回答：${name}` });
      await d.getByTestId('nps-scores').getByText(String(score), { exact: true }).click();
      await d.getByLabel('原因').fill(reason);
      await d.getByRole('button', { name: '保存' }).click();
      await d.waitFor({ state: 'detached' });
    };
    await answer('王女士', 10, '服务周到');
    await answer('李先生', 6, '价格偏高');
    await expect.poll(() => page.getByTestId('nps-value').textContent()).toBe('0');
    expect(await page.getByTestId('nps-response-rate').textContent()).toBe('67%');
    // The list shows the answer before it is corrected (a click during its refetch could miss the row).
    await page
      .getByTestId('survey-members')
      .getByRole('row', { name: /李先生/ })
      .getByText('价格偏高')
      .waitFor();
    // A correction replaces the answer while the survey is open.
    await answer('李先生', 8, '还可以');
    await expect.poll(() => page.getByTestId('nps-value').textContent()).toBe('50');
    expect(await page.getByTestId('nps-promoters').textContent()).toContain('1');
    expect(await page.getByTestId('nps-passives').textContent()).toContain('1');
    await page.getByTestId('survey-members-filter').getByText('未回答').click();
    await expect.poll(() => page.getByTestId('survey-members').getByRole('row').count()).toBe(2);
    await page.getByTestId('survey-members').getByText('赵阿姨').waitFor();
    await page.getByTestId('survey-members-filter').getByText('全部').click();
    await page.getByTestId('survey-members').getByText('服务周到').waitFor();
    await closeNotifications();
    await screenshot(page, 'survey');

    await page.getByRole('link', { name: '满意度调查', exact: true }).click();
    const listed = page.getByTestId('surveys-table').getByRole('row', { name: /常客满意度/ });
    await listed.getByText('67%').waitFor();
    await listed.getByText('50', { exact: true }).waitFor();
  });

  it('the complaints report shows the figures and charts of the period', async () => {
    await page.getByRole('link', { name: '投诉报表' }).click();
    await page.getByRole('heading', { name: '投诉报表' }).waitFor();
    // The page counts from the PC's clock; the shop's runs 3 days ahead in this test.
    await page.getByTestId('report-from').fill(shopDayIn(-1));
    await page.getByTestId('report-to').fill(shopDayIn(5));
    // The answers were given on the shop's day 3: only the new period holds them.
    await expect.poll(() => page.getByTestId('report-nps').textContent()).toBe('净推荐值（NPS）50回复率 67%');
    expect(await page.getByTestId('report-total').textContent()).toBe('投诉数1');
    expect(await page.getByTestId('report-csat').textContent()).toBe('满意度（CSAT）4.0 / 5回复率 100%');
    expect(await page.getByTestId('report-first-response').textContent()).toMatch(/^平均首次响应\d+分钟$/);
    for (const chart of ['report-by-category', 'report-by-severity', 'report-csat-trend'])
      await page.getByTestId(chart).locator('.recharts-surface').first().waitFor();
    await closeNotifications();
    await screenshot(page, 'complaints-report');

    await page.getByTestId('export-button-complaintReport').click();
    const dialog = page.getByRole('dialog', { name: '导出投诉报表' });
    await dialog.getByTestId('export-start').click();
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('deactivating the clerk hands her open follow-up to the owner', async () => {
    const staff = await api<{ id: number; username: string }[]>('staff.list', {});
    const clerkId = staff.find((s) => s.username === 'xiaoli')!.id;
    await api('followups.create', {
      memberId,
      reason: 'largePurchase',
      dueOn: shopDayIn(10),
      assigneeId: clerkId,
      note: '问问新买的咖啡机好不好用',
    });
    await page.getByRole('link', { name: '员工', exact: true }).click();
    await page.getByRole('row', { name: /小李/ }).getByRole('button').click();
    await page.getByRole('menuitem', { name: '停用' }).click();
    const dialog = page.getByRole('dialog', { name: '停用' });
    await expect
      .poll(() => dialog.getByTestId('staff-open-work').textContent())
      .toBe('该员工还有 0 条投诉、1 条回访未完成。');
    await dialog.getByRole('button', { name: '停用' }).click();
    await dialog.getByText('请选择转交给谁，或选择不转交').first().waitFor();
    await dialog.getByRole('combobox', { name: '转交给' }).click();
    await page.getByRole('option', { name: '陈老板' }).click();
    await dialog.getByRole('button', { name: '停用' }).click();
    await page.getByText('已停用 小李').waitFor();
    await page.getByRole('row', { name: /小李/ }).getByText('已停用').waitFor();

    await page.getByRole('link', { name: '回访', exact: true }).click();
    await page.getByTestId('followups-view').getByText('我的').click();
    const row = page.getByTestId('followups-table').getByRole('row', { name: /问问新买的咖啡机好不好用/ });
    await row.getByText('陈老板').waitFor();
    await row.getByText('大额消费后').waitFor();
  });

  it('reads in English', async () => {
    await page.getByRole('link', { name: '投诉报表' }).click();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Complaints report' }).waitFor();
    await page.getByTestId('report-total').getByText('Complaints').waitFor();
    const text = await page.locator('main').innerText();
    expect(text.match(/[\u4e00-\u9fff]+/g)).toBeNull();
    await page.getByRole('link', { name: 'Follow-ups', exact: true }).click();
    await page.getByTestId('followups-view').getByText('Done').click();
    await page.getByTestId('followups-table').getByText('Reached').waitFor();
    const list = (await page.locator('main').innerText()).replace(/王女士|小李|顾客已满意，感谢回访/g, '');
    expect(list.match(/[\u4e00-\u9fff]+/g)).toBeNull();
    await page.getByText('中文', { exact: true }).click();
  });
});
