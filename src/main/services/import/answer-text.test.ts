import { describe, expect, it } from 'vitest';
import { decodeAnswerText, encodeAnswerText } from './answer-text';

const TEXTS = {
  vietnamese: 'Sơn Trà\n\nĐoàn khảo sát làm việc với quận.\n',
  latin1: 'Café, crème brûlée, « déjà vu », 3 × 4 ÷ 2.\n',
  ascii: 'Plain ASCII text.\n',
  astral: 'Emoji 😀 and 𝔸 beyond the BMP.\n',
  loneSurrogate: 'A damaged file: \ud800 alone.\n',
};

describe('a converted text sent back by the conversion thread', () => {
  it.each(Object.entries(TEXTS))('reads back the same %s text, for plain text and Markdown', (_, text) => {
    for (const format of ['txt', 'md'] as const) {
      const encoded = encodeAnswerText(text, format);
      expect(decodeAnswerText(encoded)).toBe(text);
    }
  });

  it('sends plain text as its code units: one byte each within Latin-1, two otherwise', () => {
    expect(encodeAnswerText(TEXTS.latin1, 'txt')).toMatchObject({
      encoding: 'latin1',
      bytes: { length: TEXTS.latin1.length },
    });
    expect(encodeAnswerText(TEXTS.vietnamese, 'txt')).toMatchObject({
      encoding: 'utf-16le',
      bytes: { length: TEXTS.vietnamese.length * 2 },
    });
    expect(encodeAnswerText(TEXTS.loneSurrogate, 'txt')).toMatchObject({ encoding: 'utf-16le' });
  });

  it('sends other formats as UTF-8, or as the string when UTF-8 cannot hold it', () => {
    expect(encodeAnswerText(TEXTS.vietnamese, 'md')).toMatchObject({ encoding: 'utf-8' });
    expect(encodeAnswerText(TEXTS.loneSurrogate, 'html')).toBe(TEXTS.loneSurrogate);
  });
});
