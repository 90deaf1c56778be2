import { describe, expect, it } from 'vitest';
import { libraryMethods } from './library';

const accepts = (data: string) => libraryMethods.importFile.params.safeParse({ name: 'a.txt', data }).success;

describe('importFile', () => {
  it('takes padded base64 of any length, a long file included', () => {
    for (const data of ['', 'QQ==', 'QUI=', 'QUJD', 'U8ahbiBUcsOg', 'YWJj+/8='])
      expect(accepts(data)).toBe(true);
    expect(accepts('QUJD'.repeat(4_000_000))).toBe(true);
  });

  it('refuses text that is not padded base64', () => {
    for (const data of [
      'Q',
      'QQ=',
      'QUJ',
      'Q===',
      'QQ==QUJD',
      'QU JD',
      'QUJD\n',
      'QU-_',
      'Sơn Trà!',
      'QQ=Q',
      '=QQQ',
      'Q=Q=',
    ]) {
      expect(accepts(data)).toBe(false);
    }
  });
});
