import { memberFileFields } from './memberFields.js';

/**
 * What can be imported. Each entity is its fields (the columns a file may map to) and the ones a
 * row cannot do without; the main process adds how a row is read, matched and written
 * (electron/services/io/importers.ts). Purchases, once they exist, are one more entry here.
 */
export const importEntityNames = ['members'] as const;
export type ImportEntityName = (typeof importEntityNames)[number];

export const importEntities: Record<ImportEntityName, { fields: readonly string[]; required: readonly string[] }> = {
  members: { fields: memberFileFields, required: ['phone'] },
};
