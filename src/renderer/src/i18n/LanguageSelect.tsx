import { useTranslation } from 'react-i18next';
import type { LanguagePreference } from '../../../shared/i18n';
import { useStore } from '../state/store';
import { LANGUAGE_NAMES as NAMES } from './shown-locale';

/** The interface language: as the system, or one of the catalogs'; remembered in the settings. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language ?? 'system');
  const update = useStore((s) => s.updateSettings);
  return (
    <label className="language-select">
      {t('app.language')}
      <select
        aria-label={t('app.language')}
        value={language}
        onChange={(e) => void update({ language: e.target.value as LanguagePreference })}
      >
        <option value="system">{t('app.languageSystem')}</option>
        {(Object.keys(NAMES) as (keyof typeof NAMES)[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
