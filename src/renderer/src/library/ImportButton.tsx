import type { Ref, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';

/** File types offered in the picker: articles, books, PDFs, and highlight exports of other readers (.json, .csv). */
export const IMPORT_ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.epub,.pdf,.json,.csv,text/plain,text/markdown,text/html,application/epub+zip,application/pdf';

/**
 * The system file picker (a native dialog in Electron) behind every Import button, and the import of
 * what is chosen. The library mounts it once, outside the parts that come and go: files chosen while
 * the first article replaces the empty library's invitation are still imported.
 */
export function ImportPicker({ ref }: { ref: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const importFiles = useStore((s) => s.importFiles);
  return (
    <input
      ref={ref}
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
  );
}

/** Opens the library's file picker; unavailable while files are being imported. */
export function ImportButton({
  picker,
  className,
}: {
  picker: RefObject<HTMLInputElement | null>;
  className?: string;
}) {
  const { t } = useTranslation();
  const busy = useStore((s) => s.importState?.current != null);
  return (
    <button type="button" className={className} disabled={busy} onClick={() => picker.current?.click()}>
      {t('library.import')}
    </button>
  );
}
