import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { useStore } from '../state/store';

/** Theme, typeface and size of the reader, behind a "Display" button; remembered with the library. */
export function ReaderSettingsMenu() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const update = useStore((s) => s.updateSettings);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  return (
    <div
      className="reader-settings"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls="display-settings"
        onClick={() => setOpen(!open)}
      >
        {t('settings.button')}
      </button>
      {open && (
        <div id="display-settings" className="popover" role="group" aria-label={t('settings.group')}>
          <label>
            {t('settings.theme')}
            <select
              aria-label={t('settings.theme')}
              value={settings.theme}
              onChange={(e) => void update({ theme: e.target.value as typeof settings.theme })}
            >
              <option value="system">{t('settings.system')}</option>
              <option value="light">{t('settings.light')}</option>
              <option value="sepia">{t('settings.sepia')}</option>
              <option value="dark">{t('settings.dark')}</option>
            </select>
          </label>
          <label>
            {t('settings.font')}
            <select
              aria-label={t('settings.font')}
              value={settings.font}
              onChange={(e) => void update({ font: e.target.value as typeof settings.font })}
            >
              <option value="serif">{t('settings.serif')}</option>
              <option value="sans">{t('settings.sans')}</option>
            </select>
          </label>
          <div className="row">
            <button
              type="button"
              aria-label={t('settings.smaller')}
              disabled={settings.fontSize <= 12}
              onClick={() => void update({ fontSize: settings.fontSize - 1 })}
            >
              A−
            </button>
            <span aria-live="polite">{t('settings.size', { size: settings.fontSize })}</span>
            <button
              type="button"
              aria-label={t('settings.larger')}
              disabled={settings.fontSize >= 32}
              onClick={() => void update({ fontSize: settings.fontSize + 1 })}
            >
              A+
            </button>
          </div>
          <LanguageSelect />
        </div>
      )}
    </div>
  );
}
