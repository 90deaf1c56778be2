import { useEffect, useState } from 'react';
import { api } from '../api';
import { useStore } from '../state/store';

/**
 * The export folder kept current on this computer (an Obsidian vault, say):
 * its full path, typed, and its last failure. Every change to highlights,
 * notes, tags or details is exported into it a few seconds later.
 */
export function ExportFolder() {
  const notify = useStore((s) => s.notify);
  const [kept, setKept] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getExportFolder({}).then((result) => {
      if (!live || !result.ok) return;
      setKept(result.value.folder);
      setProblem(result.value.problem);
      setTyped(result.value.folder ?? '');
    });
    return () => {
      live = false;
    };
  }, []);

  const choose = async (folder: string | null) => {
    setBusy(true);
    setError(null);
    const result = await api.setExportFolder({ folder });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setKept(result.value.folder);
    setProblem(result.value.problem);
    notify(
      'info',
      result.value.folder === null
        ? 'The export folder is no longer kept current.'
        : `Keeping “${result.value.folder}” current.`,
    );
  };

  return (
    <fieldset className="export-folder">
      <legend>Keep a folder current</legend>
      <label>
        Export folder (full path)
        <input
          type="text"
          value={typed}
          spellCheck={false}
          placeholder="/home/me/Obsidian/Gloss"
          onChange={(e) => setTyped(e.target.value)}
        />
      </label>
      <p className="muted">
        {kept === null
          ? 'Each article with highlights or a note gets a Markdown file there, updated a few seconds after every change. Text you add outside Gloss’s markers stays.'
          : `Kept current: ${kept}`}
      </p>
      {problem && <p className="form-error">{problem}</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {kept !== null && (
          <button type="button" disabled={busy} onClick={() => void choose(null)}>
            Stop keeping it current
          </button>
        )}
        <button
          type="button"
          disabled={busy || typed.trim() === '' || typed.trim() === kept}
          onClick={() => void choose(typed.trim())}
        >
          Keep this folder current
        </button>
      </div>
    </fieldset>
  );
}
