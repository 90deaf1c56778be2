import { contextBridge, ipcRenderer } from 'electron';
import { methodNames, type GlossApi } from '../shared/contract';

/**
 * Exposes exactly the contract's methods as `window.gloss`, each bound to its
 * own IPC channel. Nothing generic (no send/invoke/on) crosses the bridge.
 */
const api = Object.fromEntries(
  methodNames.map((name) => [name, (params: unknown) => ipcRenderer.invoke(`gloss:${name}`, params ?? {})]),
) as GlossApi;

contextBridge.exposeInMainWorld('gloss', Object.freeze(api));
