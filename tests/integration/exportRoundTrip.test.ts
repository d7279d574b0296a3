import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../shared/contract/export.js';
import { memberFileFields } from '../../shared/io/memberFields.js';
import { writeFixture } from '../fixtures/importFiles.js';
import { exportMembers, registerVaried } from './exportHelpers.js';
import { closeShops, openShop, tempDir, type Harness } from './harness.js';
import { importFile, preview, stage } from './ioHelpers.js';

afterEach(closeShops);

/** Everything a member file carries, per member number, as stored. */
function projection(h: Harness) {
  return h.backend.raw
    .prepare(
      `select m.member_no, m.name, m.phone, m.phone_kind, m.phone2, m.gender, m.birthday, m.email, m.wechat,
         m.address, m.occupation, m.joined_on, m.notes,
         (select card_no from member_cards c where c.member_id = m.id and c.status = 'active') as card,
         (select group_concat(name, '|') from (select t.name from member_tags mt join tags t on t.id = mt.tag_id
           where mt.member_id = m.id order by t.name)) as tags,
         (select sum(points) from member_opening_balances o where o.member_id = m.id) as points,
         (select sum(spend_fen) from member_opening_balances o where o.member_id = m.id) as spend,
         (select legacy_tier from member_opening_balances o where o.member_id = m.id) as tier
       from members m order by m.member_no`,
    )
    .all();
}

describe('export → import round trip', () => {
  it.each<ExportFormat>(['csvUtf8', 'csvGb18030', 'xlsx'])('%s is lossless', async (format) => {
    const { h, owner } = await openShop();
    await importFile(owner, await writeFixture(tempDir(), 'utf8'));
    await registerVaried(owner);
    const language = format === 'xlsx' ? 'en' : 'zh';
    const { path, result } = await exportMembers(owner, { format, language, fullPhones: true });
    expect(result.rows).toBe(8);

    // (a) The same shop: every row is an existing member, unchanged.
    const file = await stage(owner, path);
    expect(file.suggested).toEqual([...memberFileFields]);
    const again = await preview(owner, file, 'addAndUpdate');
    expect(again.counts).toEqual({ new: 0, update: 0, dupInFile: 0, dupExisting: 8, invalid: 0 });
    expect(again.rows.map((r) => r.reason)).toEqual(Array(8).fill('unchanged'));

    // (b) A new shop: the same members, field for field.
    const fresh = await openShop();
    const { result: imported } = await importFile(fresh.owner, path, 'addOnly');
    expect(imported).toMatchObject({ imported: 8, updated: 0, skipped: 0, invalid: 0 });
    expect(projection(fresh.h)).toEqual(projection(h));
  });
});
