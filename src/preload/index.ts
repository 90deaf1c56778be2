import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../shared/contract';
import { checkResult } from '../shared/contract/check';
import { createClient, ipcChannel } from '../shared/contract/transport';

/**
 * Exposes exactly the contract's methods as `window.gloss`, each bound to its
 * own IPC channel. Nothing generic (no send/invoke/on) crosses the bridge.
 * Development builds check every result against the contract.
 */
const api = createClient((name, params) => ipcRenderer.invoke(ipcChannel(name), params), methodNames, {
  check: import.meta.env.DEV ? checkResult : undefined,
});

contextBridge.exposeInMainWorld('gloss', Object.freeze(api));
