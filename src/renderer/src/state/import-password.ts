import type { ImportOutcome } from '../../../shared/model/article';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import type { LibrarySlice } from './types';

/**
 * Imports one file's bytes (base64); when the services answer that it is a password-protected PDF
 * (params `password: 'needed'` or `'wrong'`), sets `passwordRequest` so the window asks for the
 * password, and tries again with the answer until it opens the file or the user cancels. The
 * password goes to the import call only and is dropped after it.
 * @returns the import's result, or null when the user cancelled (nothing was imported).
 */
export async function importAskingPassword(
  name: string,
  data: string,
  set: (partial: Pick<LibrarySlice, 'passwordRequest'>) => void,
): Promise<Result<ImportOutcome> | null> {
  let result = await api.importFile({ name, data });
  for (let attempt = 0; ; attempt++) {
    if (result.ok || typeof result.error.params?.password !== 'string') return result;
    const wrong = result.error.params.password === 'wrong';
    const password = await new Promise<string | null>((resolve) =>
      set({
        passwordRequest: {
          file: name,
          wrong,
          attempt,
          answer: (given) => {
            set({ passwordRequest: null });
            resolve(given);
          },
        },
      }),
    );
    if (password === null) return null;
    result = await api.importFile({ name, data, password });
  }
}
