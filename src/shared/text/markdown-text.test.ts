import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-text';

describe('markdownToText', () => {
  it('shows what the note says, not its Markdown or HTML', () => {
    const note =
      '## Vì sao\n\n- **Sơn Trà** là [bán đảo](https://x.vn)\n> trích `mã`\n\n<b>đậm</b> và _nghiêng_ ![ảnh](a.png)';
    expect(markdownToText(note)).toBe('Vì sao\n\nSơn Trà là bán đảo\ntrích mã\n\nđậm và nghiêng ảnh');
  });

  it('keeps #tags, numbers and plain text as they are', () => {
    expect(markdownToText('Năm 2022 #đà-nẵng, 3 * 4')).toBe('Năm 2022 #đà-nẵng, 3 * 4');
  });
});
