import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('tells Vietnamese from its letters, and says nothing about other text', () => {
    expect(detectLanguage('Đoàn khảo sát làm việc với Đảng bộ Q. Sơn Trà')).toBe('vi');
    expect(detectLanguage('The survey team met the district committee.')).toBeNull();
    expect(detectLanguage('Café à la française, déjà vu.')).toBeNull();
    expect(detectLanguage('12345')).toBeNull();
  });
});
