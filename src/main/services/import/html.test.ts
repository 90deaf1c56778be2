import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { expectJoinedBlocks } from './fixtures/invariants';
import { SAMPLE } from './fixtures/variants';
import { convertHtml, declaredCharset } from './html';

const ARTICLE = readFileSync(new URL('./fixtures/article.html', import.meta.url), 'utf8');
const TITLE = SAMPLE.split('\n')[0];

describe('convertHtml', () => {
  it('extracts the article from a news page with its title, author and date', async () => {
    const doc = await convertHtml(ARTICLE);
    expect(doc).toMatchObject({
      title: TITLE,
      author: 'Lê Anh Tuấn',
      published: '2022-04-01T09:35:00+07:00',
    });
    expectJoinedBlocks(doc.text, doc.blocks);
    expect(doc.blocks[0]).toMatchObject({ kind: 'h1', start: 0, end: TITLE?.length });
    expect(doc.text).toContain('Thứ sáu, 01/04/2022 09:35');
    expect(doc.text).toContain('Ghi nhận thành tựu này của Q. Sơn Trà');
    expect(doc.text.endsWith('LÊ ANH TUẤN')).toBe(true);
  });

  it('leaves out the page around the article and everything hostile in it', async () => {
    const doc = await convertHtml(ARTICLE);
    for (const chrome of ['Trang chủ', 'Tìm kiếm', 'Tin mới', 'Tin khác', '©'])
      expect(doc.text).not.toContain(chrome);
    const html = doc.blocks.map((b) => b.html).join('\n');
    expect(html).not.toMatch(/<(script|img|svg|iframe|form|input|button|meta|base|link|style)\b/i);
    expect(html).not.toMatch(/\s(on\w+|style|src|srcdoc|class|id)=/i);
    expect(html).not.toMatch(/evil\.example|tracker\.example|javascript:/);
    expect(html).toContain('<a href="https://baodanang.vn/chinh-tri/">tin chính trị</a>, bình luận và ');
    expect(html).toContain('<a href="#binh-luan">ý kiến bạn đọc</a>');
  });

  it('runs no script and loads nothing the page refers to', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page =
        `<html><head><meta http-equiv="refresh" content="0;url=${at}/refresh"><base href="${at}/base/">` +
        `<link rel="stylesheet" href="${at}/css"><style>@import url(${at}/import);</style>` +
        `<script src="${at}/script"></script><script>fetch('${at}/inline')</script></head>` +
        `<body onload="fetch('${at}/onload')"><article><h1>Tiêu đề</h1><p>Đoạn văn có đủ chữ để đọc.</p>` +
        `<img src="${at}/img" onerror="fetch('${at}/onerror')"><iframe src="${at}/frame"></iframe>` +
        `<object data="${at}/object"></object><video src="${at}/video"></video>` +
        `<p style="background:url(${at}/bg)">Tiếp.</p></article></body></html>`;
      const doc = await convertHtml(page);
      await sleep(300);
      expect(requests).toEqual([]);
      expect(doc.text).toBe('Tiêu đề\n\nĐoạn văn có đủ chữ để đọc.\n\nTiếp.');
    } finally {
      server.close();
    }
  });

  it('falls back on the text for author and date when the page has no meta tags', async () => {
    const bare = ARTICLE.replace(
      /<meta name="author"[^>]*>|<meta property="article:published_time"[^>]*>/g,
      '',
    );
    expect(await convertHtml(bare)).toMatchObject({ author: 'Lê Anh Tuấn', published: '2022-04-01T09:35' });
  });

  it('keeps the whole body of a short page and takes its h1 as title', async () => {
    const doc = await convertHtml('<body><h1>Ghi chú</h1><p>Chỉ một <b>dòng</b>.</p></body>');
    expect(doc).toMatchObject({
      title: 'Ghi chú',
      text: 'Ghi chú\n\nChỉ một dòng.',
      author: null,
      published: null,
    });
    expectJoinedBlocks(doc.text, doc.blocks);
  });
});

describe('declaredCharset', () => {
  const bytes = (html: string) => Buffer.from(html, 'latin1');

  it('reads meta charset and http-equiv declarations', () => {
    expect(declaredCharset(bytes('<meta charset="Windows-1258">'))).toBe('windows-1258');
    expect(
      declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')),
    ).toBe('koi8-r');
  });

  it('reads labels as browsers do and ignores declarations past the first 1024 bytes', () => {
    expect(declaredCharset(bytes("<meta charset='ISO-8859-1'>"))).toBe('windows-1252');
    expect(declaredCharset(bytes(`${' '.repeat(1024)}<meta charset="koi8-r">`))).toBeNull();
    expect(declaredCharset(bytes('<p>charset=koi8-r</p>'))).toBeNull();
  });
});
