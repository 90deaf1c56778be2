import { describe, expect, it } from 'vitest';
import { GramIndex, MIN_INDEXED_PATTERN } from './gram-index';

function scan(text: string, pattern: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(pattern); i !== -1; i = text.indexOf(pattern, i + 1)) found.push(i);
  return found;
}

describe('GramIndex', () => {
  const paragraph =
    'Ghi nhận thành tựu này của Q. Sơn Trà, đồng chí Nguyễn Quang Dương đề nghị Ban Thường vụ Quận ủy Sơn Trà có báo cáo riêng. ';
  const text = `${paragraph.repeat(7)}aaaaaaaaaaaaaaaaaaaaaaaaa ${paragraph.slice(0, 61)}`;
  const index = new GramIndex(text);

  it('finds every occurrence a full scan finds, wherever it starts', () => {
    const patterns = [
      'đồng chí Nguyễn Quang Dương',
      'Sơn Trà có báo cáo riêng. Ghi nhận',
      'aaaaaaaaaaaaaaa',
      text.slice(0, 15),
      text.slice(-15),
      text.slice(-40),
      'Quận ủy Sơn Trà không có',
    ];
    for (const pattern of patterns) expect(index.find(pattern)).toEqual(scan(text, pattern));
    expect(index.find('aaaaaaaaaaaaaaa')).toHaveLength(11);
  });

  it('refuses patterns too short to contain an indexed gram', () => {
    expect(() => index.find('a'.repeat(MIN_INDEXED_PATTERN - 1))).toThrow(RangeError);
  });

  it('works on a text shorter than one gram', () => {
    expect(new GramIndex('ngắn').find('ngắn mà dài hơn')).toEqual([]);
  });
});
