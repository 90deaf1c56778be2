import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize';

/** Hostile inputs, each with what must be left of it. */
const HOSTILE: [string, string, string][] = [
  ['script', '<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
  ['img onerror', '<p>x<img src="x" onerror="alert(1)">y</p>', '<p>xy</p>'],
  ['svg onload', '<p>x<svg onload="alert(1)"><circle r="9"/></svg>y</p>', '<p>xy</p>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>">fallback</iframe><p>ok</p>', '<p>ok</p>'],
  ['javascript: link', '<a href="javascript:alert(1)">click</a>', 'click'],
  ['obfuscated javascript: link', '<a href=" jav&#x09;ascript:alert(1)">click</a>', 'click'],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>', 'd'],
  ['file: link', '<a href="file:///etc/passwd">f</a>', 'f'],
  ['mailto: link', '<a href="mailto:a@b.c">m</a>', 'm'],
  ['relative link', '<a href="/tin-tuc/abc.html">r</a>', 'r'],
  [
    'javascript: links at the top and inside a paragraph',
    '<a href="javascript:a()">x<b>y</b></a><p>t <i><a href="vbscript:c">z</a></i></p>',
    'x<b>y</b><p>t <i>z</i></p>',
  ],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>t</p>', '<p>t</p>'],
  ['base href', '<base href="https://evil.example/"><p>t</p>', '<p>t</p>'],
  [
    'form',
    '<form action="https://evil.example/"><p>Hỏi</p><input name="q"><button>Gửi</button><textarea>x</textarea></form>',
    '<p>Hỏi</p>',
  ],
  ['object and embed', '<object data="x.swf">fallback</object><embed src="x.swf"><p>t</p>', '<p>t</p>'],
  ['style attribute with url()', '<p style="background:url(https://t.example/p.png)">t</p>', '<p>t</p>'],
  ['style element', '<style>p{background:url(https://t.example/p.png)}</style><p>t</p>', '<p>t</p>'],
  ['event handlers', '<p onclick="alert(1)" onmouseover="alert(2)">t</p>', '<p>t</p>'],
  ['math', '<p>x<math><mi>y</mi></math>z</p>', '<p>xz</p>'],
  [
    'remote media',
    '<p>a<video src="https://t.example/v.mp4"></video><audio src="a.mp3"></audio>b</p>',
    '<p>ab</p>',
  ],
  ['link stylesheet', '<link rel="stylesheet" href="https://t.example/s.css"><p>t</p>', '<p>t</p>'],
  ['class, id and data attributes', '<p class="x" id="root" data-x="1" aria-hidden="true">t</p>', '<p>t</p>'],
];

describe('sanitizeHtml', () => {
  it.each(HOSTILE)('removes %s', (_, input, expected) => {
    expect(sanitizeHtml(input)).toBe(expected);
  });

  it('keeps text structure, inline formatting, http(s) and #fragment links', () => {
    const html =
      '<h2>Tiêu đề</h2><p><em>Đà</em> <strong>Nẵng</strong> <a href="https://vi.wikipedia.org/wiki/Đà_Nẵng" title="wiki">x</a> ' +
      '<a href="HTTP://example.com/">y</a> <a href="#chu-thich">z</a></p><ul><li><code>a</code></li></ul>' +
      '<blockquote><p>q</p></blockquote><pre><code>  b\n</code></pre><table><tr><td colspan="2">c</td></tr></table>';
    expect(sanitizeHtml(html)).toBe(
      '<h2>Tiêu đề</h2><p><em>Đà</em> <strong>Nẵng</strong> ' +
        '<a href="https://vi.wikipedia.org/wiki/Đà_Nẵng" title="wiki">x</a> ' +
        '<a href="HTTP://example.com/">y</a> <a href="#chu-thich">z</a></p><ul><li><code>a</code></li></ul>' +
        '<blockquote><p>q</p></blockquote><pre><code>  b\n</code></pre>' +
        '<table><tbody><tr><td colspan="2">c</td></tr></tbody></table>',
    );
  });

  it('leaves nothing that could run or load, whatever the nesting', () => {
    const html =
      '<div><noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>' +
      '<svg><foreignObject><iframe src="https://evil.example/"></iframe></foreignObject></svg>' +
      '<a href="https://ok.example/" onclick="x()" target="_blank" ping="https://t.example/">ok</a>' +
      '<details open ontoggle="alert(1)"><summary>s</summary>d</details></div>';
    const out = sanitizeHtml(html);
    expect(out).not.toMatch(/<(script|img|svg|iframe|noscript|style|object|embed|form|base|meta|link)\b/i);
    expect(out).not.toMatch(/\son\w+=|target=|ping=|src=/i);
    expect(out).toContain('<a href="https://ok.example/">ok</a>');
  });
});
