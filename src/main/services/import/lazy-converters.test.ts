import { describe, expect, it, vi } from 'vitest';
import { convertFile } from './convert';

const loaded = vi.hoisted(() => new Set<string>());
vi.mock('./dom', async (original) => {
  loaded.add('jsdom');
  return original();
});
vi.mock('dompurify', async (original) => {
  loaded.add('dompurify');
  return original();
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('converters load with the first file of their format', () => {
  it('converts plain text and Markdown without HTML without loading jsdom or DOMPurify', async () => {
    const doc = await convertFile(bytes('Sơn Trà\n\nĐoàn khảo sát làm việc.\n'), 'bai.txt');
    expect(doc.title).toBe('Sơn Trà');
    const markdown = await convertFile(
      bytes('# Sơn Trà\n\n- Đoàn *khảo sát* [đến](https://x.vn).\n'),
      'bai.md',
    );
    expect(markdown.blocks.map((b) => b.kind)).toEqual(['h1', 'li']);
    expect([...loaded]).toEqual([]);

    const table = await convertFile(bytes('# Sơn Trà\n\n| Cột |\n|-----|\n| A |\n'), 'bang.md');
    expect(table.blocks.map((b) => table.text.slice(b.start, b.end))).toEqual(['Sơn Trà', 'Cột', 'A']);
    expect([...loaded].sort()).toEqual(['dompurify', 'jsdom']);
  });
});
