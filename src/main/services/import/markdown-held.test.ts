import { describe, expect, it } from 'vitest';
import { convertMarkdown } from './markdown';
import { convertMarkdownLazily } from './markdown-document';

const PLAIN =
  '---\ntitle: Sơn Trà\ntags: [khảo-sát]\n---\n\n# Bán đảo\n\nĐoàn **khảo sát** đến vào sáng thứ Hai.\n';
const WITH_TABLE = `${PLAIN}\n| Nơi | Ngày |\n| --- | --- |\n| Sơn Trà | thứ Hai |\n`;

describe('a Markdown source handed over to the converter', () => {
  it('is emptied once converted, and gives the document convertMarkdown gives', async () => {
    const source = { text: PLAIN };
    const converted = await convertMarkdownLazily(source);
    expect(source.text).toBe('');
    expect(converted).toEqual(convertMarkdown(PLAIN));
    expect(converted.title).toBe('Sơn Trà');
  });

  it('is still whole when the document turns out to need the HTML path, which then converts it', async () => {
    const source = { text: WITH_TABLE };
    const converted = await convertMarkdownLazily(source);
    expect(source.text).toBe('');
    expect(converted).toEqual(convertMarkdown(WITH_TABLE));
    expect(converted.text).toContain('Sơn Trà');
    expect(converted.text).toContain('thứ Hai');
  });
});
