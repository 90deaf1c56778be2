import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/model/notice';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { useStore } from '../state/store';

type Status = { folder: string | null; problem: Notice | null };

/**
 * The export folder kept current on this computer (an Obsidian vault, say) and its last failure:
 * chosen in the system's folder dialog (the desktop app) or with `gloss export --watch --out DIR`.
 * Every change to highlights, notes, tags or details is exported into it a few seconds later.
 */
export function ExportFolder() {
  const { t } = useTranslation();
  const notify = useStore((s) => s.notify);
  const describe = useStore((s) => s.describe);
  const say = useStore((s) => s.say);
  const [status, setStatus] = useState<Status>({ folder: null, problem: null });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getExportFolder({}).then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const apply = async (pending: Promise<Result<Status>>) => {
    setBusy(true);
    setError(null);
    const result = await pending;
    setBusy(false);
    if (!result.ok) return setError(describe(result.error));
    const changed = result.value.folder !== status.folder;
    setStatus(result.value);
    if (changed) {
      notify(
        'info',
        result.value.folder === null
          ? t('exporting.folderStopped')
          : t('exporting.folderStarted', { folder: result.value.folder }),
      );
    }
  };

  return (
    <fieldset className="export-folder">
      <legend>{t('exporting.folder')}</legend>
      <p className="muted">
        {status.folder === null
          ? t('exporting.folderHint')
          : t('exporting.folderKept', { folder: status.folder })}
      </p>
      {status.problem && <p className="form-error">{say(status.problem)}</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {status.folder !== null && (
          <button type="button" disabled={busy} onClick={() => void apply(api.stopExportFolder({}))}>
            {t('exporting.folderStop')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void apply(api.chooseExportFolder({}))}>
          {t('exporting.folderChoose')}
        </button>
      </div>
    </fieldset>
  );
}
