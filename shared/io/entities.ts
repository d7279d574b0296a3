import { memberFileFields } from './memberFields.js';
import { purchaseImportFields } from './purchaseFields.js';

/**
 * What can be imported. Each entity is its fields (the columns a file may map to) and the ones a
 * row cannot do without; the main process adds how a row is read, matched and written
 * (electron/services/io/importers.ts).
 */
export const importEntityNames = ['members', 'purchases'] as const;
export type ImportEntityName = (typeof importEntityNames)[number];

export const importEntities: Record<ImportEntityName, { fields: readonly string[]; required: readonly string[] }> = {
  members: { fields: memberFileFields, required: ['phone'] },
  /** The member is found by phone or member number (a row needs one of them); see purchaseRow.ts. */
  purchases: { fields: purchaseImportFields, required: ['amount', 'time'] },
};
