import { describe, expect, it } from 'vitest';
import { expectJoinedBlocks } from './fixtures/invariants';
import { convertMarkdown } from './markdown';

const NOTE = `# Sơn Trà

Đoàn *khảo sát* làm việc với **Đảng bộ** [quận](https://vi.wikipedia.org/wiki/Sơn_Trà "wiki").
Dòng mềm.  
Dòng cứng.

## Kết luận

- Một \`mã\`
- Hai
  1. Hai.một

> Trích
> dẫn.

\`\`\`ts
const a = 1;


const b = 2;
\`\`\`

| Cột | Giá trị |
|-----|---------|
| A   | 1       |
`;

describe('convertMarkdown', () => {
  it('renders to blocks of every kind whose html matches the text', () => {
    const { text, blocks } = convertMarkdown(NOTE);
    expectJoinedBlocks(text, blocks);
    expect(blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['h1', 'Sơn Trà'],
      ['p', 'Đoàn khảo sát làm việc với Đảng bộ quận. Dòng mềm.\nDòng cứng.'],
      ['h2', 'Kết luận'],
      ['li', 'Một mã'],
      ['li', 'Hai'],
      ['li', 'Hai.một'],
      ['blockquote', 'Trích dẫn.'],
      ['pre', 'const a = 1;'],
      ['pre', 'const b = 2;'],
      ['p', 'Cột'],
      ['p', 'Giá trị'],
      ['p', 'A'],
      ['p', '1'],
    ]);
    expect(blocks[1]?.html).toBe(
      'Đoàn <em>khảo sát</em> làm việc với <strong>Đảng bộ</strong> ' +
        '<a href="https://vi.wikipedia.org/wiki/S%C6%A1n_Tr%C3%A0" title="wiki">quận</a>. Dòng mềm.\nDòng cứng.',
    );
  });

  it('takes the first heading as title when there is no front matter', () => {
    expect(convertMarkdown('Mở đầu.\n\n## Phần một\n\n# Phần hai').title).toBe('Phần một');
    expect(convertMarkdown('Không có tiêu đề.').title).toBeNull();
  });

  it('reads title, author and date from YAML front matter and leaves it out of the text', () => {
    const doc = convertMarkdown(
      '---\ntitle: "Khảo sát: Sơn Trà"\nauthors:\n  - name: Lê Anh Tuấn\n  - Trần Bình\ndate: 01/04/2022 09:35\n---\n# Tiêu đề khác\n\nNội dung.',
    );
    expect(doc).toMatchObject({
      title: 'Khảo sát: Sơn Trà',
      author: 'Lê Anh Tuấn, Trần Bình',
      published: '2022-04-01T09:35',
      text: 'Tiêu đề khác\n\nNội dung.',
    });
  });

  it('reads front matter tags, as a list or as one string', () => {
    expect(convertMarkdown('---\ntags:\n  - Đà Nẵng\n  - "#chính-trị"\n---\nNội dung.').tags).toEqual([
      'Đà Nẵng',
      'chính-trị',
    ]);
    expect(convertMarkdown('---\ntags: khảo-sát, 2022\n---\nNội dung.').tags).toEqual(['khảo-sát', '2022']);
    expect(convertMarkdown('Không có front matter.').tags).toEqual([]);
  });

  it('keeps a leading block between rules as Markdown when it is not YAML front matter', () => {
    const doc = convertMarkdown('---\nChỉ là một đoạn văn.\n---\n\nTiếp theo.');
    expect(doc.text).toContain('Chỉ là một đoạn văn.');
    expect(doc.text).toContain('Tiếp theo.');
  });

  it('finds date and byline in the text when front matter has none', () => {
    const doc = convertMarkdown('# Tin\n\nThứ sáu, 01/04/2022 09:35\n\nNội dung bài.\n\nLÊ ANH TUẤN\n');
    expect(doc).toMatchObject({ author: 'Lê Anh Tuấn', published: '2022-04-01T09:35' });
  });

  it('sanitizes raw HTML and unsafe links in Markdown', () => {
    const doc = convertMarkdown(
      'Chữ <script>alert(1)</script><img src=x onerror=alert(2)> [xấu](javascript:alert(3)) <span onclick="x()">đẹp</span>\n\n<iframe src="https://evil.example/"></iframe>',
    );
    expect(doc.text).toBe('Chữ xấu đẹp');
    expect(doc.blocks.map((b) => b.html)).toEqual(['Chữ xấu <span>đẹp</span>']);
  });
});

describe('convertMarkdown in pieces', () => {
  it('gives the same text and blocks piece by piece as whole, and keeps lists of two pieces apart', () => {
    const long = Array.from(
      { length: 30 },
      (_, i) =>
        `## Phần ${i}\n\nĐoạn *${i}* về [rừng][r] Sơn Trà.\n\n- một ${i}\n- hai ${i}\n\n> trích ${i}\n`,
    ).join('\n');
    const markdown = `${long}\n[r]: https://vi.wikipedia.org/wiki/Sơn_Trà\n`;
    const whole = convertMarkdown(markdown);
    const pieces = convertMarkdown(markdown, 40);
    expect(pieces.text).toBe(whole.text);
    const withoutIds = (blocks: typeof whole.blocks) =>
      blocks.map(({ wrap, ...block }) => ({ ...block, wrap: wrap?.map((w) => w.tag) }));
    expect(withoutIds(pieces.blocks)).toEqual(withoutIds(whole.blocks));
    expect(pieces.blocks.find((b) => b.html?.includes('href'))?.html).toContain('wikipedia.org');
    const listIds = (blocks: typeof whole.blocks) =>
      new Set(blocks.flatMap((b) => (b.wrap ?? []).filter((w) => w.tag === 'ul').map((w) => w.id)));
    expect(listIds(pieces.blocks).size).toBe(30);
    expect(listIds(whole.blocks).size).toBe(30);
    expectJoinedBlocks(pieces.text, pieces.blocks);
  });
});
