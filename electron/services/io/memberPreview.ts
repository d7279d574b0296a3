import type { ImportPreviewRow } from '../../../shared/domain.js';
import type { ColumnsOf, MemberImportRow } from '../../../shared/io/memberRow.js';
import { phoneForDisplay } from '../../../shared/rules/phone.js';
import type { Classified } from './rowWriter.js';

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** A preview row: the values as they will be stored, in the form a clerk reads them. */
export function previewRow(c: Classified<MemberImportRow>, columns: ColumnsOf): ImportPreviewRow {
  const values: Record<string, string> = {};
  const r = c.row;
  // A refused row has no stored form: show its cells as they are, so the shop sees what is wrong.
  if (!r) for (const [f, i] of Object.entries(columns)) values[f] = (c.cells[i] ?? '').trim();
  if (r) {
    values.phone = phoneForDisplay(r.phone.e164);
    const plain = ['name', 'gender', 'birthday', 'email', 'wechat', 'address', 'occupation', 'notes'] as const;
    for (const k of plain) if (r[k] !== null) values[k] = r[k];
    if (r.phone2) values.phone2 = phoneForDisplay(r.phone2);
    if (r.joinedOn) values.joinedOn = r.joinedOn;
    if (r.memberNo) values.memberNo = r.memberNo;
    if (r.cardNo) values.cardNo = r.cardNo;
    if (r.tags.length) values.tags = r.tags.join(', ');
    if (r.tier) values.tier = r.tier;
    if (r.points !== null) values.points = String(r.points);
    if (r.spendFen !== null) values.totalSpent = yuan(r.spendFen);
  }
  return {
    line: c.line,
    status: c.status,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.field ? { field: c.field } : {}),
    values,
  };
}
