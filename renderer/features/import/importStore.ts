import { create } from 'zustand';
import type { ImportMode, JobStatus, StagedFile } from '../../../shared/domain.js';
import type { ImportEntityName } from '../../../shared/io/entities.js';

/**
 * The import in progress, kept outside the page so a manager can look something up at the counter
 * and come back to the same step while the job goes on in the main process.
 */
interface ImportState {
  /** Members or purchases: chosen before the file, and kept for the next file. */
  entity: ImportEntityName;
  file: StagedFile | null;
  /** The field each file column goes to (one of the entity's), or null to skip the column. */
  mapping: (string | null)[];
  mode: ImportMode;
  preview: JobStatus | null;
  run: JobStatus | null;
  setEntity(entity: ImportEntityName): void;
  setFile(file: StagedFile): void;
  setMapping(mapping: (string | null)[]): void;
  setMode(mode: ImportMode): void;
  setPreview(job: JobStatus | null): void;
  setRun(job: JobStatus | null): void;
  reset(): void;
}

export const useImport = create<ImportState>((set) => ({
  entity: 'members',
  file: null,
  mapping: [],
  mode: 'addOnly',
  preview: null,
  run: null,
  setEntity: (entity) => set({ entity, file: null, mapping: [], preview: null, run: null }),
  setFile: (file) => set({ file, mapping: file.suggested, preview: null, run: null }),
  // Another mapping or mode is another import: its preview must be seen again.
  setMapping: (mapping) => set({ mapping, preview: null }),
  setMode: (mode) => set({ mode, preview: null }),
  setPreview: (preview) => set({ preview }),
  setRun: (run) => set({ run }),
  reset: () => set({ file: null, mapping: [], preview: null, run: null }),
}));
