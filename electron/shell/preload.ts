import { contextBridge, ipcRenderer, webUtils } from 'electron';

/**
 * The renderer's only door to the main process: `invoke(channel, envelope)`. The main process
 * binds one IPC handler per contract channel; a name it does not know has no handler at all.
 */
contextBridge.exposeInMainWorld('liuke', {
  invoke: (channel: string, envelope: unknown): Promise<unknown> => ipcRenderer.invoke(`liuke:${channel}`, envelope),
  /** The path of a file the clerk picked, for an upload channel (the main process reads it). */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
