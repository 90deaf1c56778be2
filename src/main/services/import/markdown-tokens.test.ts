import { readFileSync } from 'node:fs';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { blocksFromHtml } from './blocks';
import { convertMarkdown } from './markdown';
import { tokenBlocks } from './markdown-blocks';
import { pieceBreaks } from './markdown-pieces';
import { sanitizeToFragment } from './sanitize';

/** What every Markdown import did before blocks were built from tokens: the whole body as HTML, sanitized, walked. */
function throughHtml(markdown: string): { text: string; blocks: unknown[] } {
  const marked = new Marked({ gfm: true });
  const { text, blocks } = blocksFromHtml(sanitizeToFragment(marked.parser(marked.lexer(markdown))));
  return { text, blocks };
}

const file = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Every construct the token path builds, with the edge cases it must hand to the HTML path. */
const CONSTRUCTS = `Setext title
============

Đoàn *khảo sát* làm việc với **Đảng bộ** [quận](https://vi.wikipedia.org/wiki/Sơn_Trà "wiki \\"x\\"").
Dòng mềm.  
Dòng cứng.\\
Sau gạch. ~~Xoá~~ và \`mã  có   cách\` và \`\` a\`b \`\` và \\*thoát\\* và a < b > c "ngoặc" 'đơn'.

Liên kết: <https://example.com/a?b=c>, www.example.org, [thư](mailto:a@b.c), [rỗng](), [neo](#phan-2),
[tham chiếu][ref], [javascript](javascript:alert(1)), ảnh ![ảnh](https://x.y/z.png) và &amp; &copy; &#169;.

Liên kết lạ: [ngoặc](https://a.b/"onclick="x), [thẻ](<https://a.b/c d>), [khoảng](https://a.b/c%20d "t\u00a0'\\"").

Liên kết bỏ: [hoa](JAVASCRIPT:x), [dữ liệu](data:text/html,x), [dấu](https://a.b/?q='x'&y=1).

Khoảng\u00a0trắng không ngắt, e\u0301 chưa NFC, tab\there.

[ref]: https://example.com/ref "Tham chiếu"

## Phần 2 ##

- Một
- Hai **đậm**
  1. Hai.một
  2. Hai.hai

     Đoạn trong mục.
- Ba

  Đoạn lỏng.

3. Ba
4. Bốn

0. Không

- [ ] việc
- [x] xong

> Trích
> dẫn.
>
> > Lồng *nhau*.
>
> - mục trong trích

***

    mã thụt lề

    sau dòng trống

~~~py
a = 1


b = 2
~~~

\`\`\`
\`\`\`

| Cột | Giá trị |
|-----|:-------:|
| A   | 1       |

#

Cuối.
`;

/** Raw HTML may hold the blocks after it: the whole piece goes through the HTML path. */
const RAW_HTML = `<div>

Đoạn trong khối *HTML*.

</div>

Đoạn có <b>chữ đậm chưa đóng.

Đoạn sau.
`;

describe('Markdown blocks built from tokens', () => {
  const documents: [string, string][] = [
    ['every construct', CONSTRUCTS],
    ['raw HTML around Markdown', RAW_HTML],
    ['the corpus (son-tra-khao-sat.txt)', file('../../../../resources/samples/son-tra-khao-sat.txt')],
    ['README.md', file('../../../../README.md')],
    ['SECURITY.md', file('../../../../SECURITY.md')],
    ['markup.md', file('../../../shared/export/golden/markup.md')],
    ['son-tra-khao-sat.md', file('../../../shared/export/golden/son-tra-khao-sat.md')],
    ['song-han.md', file('./epub/fixtures/pandoc/song-han.md')],
    ['raw-html.md (hostile)', file('../../../../e2e/fixtures/hostile/raw-html.md')],
  ];

  it.each(documents)('%s: the same text and blocks as rendering the whole body as HTML', (_, markdown) => {
    const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
    const { text, blocks } = convertMarkdown(body);
    expect({ text, blocks }).toEqual(throughHtml(body));
  });

  it.each(documents)('%s: the same result when lexed in small pieces', (_, markdown) => {
    const whole = convertMarkdown(markdown);
    expect(convertMarkdown(markdown, 300)).toEqual(whole);
  });

  it('builds every construct but tables, task lists, entities, images and links it cannot keep from tokens', () => {
    const marked = new Marked({ gfm: true });
    const byHtml = marked
      .lexer(CONSTRUCTS)
      .filter((token) => token.type !== 'space' && tokenBlocks(token) === null)
      .map((token) => token.raw.slice(0, 10));
    expect(byHtml).toEqual(['Liên kết: ', 'Liên kết b', '- [ ] việc', '| Cột | Gi']);
  });

  it('cuts only between top-level blocks, never in fenced code, raw HTML or a list', () => {
    const markdown = [
      'Đầu.',
      '```\nmã\n\nvẫn mã\n```',
      '<!--\nghi chú\n\nvẫn ghi chú\n-->',
      '- mục\n\n  tiếp mục',
      '1. số\n\n2. số',
      'Giữa.',
      'Cuối.',
    ].join('\n\n');
    const starts = pieceBreaks(markdown, 1).map((at) => markdown.slice(at).split('\n')[0]);
    expect(starts).toEqual(['```', '<!--', 'Giữa.', 'Cuối.']);
  });
});
