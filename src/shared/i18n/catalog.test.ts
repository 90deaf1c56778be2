import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, translator } from './i18n';
import { describeNotice } from './notices';
import type { Catalog } from './catalog/types';
import { localeFromEnv, pickLocale } from './languages';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const SRC = path.resolve(import.meta.dirname, '../..');

/** Every key of a catalog, plural forms folded into their base key. */
function keys(catalog: Catalog, prefix = ''): Set<string> {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = `${prefix}${key}`;
    if (typeof value === 'string') found.add(full.replace(PLURAL, ''));
    else for (const k of keys(value, `${full}.`)) found.add(k);
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/**
 * Keys named in code: t('a.b') and t(`a.${x}`) (as the pattern a.*) in the renderer and the CLI, the
 * services' notices notice('notices.x') and their errors' sentences { key: 'errors.x' }.
 */
function usedKeys(): { file: string; key: string }[] {
  const used: { file: string; key: string }[] = [];
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const calls = text.matchAll(/\b(?:t|notice)\(\s*(['`])([^'`]+)\1/g);
    const errorKeys = text.matchAll(/\bkey:\s*(')([a-z]+\.[A-Za-z.]+)\1/g);
    for (const match of [...calls, ...errorKeys])
      used.push({ file: path.relative(SRC, file), key: match[2]! });
  }
  return used;
}

describe('catalogs', () => {
  const en = keys(CATALOGS.en);
  const vi = keys(CATALOGS.vi);
  /** Whether a key used in code (a pattern for a template) is absent from either catalog. */
  const missing = ({ key }: { key: string }): boolean => {
    if (!key.includes('${')) return !en.has(key) || !vi.has(key);
    const pattern = new RegExp(`^${key.replace(/\./g, '\\.').replace(/\$\{[^}]*\}/g, '[^.]+')}$`);
    return ![...en].some((k) => pattern.test(k));
  };

  it('hold the same keys in Vietnamese and English', () => {
    expect([...vi].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !vi.has(k))).toEqual([]);
  });

  it('hold every key the code uses', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(150);
    expect(used.filter(missing)).toEqual([]);
  });

  it('hold every notice and error sentence the services name', () => {
    const main = usedKeys().filter(({ file }) => file.startsWith('main/'));
    expect(main.filter(({ key }) => key.startsWith('notices.')).length).toBeGreaterThan(30);
    expect(main.filter(({ key }) => key.startsWith('undo.')).length).toBeGreaterThan(8);
    expect(main.filter(missing)).toEqual([]);
  });

  it('word a service notice in Vietnamese, nested sentences included, and keep English as sent', () => {
    const missing = {
      message: 'The library index (/l/library.json) was missing and none of its backups in /b is valid. …',
      key: 'notices.missingLost',
      params: { What: 'The library index', file: '/l/library.json', dir: '/b', lost: 'index' },
    };
    expect(describeNotice(translator('vi'), 'vi', missing)).toBe(
      'Thiếu tệp /l/library.json và không bản sao lưu nào trong /b hợp lệ. ' +
        'Không có bản sao lưu hợp lệ nên Gloss dựng lại danh sách bài từ những gì thư viện còn giữ ' +
        '(đánh dấu và ghi chú trong .gloss/annotations, nội dung đã lưu đệm, các bản sao trong articles/).',
    );
    const retrying = {
      message: 'Disk full.',
      key: 'notices.saveRetrying',
      params: { code: 'disk-full', journal: 'j' },
    };
    expect(describeNotice(translator('vi'), 'vi', retrying)).toMatch(
      /^Ổ đĩa đã đầy: chưa lưu được gì\. Mọi thay đổi/,
    );
    expect(describeNotice(translator('en'), 'en', missing)).toBe(missing.message);
    expect(describeNotice(translator('vi'), 'vi', { message: 'Old notice.' })).toBe('Old notice.');
  });

  it('word a re-anchoring notice with only the counts that happened, in each language', () => {
    const en = translator('en');
    const vi = translator('vi');
    const report = (moved: number, fuzzy: number, orphaned: number) => ({
      title: 'T',
      placed: 1_200 - orphaned,
      total: 1_200,
      moved,
      fuzzy,
      orphaned,
    });
    expect(en('notices.reanchored', report(0, 0, 0))).toBe(
      '“T” changed on disk: 1,200 of 1,200 highlights placed.',
    );
    expect(en('notices.reanchored', report(1, 0, 0))).toBe(
      '“T” changed on disk: 1,200 of 1,200 highlights placed. 1 moved with its text.',
    );
    expect(en('notices.reanchored', report(2, 1, 3))).toBe(
      '“T” changed on disk: 1,197 of 1,200 highlights placed. 2 moved with their text. ' +
        '1 matched approximately. 3 could not be placed and are listed in the notes panel.',
    );
    expect(vi('notices.reanchored', report(0, 0, 1))).toBe(
      '“T” đã thay đổi trên đĩa: đặt lại được 1.199/1.200 đánh dấu. ' +
        '1 đánh dấu không tìm thấy, có trong bảng ghi chú.',
    );
  });

  it('plural and number forms follow each language (vi one form and 22.985; en one/other and 22,985)', () => {
    const vi = translator('vi');
    const en = translator('en');
    expect(vi('search.count', { count: 1 })).toBe('1 kết quả');
    expect(vi('search.count', { count: 22985 })).toBe('22.985 kết quả');
    expect(en('search.count', { count: 1 })).toBe('1 result');
    expect(en('search.count', { count: 22985 })).toBe('22,985 results');
  });

  it('pseudo-localises every string, accented and longer, keeping its placeholders', () => {
    const pseudo = translator('en-XA');
    const text = pseudo('library.deleteTitle', { title: 'Sơn Trà' });
    expect(text).toMatch(/^\[Ðëlëtë|^\[Dëlëtë/);
    expect(text).toContain('Sơn Trà');
    expect(text.length).toBeGreaterThan('Delete “Sơn Trà”?'.length * 1.2);
  });

  it('picks the language of the system, Vietnamese from vi_VN.UTF-8, else English', () => {
    expect(localeFromEnv({ LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LC_MESSAGES: 'vi_VN', LANG: 'C' })).toBe('vi');
    expect(localeFromEnv({ LANG: 'C' })).toBe('en');
    expect(pickLocale(['fr-FR', 'vi-VN', 'en'])).toBe('vi');
    expect(pickLocale(['de'])).toBe('en');
  });
});
