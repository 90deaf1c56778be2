import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { GlossError } from '../result';
import {
  assembleDocument,
  mergeDocument,
  readDocument,
  sectionIds,
  splitFrontMatter,
  toYaml,
} from './markers';

const generated = {
  frontMatter: 'title: "Bài mới"\ntags:\n  - "Đà-Nẵng"\ngloss-id: "a1"\n',
  sections: [{ id: 'a1', body: '# Bài mới\n\n> trích dẫn mới' }],
};

const previous = `---
title: "Bài cũ"
aliases: [Bài của tôi]
gloss-id: "a1"
---

Ghi chú của tôi ở đầu.

<!-- gloss:start id=a1 -->
# Bài cũ

> trích dẫn cũ
<!-- gloss:end -->

## Suy nghĩ của tôi

Viết thêm sau khi xuất.
`;

describe('assembleDocument and readDocument', () => {
  it('write front matter and marked sections that read back the same', () => {
    const text = assembleDocument(generated);
    expect(text).toBe(
      `---\n${generated.frontMatter}---\n\n<!-- gloss:start id=a1 -->\n# Bài mới\n\n> trích dẫn mới\n<!-- gloss:end -->\n`,
    );
    expect(readDocument(text)).toEqual(generated);
    expect(sectionIds(text)).toEqual(['a1']);
  });

  it('split front matter only at the top of a file', () => {
    expect(splitFrontMatter('---\na: 1\n---\nbody')).toEqual({ frontMatter: 'a: 1\n', body: 'body' });
    expect(splitFrontMatter('---\n---\nbody')).toEqual({ frontMatter: '', body: 'body' });
    expect(splitFrontMatter('body\n---\na: 1\n---\n').frontMatter).toBeNull();
  });
});

describe('mergeDocument', () => {
  it('regenerates only between the markers and keeps everything the user wrote outside', () => {
    const merged = mergeDocument(previous, generated);
    expect(merged).toBe(`---
title: "Bài mới"
aliases: [Bài của tôi]
gloss-id: "a1"
tags:
  - "Đà-Nẵng"
---

Ghi chú của tôi ở đầu.

<!-- gloss:start id=a1 -->
# Bài mới

> trích dẫn mới
<!-- gloss:end -->

## Suy nghĩ của tôi

Viết thêm sau khi xuất.
`);
  });

  it('is stable: merging the same export again changes nothing', () => {
    const once = mergeDocument(previous, generated);
    expect(mergeDocument(once, generated)).toBe(once);
  });

  it('drops sections no longer exported and appends new ones after the user text', () => {
    const two = `Đầu\n\n<!-- gloss:start id=old -->\ncũ\n<!-- gloss:end -->\n\nGiữa\n\n<!-- gloss:start id=a1 -->\nx\n<!-- gloss:end -->\nCuối\n`;
    const merged = mergeDocument(two, {
      frontMatter: null,
      sections: [
        { id: 'a1', body: 'mới' },
        { id: 'b2', body: 'thêm' },
      ],
    });
    expect(merged).toBe(
      `Đầu\n\n\n\nGiữa\n\n<!-- gloss:start id=a1 -->\nmới\n<!-- gloss:end -->\nCuối\n\n<!-- gloss:start id=b2 -->\nthêm\n<!-- gloss:end -->\n`,
    );
  });

  it('adds front matter and the section to a file that had neither, keeping its text', () => {
    expect(mergeDocument('Văn bản của tôi.', generated)).toBe(
      `---\n${generated.frontMatter}---\n\nVăn bản của tôi.\n\n<!-- gloss:start id=a1 -->\n# Bài mới\n\n> trích dẫn mới\n<!-- gloss:end -->\n`,
    );
  });

  it('keeps Windows line ends outside the markers', () => {
    const crlf = 'Của tôi\r\n<!-- gloss:start id=a1 -->\r\ncũ\r\n<!-- gloss:end -->\r\nCũng của tôi\r\n';
    expect(mergeDocument(crlf, { frontMatter: null, sections: [{ id: 'a1', body: 'mới' }] })).toBe(
      'Của tôi\r\n<!-- gloss:start id=a1 -->\nmới\n<!-- gloss:end -->\r\nCũng của tôi\r\n',
    );
  });

  it('refuses markers that do not pair up, naming the line', () => {
    const noEnd = 'a\n<!-- gloss:start id=a1 -->\nb\n';
    expect(() => mergeDocument(noEnd, generated)).toThrow(GlossError);
    expect(() => mergeDocument(noEnd, generated)).toThrow('line 2 has no end marker');
    expect(() => mergeDocument('<!-- gloss:end -->\n', generated)).toThrow('line 1 has no start marker');
    const nested = '<!-- gloss:start id=a -->\n<!-- gloss:start id=b -->\n<!-- gloss:end -->\n';
    expect(() => mergeDocument(nested, generated)).toThrow('next start on line 2');
  });

  it('updates the properties of front matter Gloss wrote to their new values, strings of any kind', () => {
    const values = (title: string, tags: string[], author: string | null) => ({
      title,
      author,
      pages: 12,
      tags,
      'gloss-id': 'a1',
      exported: '2026-11-29T08:00:00.000Z',
    });
    const before = toYaml(values('Bài "cũ" \\ tab\there', [], null));
    const after = toYaml(values('Bài mới 😀\nhai dòng', ['Đà-Nẵng', '# không phải chú thích'], 'Tôi'));
    const file = assembleDocument({ frontMatter: before, sections: generated.sections });
    expect(mergeDocument(file, { frontMatter: after, sections: generated.sections })).toBe(
      assembleDocument({ frontMatter: after, sections: generated.sections }),
    );
  });

  it('keeps a comment written into front matter Gloss wrote', () => {
    const file = `---\ntitle: "Bài cũ"\n# đọc lại tuần sau\ntags:\n  - "Đà-Nẵng"\ngloss-id: "a1"\n---\n\nbody\n`;
    expect(mergeDocument(file, generated)).toContain('title: "Bài mới"\n# đọc lại tuần sau\n');
  });

  it('refuses front matter that is not YAML rather than losing it', () => {
    const badEscape = `---\ntitle: "Bài \\q"\ntags:\n  - "Đà-Nẵng"\ngloss-id: "a1"\n---\n`;
    expect(() => mergeDocument(badEscape, generated)).toThrow('front matter is not valid YAML');
    expect(() => mergeDocument('---\ntitle: [oops\n---\nbody\n', generated)).toThrow(
      /front matter is not valid YAML \(line \d+ of the file\)/,
    );
    expect(() => mergeDocument('---\n- a\n- b\n---\n', generated)).toThrow('not a list of properties');
  });
});

describe('toYaml', () => {
  it('writes front matter properties exactly as the yaml library does, whatever the strings', () => {
    const options = {
      defaultStringType: 'QUOTE_DOUBLE',
      defaultKeyType: 'PLAIN',
      lineWidth: 0,
      flowCollectionPadding: false,
    } as const;
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('Đà Nẵng', '---', 'a: b #c'),
    );
    const value = fc.oneof(
      fc.constant(null),
      text,
      fc.integer(),
      fc.double(),
      fc.array(text, { maxLength: 3 }),
    );
    const key = fc.oneof(fc.constantFrom('title', 'gloss-id', 'tags'), fc.string({ minLength: 1 }));
    fc.assert(
      fc.property(fc.dictionary(key, value), (properties) => {
        expect(toYaml(properties)).toBe(stringify(properties, options));
      }),
      { numRuns: 500 },
    );
  });
});
