import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';

/** File types offered in the picker: articles, books, PDFs, and highlight exports of other readers (.json, .csv). */
export const IMPORT_ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.epub,.pdf,.json,.csv,text/plain,text/markdown,text/html,application/epub+zip,application/pdf';

/** Opens the system file picker (a native dialog in Electron) and imports the chosen files. */
export function ImportButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const importFiles = useStore((s) => s.importFiles);
  const busy = useStore((s) => s.importState?.current != null);
  return (
    <>
      <button type="button" className={className} disabled={busy} onClick={() => input.current?.click()}>
        {t('library.import')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        aria-label={t('library.chooseFiles')}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          void importFiles(files);
        }}
      />
    </>
  );
}
