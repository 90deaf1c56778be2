import { useStore } from '../state/store';
import { PasswordDialog } from '../ui/PasswordDialog';

/** Asks for a PDF's password while an import waits for it (see `passwordRequest` in the store). */
export function ImportPasswordPrompt() {
  const request = useStore((s) => s.passwordRequest);
  if (!request) return null;
  return (
    <PasswordDialog
      // A new dialog for each attempt: the field starts empty and takes the focus again.
      key={`${request.file}:${request.attempt}`}
      file={request.file}
      wrong={request.wrong}
      onSubmit={(password) => request.answer(password)}
      onCancel={() => request.answer(null)}
    />
  );
}
