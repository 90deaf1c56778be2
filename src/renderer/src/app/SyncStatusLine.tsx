import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from '../../../shared/i18n';
import type { Result } from '../../../shared/result';
import type { SyncStatus } from '../../../shared/model/sync';

/**
 * How often the line asks again without being told (ms): for a write of
 * another computer that changed nothing here (its arrivals are announced,
 * see `revision`).
 */
const REFRESH_MS = 5 * 60_000;

/**
 * The status line's words for `status` in the language of `t`: how many
 * computers keep the library and when another one last wrote (date and time
 * the way `language` writes them); null when this computer is the only one,
 * so nothing is shown.
 */
export function syncSummary(status: SyncStatus, t: TFunction, language: string): string | null {
  if (status.devices.length < 2) return null;
  const others = status.devices
    .filter((device) => !device.self && device.lastWrite !== null)
    .map((device) => Date.parse(device.lastWrite!));
  const computers = t('app.computers', { count: status.devices.length });
  if (others.length === 0) return computers;
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return t('app.lastChangeElsewhere', { computers, when: when.format(Math.max(...others)) });
}

/**
 * The part of the status bar about a library kept on several computers:
 * asks `load` (getSyncStatus) now, whenever `revision` changes (another
 * computer's changes arrived) and every 5 minutes; shows nothing for a
 * library on one computer or while the answer is an error.
 */
export function SyncStatusLine({
  load,
  revision,
}: {
  load: () => Promise<Result<SyncStatus>>;
  revision: number;
}) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void load().then((result) => {
        if (live && result.ok) setStatus(result.value);
      });
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load, revision]);
  const summary = status && syncSummary(status, t, i18n.language);
  return summary ? <span className="sync-status"> · {summary}</span> : null;
}
