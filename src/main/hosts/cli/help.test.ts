import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';

describe('gloss --help and usage errors', () => {
  const env = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  afterEach(() => {
    vi.restoreAllMocks();
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  function speak(lang: string): void {
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = lang;
  }

  it('speaks Vietnamese under LANG=vi_VN.UTF-8, keeping the commands and options as typed', async () => {
    speak('vi_VN.UTF-8');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['--help'], '')).toBe(0);
    const help = String(log.mock.calls.at(-1)?.[0]);
    expect(help).toContain('Cách dùng: gloss [--library DIR] [--json] <lệnh> [đối số]');
    expect(help).toMatch(/\n {2}list +Liệt kê các bài trong thư viện\n/);
    expect(help).toMatch(/\n {2}--json +Kết quả cho máy đọc\n/);
    expect(help).not.toMatch(/List the articles|Machine-readable/);
  });

  it('speaks English under LANG=C, and words an unknown command in the language asked', async () => {
    speak('C');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['help'], '')).toBe(0);
    expect(String(log.mock.calls.at(-1)?.[0])).toMatch(/\n {2}list +List the articles in the library\n/);
    speak('vi_VN.UTF-8');
    expect(await main(['frobnicate'], '')).toBe(2);
    expect(String(error.mock.calls.at(-1)?.[0])).toBe(
      'gloss: không có lệnh "frobnicate". Chạy "gloss --help" để xem danh sách.',
    );
  });
});
