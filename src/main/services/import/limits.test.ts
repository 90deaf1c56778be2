import { beforeAll, describe, expect, it } from 'vitest';
import { convertFile } from './convert';
import { MAX_HTML_DEPTH, MAX_MARKDOWN_NESTING, markdownNesting } from './limits';

const bytes = (text: string) => new TextEncoder().encode(text);
const nestedList = (levels: number) =>
  Array.from({ length: levels }, (_, k) => `${'  '.repeat(k)}- item ${k}`).join('\n') + '\n';
const nestedDivs = (levels: number) => `${'<div>'.repeat(levels)}deep words${'</div>'.repeat(levels)}`;

/** Converts and returns the time taken, in ms, and the error, if any. */
async function timed(text: string, name: string): Promise<{ ms: number; error: unknown }> {
  const start = performance.now();
  try {
    await convertFile(bytes(text), name);
    return { ms: performance.now() - start, error: null };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

describe('nesting limits', () => {
  // The converters load with their format's first file: load them before timing one.
  beforeAll(async () => {
    await convertFile(bytes('# a\n'), 'warm.md');
    await convertFile(bytes('<p>a</p>'), 'warm.html');
  });

  it('refuses 1,600 nested list levels (2.5 MB) at once, with the depth and the limit', async () => {
    const text = nestedList(1600);
    expect(text.length).toBeGreaterThan(2_500_000);
    const { ms, error } = await timed(text, 'deep.md');
    expect(error).toMatchObject({
      code: 'too-complex',
      message: `Cannot import “deep.md”: it is nested 1600 levels deep, more than Gloss reads (at most ${MAX_MARKDOWN_NESTING}).`,
    });
    expect(ms).toBeLessThan(2000);
  });

  it('refuses 5,000 nested quotes and nested lists on one line', async () => {
    expect((await timed(`${'> '.repeat(5000)}x\n`, 'quotes.md')).error).toMatchObject({
      code: 'too-complex',
      message: expect.stringContaining('nested 5000 levels deep') as string,
    });
    expect((await timed(`${'- '.repeat(200)}x\n`, 'dashes.md')).error).toMatchObject({ code: 'too-complex' });
    expect((await timed(`${'> - '.repeat(40)}x\n`, 'mixed.md')).error).toMatchObject({ code: 'too-complex' });
  });

  it('refuses 100,000 nested <div>s in HTML, or as raw HTML in Markdown, without overflowing the stack', async () => {
    for (const name of ['divs.html', 'divs.md']) {
      const { ms, error } = await timed(nestedDivs(100_000), name);
      expect(error).toMatchObject({
        code: 'too-complex',
        message: `Cannot import “${name}”: it is nested more than ${MAX_HTML_DEPTH} levels deep, more than Gloss reads (at most ${MAX_HTML_DEPTH}).`,
      });
      expect(ms).toBeLessThan(2000);
    }
  });

  it('reads documents nested up to the limits', async () => {
    const list = await convertFile(bytes(nestedList(MAX_MARKDOWN_NESTING)), 'list.md');
    expect(list.blocks).toHaveLength(MAX_MARKDOWN_NESTING);
    expect(list.text).toContain(`item ${MAX_MARKDOWN_NESTING - 1}`);
    const html = await convertFile(
      bytes(`<html><body>${nestedDivs(MAX_HTML_DEPTH - 2)}</body></html>`),
      'a.html',
    );
    expect(html.text).toBe('deep words');
  });

  it('counts nesting as CommonMark does: siblings, closed lists and fenced code add nothing', async () => {
    expect(markdownNesting('- a\n- b\n  - c\n    - d\n- e\n')).toBe(3);
    expect(markdownNesting('- a\n  - b\n\ntext\n\n- c\n')).toBe(2);
    expect(markdownNesting('> quote\n> - item\n>   > inner\n')).toBe(3);
    const code = Array.from({ length: 200 }, (_, k) => `${' '.repeat(k)}- yaml: ${k}`).join('\n');
    expect(markdownNesting(`- a\n\n\`\`\`yaml\n${code}\n\`\`\`\n`)).toBe(1);
  });
});
