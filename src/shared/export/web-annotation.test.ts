import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation';
import { ANNO_CONTEXT, parseWebAnnotations, toAnnotationCollection } from './web-annotation';

const NOW = '2024-06-01T00:00:00.000Z';
const ids = {
  id: 'urn:uuid:00000000-0000-4000-8000-00000000c011',
  pageId: 'urn:uuid:00000000-0000-4000-8000-0000000000a9',
  label: 'Gloss export',
};

const noted: Annotation = {
  id: '5b0c8a1e-7d2f-4c3b-9a8e-1f2d3c4b5a69',
  articleId: '6f1d2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  target: {
    quote: {
      type: 'TextQuoteSelector',
      exact: 'ý Đảng – lòng Dân',
      prefix: 'khắng khít giữa ',
      suffix: '.\n\nĐồng chí',
    },
    position: { type: 'TextPositionSelector', start: 2010, end: 2027 },
  },
  color: 'green',
  note: 'Ghi chú **Markdown**\n\n- một',
  tags: ['Đà Nẵng', 'chính trị/xã hội'],
  createdAt: '2024-04-02T09:00:00.000Z',
  updatedAt: '2024-04-03T10:00:00.000Z',
  deleted: false,
  orphaned: false,
};

const bare: Annotation = {
  ...noted,
  id: '5b0c8a1e-7d2f-4c3b-9a8e-1f2d3c4b5a70',
  note: '',
  tags: [],
  color: 'gray',
  orphaned: true,
};

describe('toAnnotationCollection', () => {
  it('writes W3C Web Annotation JSON-LD with both selectors, a Markdown note body and tagging bodies', () => {
    const doc = JSON.parse(JSON.stringify(toAnnotationCollection([noted, bare], ids)));
    expect(doc['@context'][0]).toBe(ANNO_CONTEXT);
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage' } });
    expect(doc.first.items[0]).toEqual({
      id: 'urn:uuid:5b0c8a1e-7d2f-4c3b-9a8e-1f2d3c4b5a69',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-04-02T09:00:00.000Z',
      modified: '2024-04-03T10:00:00.000Z',
      body: [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          format: 'text/markdown',
          value: 'Ghi chú **Markdown**\n\n- một',
        },
        { type: 'TextualBody', purpose: 'tagging', value: 'Đà Nẵng' },
        { type: 'TextualBody', purpose: 'tagging', value: 'chính trị/xã hội' },
      ],
      target: {
        source: 'urn:gloss:article:6f1d2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'ý Đảng – lòng Dân',
            prefix: 'khắng khít giữa ',
            suffix: '.\n\nĐồng chí',
          },
          { type: 'TextPositionSelector', start: 2010, end: 2027 },
        ],
      },
      'gloss:color': 'green',
    });
    expect(doc.first.items[1]).toMatchObject({ motivation: 'highlighting', 'gloss:orphaned': true });
    expect(doc.first.items[1]).not.toHaveProperty('body');
  });
});

describe('parseWebAnnotations', () => {
  it('reads back exactly what was exported', () => {
    const json = JSON.stringify(toAnnotationCollection([noted, bare], ids));
    expect(parseWebAnnotations(json, NOW)).toEqual([noted, bare]);
  });

  it('reads a bare AnnotationPage and fills in what another tool left out', () => {
    const page = {
      '@context': ANNO_CONTEXT,
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:uuid:5b0c8a1e-7d2f-4c3b-9a8e-1f2d3c4b5a71',
          type: 'Annotation',
          body: { type: 'TextualBody', value: 'một ghi chú' },
          target: {
            source: 'urn:gloss:article:a1',
            selector: [
              { type: 'TextPositionSelector', start: 0, end: 3 },
              { type: 'TextQuoteSelector', exact: 'abc' },
              { type: 'CssSelector', value: 'p' },
            ],
          },
        },
      ],
    };
    expect(parseWebAnnotations(JSON.stringify(page), NOW)).toEqual([
      {
        id: '5b0c8a1e-7d2f-4c3b-9a8e-1f2d3c4b5a71',
        articleId: 'a1',
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 3 },
        },
        color: 'yellow',
        note: 'một ghi chú',
        tags: [],
        createdAt: NOW,
        updatedAt: NOW,
        deleted: false,
        orphaned: false,
      },
    ]);
  });

  it('says plainly when the text is not JSON', () => {
    expect(() => parseWebAnnotations('# not json', NOW)).toThrow(/^This file is not JSON/);
  });

  it('says plainly when the JSON is not Web Annotation, naming where', () => {
    expect(() => parseWebAnnotations('{"articles": []}', NOW)).toThrow(/not W3C Web Annotation JSON/);
    const valid = JSON.parse(JSON.stringify(toAnnotationCollection([noted], ids)));
    const noContext = { ...valid, '@context': 'https://schema.org' };
    expect(() => parseWebAnnotations(JSON.stringify(noContext), NOW)).toThrow(/not W3C Web Annotation JSON/);
    valid.first.items[0].target.selector = [{ type: 'TextQuoteSelector', exact: 'x' }];
    expect(() => parseWebAnnotations(JSON.stringify(valid), NOW)).toThrow(
      'first.items[0].target.selector: needs a valid TextQuoteSelector and a valid TextPositionSelector',
    );
    valid.first.items[0].target = { source: 'https://example.com/page', selector: [] };
    expect(() => parseWebAnnotations(JSON.stringify(valid), NOW)).toThrow('must be a Gloss article');
  });
});
