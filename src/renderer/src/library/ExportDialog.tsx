import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlTag, type Locale } from '../../../shared/i18n';
import type { ExportScope } from '../../../shared/model/export';
import { api } from '../api';
import { useStore } from '../state/store';
import { Dialog } from '../ui/Dialog';
import { ExportFolder } from './ExportFolder';
import { strToU8, zipSync } from 'fflate';
import type { ExportFile } from '../../../shared/model/export';
import type { ColorMarkerStyle } from '../../../shared/export/color-marker';
import { ATTACHMENTS_FOLDER } from '../../../shared/export/attachments';
import { fromBase64 } from '../ui/base64';

/**
 * Several files as one zip archive (one download instead of many), the images the notes embed in its
 * `attachments` folder, as an export into a folder writes them.
 */
function zipFiles(files: ExportFile[]): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    entries[file.name] = strToU8(file.content);
    for (const { name, data } of file.attachments ?? []) {
      entries[`${ATTACHMENTS_FOLDER}/${name}`] = fromBase64(data);
    }
  }
  return zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>;
}

/** Offers a file to the user as a download (a save dialog in Electron). */
function download(name: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export notes: Markdown (one file per article, or one combined file) or
 * W3C Web Annotation JSON, for the scopes offered by the caller.
 */
export function ExportDialog({
  scopes,
  onClose,
}: {
  scopes: { label: string; scope: ExportScope }[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const notify = useStore((s) => s.notify);
  const describe = useStore((s) => s.describe);
  const [scopeIndex, setScopeIndex] = useState(0);
  const [format, setFormat] = useState<'md' | 'json'>('md');
  const [combined, setCombined] = useState(true);
  const [colorMarker, setColorMarker] = useState<ColorMarkerStyle>('emoji');
  const [includeEmpty, setIncludeEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = scopes[scopeIndex];
  const single = chosen?.scope.kind === 'article';

  const run = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    const result = await api.renderExport({
      scope: chosen.scope,
      format,
      combined: format === 'md' && !single && combined,
      ...(format === 'md' && { colorMarker }),
      ...(chosen.scope.kind === 'all' && { includeEmpty }),
      language: intlTag(i18n.language as Locale) === 'vi' ? 'vi' : 'en',
    });
    setBusy(false);
    if (!result.ok) return setError(describe(result.error));
    const { files } = result.value;
    const type = format === 'md' ? 'text/markdown' : 'application/ld+json';
    const [first] = files;
    if (files.length === 1 && first && !first.attachments) download(first.name, first.content, type);
    else download(t('exporting.zipName'), zipFiles(files), 'application/zip');
    notify(
      'info',
      files.length === 1 && !first?.attachments
        ? t('exporting.exportedOne', { name: first?.name })
        : t('exporting.exportedMany', { count: files.length, zip: t('exporting.zipName') }),
    );
    onClose();
  };

  return (
    <Dialog title={t('exporting.title')} onClose={onClose}>
      <div className="form">
        <label>
          {t('exporting.what')}
          <select value={scopeIndex} onChange={(e) => setScopeIndex(Number(e.target.value))}>
            {scopes.map((s, i) => (
              <option key={s.label} value={i}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="radio-group">
          <legend>{t('exporting.format')}</legend>
          <label className="check">
            <input type="radio" name="format" checked={format === 'md'} onChange={() => setFormat('md')} />
            {t('exporting.markdown')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="format"
              checked={format === 'json'}
              onChange={() => setFormat('json')}
            />
            {t('exporting.json')}
          </label>
        </fieldset>
        {format === 'md' && !single && (
          <label className="check">
            <input type="checkbox" checked={combined} onChange={(e) => setCombined(e.target.checked)} />
            {t('exporting.combined')}
          </label>
        )}
        {format === 'md' && (
          <label>
            {t('exporting.colour')}
            <select value={colorMarker} onChange={(e) => setColorMarker(e.target.value as ColorMarkerStyle)}>
              <option value="emoji">{t('exporting.colourEmoji')}</option>
              <option value="text">{t('exporting.colourText')}</option>
              <option value="none">{t('exporting.colourNone')}</option>
            </select>
          </label>
        )}
        {chosen?.scope.kind === 'all' && (
          <label className="check">
            <input
              type="checkbox"
              checked={includeEmpty}
              onChange={(e) => setIncludeEmpty(e.target.checked)}
            />
            {t('exporting.includeEmpty')}
          </label>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <ExportFolder />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            {busy ? t('exporting.running') : t('exporting.run')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
