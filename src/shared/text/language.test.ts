import { describe, expect, it } from 'vitest';
import { detectLanguage, statedLanguage } from './language';

describe('detectLanguage', () => {
  it('tells Vietnamese from its letters, and says nothing about other text', () => {
    expect(detectLanguage('Đoàn khảo sát làm việc với Đảng bộ Q. Sơn Trà')).toBe('vi');
    expect(detectLanguage('The survey team met the district committee.')).toBeNull();
    expect(detectLanguage('Café à la française, déjà vu.')).toBeNull();
    expect(detectLanguage('12345')).toBeNull();
  });
});

describe('statedLanguage', () => {
  it('keeps a well-formed tag, its primary subtag in lower case', () => {
    expect(statedLanguage('vi')).toBe('vi');
    expect(statedLanguage(' VI-vn ')).toBe('vi-vn');
    expect(statedLanguage('en_US')).toBe('en-US');
  });
  it('says nothing for what is not a language tag', () => {
    expect(statedLanguage('')).toBeNull();
    expect(statedLanguage('Tiếng Việt')).toBeNull();
    expect(statedLanguage('x" onload="y')).toBeNull();
    expect(statedLanguage(42)).toBeNull();
  });
});
