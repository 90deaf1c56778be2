import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';

/** Progress of a running import, then what went wrong with which file. */
export function ImportProgress() {
  const { t } = useTranslation();
  const state = useStore((s) => s.importState);
  const clear = useStore((s) => s.clearImportState);
  if (!state) return null;
  const running = state.current !== null;
  return (
    <section className="import-progress" aria-label={t('importing.region')}>
      {running ? (
        <>
          <label htmlFor="import-bar">
            {t('importing.progress', {
              at: Math.min(state.done + 1, state.total),
              total: state.total,
              name: state.current,
            })}
          </label>
          <progress id="import-bar" max={state.total} value={state.done} />
        </>
      ) : (
        <>
          <p>{t('importing.done', { imported: state.imported, total: state.total })}</p>
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
            {t('importing.closeReport')}
          </button>
        </>
      )}
    </section>
  );
}
