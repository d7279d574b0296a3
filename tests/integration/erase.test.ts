import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../electron/core/dataDir.js';
import { addStaff, auditRows, signedIn, type Harness, closeShops, openShop } from './harness.js';

let h: Harness;
afterEach(closeShops);

/**
 * A fresh copy of the live file (database and WAL, as a backup tool would copy them), decrypted
 * page by page: free pages and slack space included, unlike a query or a VACUUM.
 */
async function plaintextCopy(passphrase: string, name: string): Promise<Buffer> {
  const p = dataPaths(h.dir);
  const copy = join(h.dir, `${name}.db`);
  copyFileSync(p.db, copy);
  try {
    copyFileSync(`${p.db}-wal`, `${copy}-wal`);
  } catch {
    // No WAL: everything is in the main file.
  }
  const key = await h.backend.unwrap(passphrase);
  const db = new Database(copy);
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  db.pragma('journal_mode=DELETE');
  db.pragma("rekey=''");
  db.close();
  return readFileSync(copy);
}

const personal = [
  '欧阳秘',
  '13812345678',
  '8765432183168',
  '13912340000',
  'secret.person@example.com',
  'wx_secret_1',
  '幸福路88号',
  '她的孩子在三中',
  // A complaint's free text and a walk-in contact recorded on it.
  '楼下漏水赔偿',
  '上门赔偿欧阳',
  '欧阳觉得太慢',
  '欧阳说明天再来',
  '欧阳家属',
  '13700001111',
];

describe('erasing a member (PIPL)', () => {
  it('wipes the person from the file bytes and search, keeps anonymous records, audits ids only', async () => {
    const shop = await openShop();
    h = shop.h;
    const { owner, passphrase } = shop;
    await addStaff(owner, 'laozhang', 'manager');
    const manager = await signedIn(h, 'laozhang', 'laozhang-pass-1');

    const m = await owner.call('members.register', {
      phone: '13812345678',
      name: '欧阳秘',
      birthday: '1985-03-04',
      email: 'secret.person@example.com',
      wechat: 'wx_secret_1',
      address: '幸福路88号',
      consents: ['sms'],
    });
    // An earlier record of the same person, merged in: it is erased too.
    const dup = await owner.call('members.register', { phone: '13912340000', name: '欧阳秘', birthday: '1985-03-04' });
    await owner.call('members.merge', { survivorId: m.id, mergedId: dup.id });
    await owner.call('members.addInteraction', { id: m.id, kind: 'consultation', body: '她的孩子在三中' });
    await owner.call('members.bindCard', { id: m.id, cardNo: 'C7788' });
    const tag = await owner.call('tags.create', { name: '常客', color: 'blue' });
    await owner.call('tags.setForMember', { memberId: m.id, tagIds: [tag.id] });
    const { staff: me } = await owner.call('auth.me', {});
    const { categories } = await owner.call('complaints.config', {});
    const complaint = await owner.call('complaints.log', {
      memberId: m.id,
      contactName: '欧阳家属',
      contactPhone: '13700001111',
      channel: 'phone',
      categoryId: categories[0]!.id,
      severity: 'high',
      description: '楼下漏水赔偿',
      assigneeId: me.id,
    });
    await owner.call('complaints.addNote', { id: complaint.id, note: '欧阳说明天再来' });
    await owner.call('complaints.resolve', {
      id: complaint.id,
      resolution: '上门赔偿欧阳',
      compensation: { kind: 'points', points: 30 },
    });
    await owner.call('complaints.close', {
      id: complaint.id,
      note: '',
      csat: { score: 2, comment: '欧阳觉得太慢', by: 'staff' },
    });
    const eventsBefore = (await owner.call('members.timeline', { id: m.id })).total;

    // The check can fail: before erasure the decrypted copy does hold the person.
    const before = await plaintextCopy(passphrase, 'before');
    for (const text of ['欧阳秘', '13812345678', '幸福路88号', '楼下漏水赔偿', '欧阳觉得太慢'])
      expect(before.includes(Buffer.from(text)), text).toBe(true);

    expect((await manager.fail('members.erase', { id: m.id, confirm: m.memberNo })).code).toBe('FORBIDDEN');
    const wrong = await owner.fail('members.erase', { id: m.id, confirm: 'M999999' });
    expect(wrong.fields?.confirm?.messageKey).toBe('errors.member.eraseConfirm');
    expect((await owner.call('members.get', { id: m.id })).name).toBe('欧阳秘');

    const erased = await owner.call('members.erase', { id: m.id, confirm: m.memberNo.toLowerCase() });
    expect(erased).toMatchObject({
      name: '',
      phone: '',
      phone2: null,
      email: null,
      wechat: null,
      address: '',
      birthday: null,
      memberNo: m.memberNo,
      tags: [{ name: '常客' }],
    });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.cards.every((c) => c.status !== 'active')).toBe(true);
    // Anonymous history stays: the same events (plus "erased"), without what was said.
    const timeline = await owner.call('members.timeline', { id: m.id });
    expect(timeline.total).toBe(eventsBefore + 1);
    expect(timeline.rows.every((e) => e.body === '')).toBe(true);
    expect((await owner.call('members.get', { id: dup.id })).erasedAt).not.toBeNull();
    // The complaint keeps its figures for the reports, not what was said.
    expect(await owner.call('complaints.get', { id: complaint.id })).toMatchObject({
      description: '',
      resolution: '',
      severity: 'high',
      compensation: { kind: 'points', points: 30 },
      csat: { score: 2, comment: '' },
    });

    for (const q of [
      '欧阳秘',
      '欧阳',
      'ouyangmi',
      'oym',
      '13812345678',
      '5678',
      '13912340000',
      'secret.person@example.com',
      'wx_secret_1',
      'C7788',
      m.memberNo,
    ])
      expect(await owner.call('members.search', { q }), q).toEqual([]);
    expect((await owner.call('members.list', {})).total).toBe(0);
    expect((await owner.fail('members.addInteraction', { id: m.id, kind: 'note', body: 'x' })).messageKey).toBe(
      'errors.member.erased',
    );
    expect((await owner.fail('members.erase', { id: m.id, confirm: m.memberNo })).messageKey).toBe(
      'errors.member.erased',
    );

    const after = await plaintextCopy(passphrase, 'after');
    for (const text of personal) expect(after.includes(Buffer.from(text)), text).toBe(false);
    expect(auditRows(h, 'members.erased')).toMatchObject([{ details: { memberId: m.id, alsoErased: [dup.id] } }]);
    const audit = JSON.stringify(auditRows(h));
    for (const text of personal) expect(audit.includes(text), text).toBe(false);
    // The number is free again: the person may register afresh.
    expect((await owner.call('members.register', { phone: '13812345678' })).name).toBe('');
  });
});
