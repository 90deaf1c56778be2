import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/result';
import type { SyncStatus } from '../../../shared/model/sync';

/** How often the line asks again (ms): other computers' writes arrive through the synced folder at any time. */
const REFRESH_MS = 30_000;

/**
 * The status line's words for `status`: how many computers keep the library
 * and when another one last wrote (local date and time); null when this
 * computer is the only one, so nothing is shown.
 */
export function syncSummary(status: SyncStatus): string | null {
  if (status.devices.length < 2) return null;
  const others = status.devices
    .filter((device) => !device.self && device.lastWrite !== null)
    .map((device) => Date.parse(device.lastWrite!));
  const computers = `${status.devices.length} computers`;
  if (others.length === 0) return computers;
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
  return `${computers} · last change from another ${when.format(Math.max(...others))}`;
}

/**
 * The part of the status bar about a library kept on several computers:
 * asks `load` (getSyncStatus) now and every 30 s; shows nothing for a
 * library on one computer or while the answer is an error.
 */
export function SyncStatusLine({ load }: { load: () => Promise<Result<SyncStatus>> }) {
  const [summary, setSummary] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void load().then((result) => {
        if (live && result.ok) setSummary(syncSummary(result.value));
      });
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load]);
  return summary ? <span className="sync-status"> · {summary}</span> : null;
}
