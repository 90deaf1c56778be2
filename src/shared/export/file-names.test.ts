import { describe, expect, it } from 'vitest';
import { MAX_STEM_BYTES, collisionKey, numberedName, safeFileStem, uniqueFileNames } from './file-names';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('safeFileStem', () => {
  it('keeps Vietnamese letters and returns NFC', () => {
    expect(safeFileStem('Đảng bộ Q. Sơn Trà')).toBe('Đảng bộ Q. Sơn Trà');
    expect(safeFileStem('Đa\u0300 Nă\u0303ng')).toBe('Đà Nẵng');
  });

  it('replaces characters invalid on Windows, macOS or Linux, and those that break Obsidian links', () => {
    expect(safeFileStem('a/b\\c')).toBe('a-b-c');
    expect(safeFileStem('Tiêu đề: phụ đề')).toBe('Tiêu đề - phụ đề');
    expect(safeFileStem('<a>|"b"?*')).toBe('a-b');
    expect(safeFileStem('Ghi chú #1 [[x]] ^y')).toBe('Ghi chú - 1 - x - y');
    expect(safeFileStem('dòng\nmới\tvà\u0000nul')).toBe('dòng mới và-nul');
  });

  it('removes leading dots and trailing dots and spaces', () => {
    expect(safeFileStem('..ẩn')).toBe('ẩn');
    expect(safeFileStem('Hết câu...  ')).toBe('Hết câu');
  });

  it('suffixes names Windows reserves for devices', () => {
    expect(safeFileStem('CON')).toBe('CON_');
    expect(safeFileStem('nul')).toBe('nul_');
    expect(safeFileStem('com1.txt')).toBe('com1_.txt');
    expect(safeFileStem('LPT9')).toBe('LPT9_');
    expect(safeFileStem('Console')).toBe('Console');
  });

  it('caps the length in UTF-8 bytes without splitting a letter', () => {
    const stem = safeFileStem('Đảng '.repeat(60));
    expect(bytes(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(stem.startsWith('Đảng Đảng')).toBe(true);
    expect(stem).toBe(stem.normalize('NFC'));
    expect(stem.endsWith(' ')).toBe(false);
    expect(safeFileStem('ạ'.repeat(100))).toBe('ạ'.repeat(40));
  });

  it('falls back to a name when nothing is left', () => {
    expect(safeFileStem('???')).toBe('Untitled');
    expect(safeFileStem('', 'Bài viết')).toBe('Bài viết');
  });
});

describe('unique names', () => {
  it('numbers later duplicates, ignoring case and Unicode form', () => {
    expect(uniqueFileNames(['Bài.md', 'bài.md', 'Ba\u0300i.md', 'Khác.md'])).toEqual([
      'Bài.md',
      'bài (2).md',
      'Ba\u0300i (3).md',
      'Khác.md',
    ]);
  });

  it('numbers before the extension', () => {
    expect(numberedName('Bài.md', 2)).toBe('Bài (2).md');
    expect(numberedName('README', 3)).toBe('README (3)');
    expect(collisionKey('ĐÀ.MD')).toBe(collisionKey('đa\u0300.md'));
  });
});
