import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { copyFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { channels, type ChannelName, type FileDownload } from '../../shared/contract/index.js';
import { Backend } from '../backend.js';
import { systemClock } from '../core/clock.js';
import { resolveDataDir } from '../core/dataDir.js';
import { thisDevice } from '../core/device.js';
import { fileLogger } from '../core/log.js';
import { Dispatcher } from '../dispatch.js';
import { startBackupSchedule } from '../services/backupSchedule.js';
import { startPointsSchedule } from '../services/points/schedule.js';
import { safeStorageKeyStore } from './safeStorageKeyStore.js';
import { createMainWindow, rendererIndex } from './window.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron build of the native module lives apart from the Node build that tests and browser
 * mode use (build/electron-native.mjs), so running one never breaks the other.
 */
function electronNativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath ?? '', 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'),
    join(outDir, '..', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  const dataDir = resolveDataDir();
  const log = fileLogger(join(dataDir, 'logs'));
  const nativeBinding = electronNativeBinding();
  const backend = new Backend({
    dataDir,
    clock: systemClock,
    log,
    device: thisDevice(),
    osKeyStore: safeStorageKeyStore,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  await backend.start();
  const backups = startBackupSchedule(backend);
  const points = startPointsSchedule(backend);
  const dispatcher = new Dispatcher(backend);
  const index = pathToFileURL(rendererIndex(outDir)).href;
  // One session token per window, kept here: the renderer never sees it.
  const tokens = new Map<number, string>();

  async function invoke(channel: ChannelName, event: IpcMainInvokeEvent, envelope: unknown): Promise<unknown> {
    // Only our own page may call: not an iframe, not a page navigated elsewhere.
    if (event.senderFrame?.url.split('#')[0] !== index) {
      return { ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } };
    }
    const e = (envelope ?? {}) as { requestId?: unknown; input?: unknown };
    const id = event.sender.id;
    const result = await dispatcher.dispatch({ sessionToken: tokens.get(id), clientKey: `window-${id}` }, channel, {
      input: e.input,
      ...(typeof e.requestId === 'string' ? { requestId: e.requestId } : {}),
    });
    if (result.session && 'set' in result.session) tokens.set(id, result.session.set);
    else if (result.session) tokens.delete(id);
    if (result.response.ok && channels[channel].file === 'download') {
      return { ok: true, value: await saveDownload(result.response.value as FileDownload) };
    }
    return result.response;
  }
  // One handler per channel of the contract, so nothing outside it can be invoked.
  for (const channel of Object.keys(channels) as ChannelName[]) {
    ipcMain.handle(`liuke:${channel}`, (event, envelope: unknown) => invoke(channel, event, envelope));
  }

  /** A file channel's result goes where the user picks in the native save dialog. */
  async function saveDownload(file: FileDownload): Promise<{ saved: boolean }> {
    try {
      const target = await dialog.showSaveDialog(win, { defaultPath: file.fileName });
      if (target.canceled || !target.filePath) return { saved: false };
      await copyFile(file.path, target.filePath);
      return { saved: true };
    } finally {
      if (file.deleteAfter) await rm(file.path, { force: true });
    }
  }

  const win = createMainWindow(outDir);
  const windowId = win.webContents.id;
  win.on('closed', () => tokens.delete(windowId));
  app.on('window-all-closed', () => {
    void points
      .stop()
      .then(() => backups.stop())
      .then(() => backend.close())
      .then(() => app.quit());
  });
  app.on('second-instance', () => {
    const [w] = BrowserWindow.getAllWindows();
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  });
}

main().catch((e: unknown) => {
  dialog.showErrorBox('留客 Liuke', e instanceof Error ? e.message : String(e));
  app.exit(1);
});
