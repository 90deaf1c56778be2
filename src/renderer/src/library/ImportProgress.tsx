import { useStore } from '../state/store';

/** Progress of a running import, then what went wrong with which file. */
export function ImportProgress() {
  const state = useStore((s) => s.importState);
  const clear = useStore((s) => s.clearImportState);
  if (!state) return null;
  const running = state.current !== null;
  return (
    <section className="import-progress" aria-label="Import">
      {running ? (
        <>
          <label htmlFor="import-bar">
            Importing {Math.min(state.done + 1, state.total)} of {state.total}: {state.current}
          </label>
          <progress id="import-bar" max={state.total} value={state.done} />
        </>
      ) : (
        <>
          <p>
            Imported {state.imported} of {state.total}.
          </p>
          {(state.failures.length > 0 || state.notes.length > 0) && (
            <ul className="import-report">
              {state.failures.map((f, i) => (
                <li key={`f${i}`} className="import-failure">
                  {f.message}
                </li>
              ))}
              {state.notes.map((d, i) => (
                <li key={`d${i}`}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" onClick={clear}>
            Close report
          </button>
        </>
      )}
    </section>
  );
}
