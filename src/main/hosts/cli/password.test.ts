import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../services/store/testing/fixtures';
import { main } from './main';
import { promptPassword, type PasswordTerminal } from './password';

const PROTECTED = path.resolve(import.meta.dirname, '../../services/import/fixtures/son-tra-protected.pdf');
const PASSWORD = 'đà nẵng 2026';

afterEach(() => vi.restoreAllMocks());

/** A terminal whose keys are typed by the test. */
function fakeTerminal(): PasswordTerminal & { typed: PassThrough; shown: () => string } {
  const typed = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk) => (shown += String(chunk)));
  const input = Object.assign(typed, { isTTY: true, setRawMode: vi.fn() });
  return { input, output, typed, shown: () => shown };
}

describe('promptPassword', () => {
  it('reads a line without echoing it; Backspace takes back a character', async () => {
    const terminal = fakeTerminal();
    const answer = promptPassword(terminal, 'Password: ', 'a.pdf');
    terminal.typed.write('đà x\u007fnẵng\r');
    expect(await answer).toBe('đà nẵng');
    expect(terminal.shown()).toBe('Password: \n');
    expect(terminal.input.setRawMode).toHaveBeenLastCalledWith(false);
  });

  it('gives up on Ctrl+C or an empty line', async () => {
    for (const keys of ['abc\u0003', '\r']) {
      const terminal = fakeTerminal();
      const answer = promptPassword(terminal, 'Password: ', 'a.pdf');
      terminal.typed.write(keys);
      expect(await answer).toBeNull();
    }
  });

  it('refuses, naming the file and --password, when its input is not a terminal', async () => {
    const terminal = { input: new PassThrough(), output: new PassThrough() };
    await expect(promptPassword(terminal, 'Password: ', 'a.pdf')).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/“a\.pdf” is password-protected: give its password with --password/),
    });
  });
});

describe('gloss import of a password-protected PDF', () => {
  const run = async (args: string[]) => {
    const dir = tempDir();
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    // Tests run with no terminal on standard input, as in CI.
    const code = await main(['--library', dir, 'import', PROTECTED, ...args], dir);
    const copies = readdirSync(dir).includes('articles') ? readdirSync(path.join(dir, 'articles')) : [];
    return { code, printed: printed.join('\n'), copies };
  };

  it('imports it with --password, printing nothing of the password', { timeout: 60_000 }, async () => {
    const { code, printed } = await run(['--password', PASSWORD]);
    expect(code).toBe(0);
    expect(printed).toMatch(/Imported “/);
    expect(printed).not.toContain(PASSWORD);
  });

  it('refuses clearly without --password when nobody can be asked; the library is unchanged', async () => {
    const { code, printed, copies } = await run([]);
    expect(code).toBe(1);
    expect(printed).toMatch(
      /“son-tra-protected\.pdf” is password-protected: give its password with --password/,
    );
    expect(copies).toEqual([]);
  });

  it('says a wrong --password does not open it', async () => {
    const { code, printed, copies } = await run(['--password', 'sai mật khẩu']);
    expect(code).toBe(1);
    expect(printed).toMatch(/that password does not open it/);
    expect(printed).not.toContain('sai mật khẩu');
    expect(copies).toEqual([]);
  });
});
