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
  it('converts plain text without loading jsdom or DOMPurify; Markdown loads them', async () => {
    const doc = await convertFile(bytes('Sơn Trà\n\nĐoàn khảo sát làm việc.\n'), 'bai.txt');
    expect(doc.title).toBe('Sơn Trà');
    expect([...loaded]).toEqual([]);

    await convertFile(bytes('# Sơn Trà\n\nĐoàn *khảo sát*.\n'), 'bai.md');
    expect([...loaded].sort()).toEqual(['dompurify', 'jsdom']);
  });
});
