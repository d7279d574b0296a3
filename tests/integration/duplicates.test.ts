import { afterEach, describe, expect, it } from 'vitest';
import {
  addStaff,
  auditRows,
  ownerAccount,
  removeDir,
  setUp,
  signedIn,
  startBackend,
  type Harness,
} from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
  removeDir(h.dir);
});

async function shop() {
  h = await startBackend();
  await setUp(h);
  const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
  await addStaff(owner, 'xiaoli', 'clerk');
  await addStaff(owner, 'laozhang', 'manager');
  return {
    owner,
    clerk: await signedIn(h, 'xiaoli', 'xiaoli-pass-1'),
    manager: await signedIn(h, 'laozhang', 'laozhang-pass-1'),
  };
}

const pairsOf = (page: { rows: { a: { id: number }; b: { id: number }; reasons: string[] }[] }) =>
  page.rows.map((r) => [r.a.id, r.b.id, r.reasons.join(',')]);

describe('duplicate candidates', () => {
  it('registration and edits put possible duplicates in the review queue, for each rule', async () => {
    const { owner, clerk } = await shop();
    const a = await clerk.call('members.register', { phone: '13800138000', name: '张伟', birthday: '1990-05-01' });
    const b = await clerk.call('members.register', { phone: '13900139000', name: '张伟', birthday: '1990-05-01' });
    // One digit apart, same name.
    const c = await clerk.call('members.register', { phone: '13700137001', name: '李娜' });
    const d = await clerk.call('members.register', { phone: '13700137007', name: '李娜' });
    // Same email (case differs), same WeChat ID.
    const e = await clerk.call('members.register', { phone: '13600136000', name: '甲', email: 'Ming@Example.com' });
    const f = await clerk.call('members.register', { phone: '13600136001', name: '乙', email: 'ming@example.com' });
    const g = await clerk.call('members.register', { phone: '13500135000', wechat: 'wx_shop01' });
    const i = await clerk.call('members.register', { phone: '13500135111', wechat: 'WX_SHOP01' });
    // Not duplicates: same name only; numbers two digits apart; different birthdays.
    await clerk.call('members.register', { phone: '13400134000', name: '张伟' });
    await clerk.call('members.register', { phone: '13700137099', name: '李娜' });

    const queue = await owner.call('duplicates.list', {});
    expect(queue.total).toBe(4);
    expect(pairsOf(queue)).toEqual([
      [g.id, i.id, 'wechat'],
      [e.id, f.id, 'email'],
      [c.id, d.id, 'namePhone'],
      [a.id, b.id, 'nameBirthday'],
    ]);

    // Fixing the typo takes the pair out of the queue; making the match stronger adds a reason.
    await clerk.call('members.update', {
      ...(await clerk.call('members.get', { id: d.id })),
      phone: '13300133333',
      birthday: null,
      phone2: '',
      email: '',
      wechat: '',
    });
    await clerk.call('members.update', {
      ...(await clerk.call('members.get', { id: f.id })),
      name: '甲',
      phone: '13600136001',
      phone2: '',
      email: 'ming@example.com',
      wechat: '',
    });
    expect(pairsOf(await owner.call('duplicates.list', {}))).toEqual([
      [g.id, i.id, 'wechat'],
      // Same name now, and the numbers are one digit apart.
      [e.id, f.id, 'namePhone,email'],
      [a.id, b.id, 'nameBirthday'],
    ]);
  });

  it('a dismissed pair stays dismissed, the queue is for owners and managers, and a scan finds what writes missed', async () => {
    const { owner, clerk, manager } = await shop();
    const a = await clerk.call('members.register', { phone: '13800138000', name: '王芳', birthday: '1988-01-02' });
    const b = await clerk.call('members.register', { phone: '13800138001', name: '王芳', birthday: '1988-01-02' });
    expect((await clerk.fail('duplicates.list', {})).code).toBe('FORBIDDEN');
    const [pair] = (await manager.call('duplicates.list', {})).rows;
    expect(pair?.reasons).toEqual(['nameBirthday', 'namePhone']);
    // Clerks see masked phones in the queue's summaries as everywhere else; managers see them whole.
    expect(pair?.a.phone).toBe('138 0013 8000');

    await manager.call('duplicates.dismiss', { id: pair!.id });
    expect((await manager.fail('duplicates.dismiss', { id: pair!.id })).messageKey).toBe('errors.duplicates.notOpen');
    expect(auditRows(h, 'duplicates.dismissed')).toMatchObject([
      { details: { candidateId: pair!.id, members: [a.id, b.id] } },
    ]);
    await clerk.call('members.update', {
      ...(await clerk.call('members.get', { id: b.id })),
      notes: '常客',
      phone: '13800138001',
      phone2: '',
      email: '',
      wechat: '',
    });
    expect((await owner.call('duplicates.list', {})).total).toBe(0);

    // Rows written before detection existed (e.g. an older version) are found by a scan.
    h.backend.raw.exec(`delete from duplicate_candidates`);
    const c = await clerk.call('members.register', { phone: '13900139000', name: '赵敏' });
    const d = await clerk.call('members.register', { phone: '13900199000', name: '赵敏' });
    h.backend.raw.exec(`delete from duplicate_candidates`);
    expect(await owner.call('duplicates.scan', {})).toEqual({ found: 2 });
    expect(pairsOf(await owner.call('duplicates.list', {}))).toEqual([
      [c.id, d.id, 'namePhone'],
      [a.id, b.id, 'nameBirthday,namePhone'],
    ]);
    expect(await owner.call('duplicates.scan', {})).toEqual({ found: 0 });
  });
});
