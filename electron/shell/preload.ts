import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only door to the main process: `invoke(channel, envelope)`. Channel names are
 * checked against the contract in the main process, not here, so this file never changes.
 */
contextBridge.exposeInMainWorld('liuke', {
  invoke: (channel: string, envelope: unknown): Promise<unknown> =>
    ipcRenderer.invoke('liuke:invoke', channel, envelope),
});
