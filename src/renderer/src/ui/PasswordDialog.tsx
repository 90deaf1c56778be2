import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/**
 * Asks for the password of a password-protected PDF named `file`. The password lives in this
 * dialog's state only until it is handed to `onSubmit`; it is never stored. With `wrong`, the dialog
 * says the last password did not open the file. Escape or Cancel calls `onCancel`.
 */
export function PasswordDialog({
  file,
  wrong,
  onSubmit,
  onCancel,
}: {
  file: string;
  wrong: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
    <Dialog title={t('pdfPassword.title')} onClose={onCancel}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (password) onSubmit(password.normalize('NFC'));
        }}
      >
        <p id="pdf-password-why">{t('pdfPassword.why', { file })}</p>
        {wrong && (
          <p className="form-error" role="alert">
            {t('pdfPassword.wrong')}
          </p>
        )}
        <label>
          {t('pdfPassword.label')}
          <input
            type="password"
            autoComplete="off"
            autoFocus
            aria-describedby="pdf-password-why"
            aria-invalid={wrong}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!password}>
            {t('pdfPassword.open')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
