import { GlossError } from '../../../shared/result';

/** The input and output a password is asked on: the terminal, or stand-ins in tests. */
export interface PasswordTerminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };
  output: NodeJS.WritableStream;
}

/** Tries given to a person typing a password before the import of that file is given up. */
export const PASSWORD_TRIES = 3;

/** True when `error` is the refusal of an encrypted PDF for want of its password (or a wrong one). */
export function wantsPassword(error: unknown): error is GlossError {
  return error instanceof GlossError && typeof error.params?.password === 'string';
}

/**
 * Reads one line from a terminal without echoing it (raw mode): the password of an encrypted PDF.
 * Enter ends it, Backspace takes back a character, Ctrl+C or Ctrl+D (or an empty line) gives up.
 * @param file The name of the PDF, for the refusal when nobody can be asked.
 * @returns the password (NFC), or null when the person gave up.
 * @throws GlossError 'invalid-argument' naming `file` when `terminal.input` is not a terminal (no one
 *   can answer: the message says to pass --password).
 */
export async function promptPassword(
  terminal: PasswordTerminal,
  question: string,
  file: string,
): Promise<string | null> {
  const { input, output } = terminal;
  if (!input.isTTY || !input.setRawMode) {
    throw new GlossError(
      'invalid-argument',
      `“${file}” is password-protected: give its password with --password (standard input is not a terminal to ask for it).`,
      { file, key: 'cli.passwordNoTerminal' },
    );
  }
  output.write(question);
  input.setRawMode(true);
  input.resume();
  try {
    return await new Promise<string | null>((resolve) => {
      let typed = '';
      const onData = (chunk: Buffer | string): void => {
        for (const char of String(chunk)) {
          if (char === '\r' || char === '\n' || char === '\u0003' || char === '\u0004') {
            input.off('data', onData);
            output.write('\n');
            const done = char === '\r' || char === '\n';
            return resolve(done && typed !== '' ? typed.normalize('NFC') : null);
          }
          if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('');
          else typed += char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}
