import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { useStore } from '../state/store';

type Status = { folder: string | null; problem: string | null };

/**
 * The export folder kept current on this computer (an Obsidian vault, say) and its last failure:
 * chosen in the system's folder dialog (the desktop app) or with `gloss export --watch --out DIR`.
 * Every change to highlights, notes, tags or details is exported into it a few seconds later.
 */
export function ExportFolder() {
  const notify = useStore((s) => s.notify);
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
    if (!result.ok) return setError(result.error.message);
    const changed = result.value.folder !== status.folder;
    setStatus(result.value);
    if (changed) {
      notify(
        'info',
        result.value.folder === null
          ? 'The export folder is no longer kept current.'
          : `Keeping “${result.value.folder}” current.`,
      );
    }
  };

  return (
    <fieldset className="export-folder">
      <legend>Keep a folder current</legend>
      <p className="muted">
        {status.folder === null
          ? 'Each article with highlights or a note gets a Markdown file there, updated a few seconds after every change. Text you add outside Gloss’s markers stays.'
          : `Kept current: ${status.folder}`}
      </p>
      {status.problem && <p className="form-error">{status.problem}</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {status.folder !== null && (
          <button type="button" disabled={busy} onClick={() => void apply(api.stopExportFolder({}))}>
            Stop keeping it current
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void apply(api.chooseExportFolder({}))}>
          Choose a folder…
        </button>
      </div>
    </fieldset>
  );
}
