import { describe, expect, it } from 'vitest';
import type { ArticleMeta, Block } from '../../../shared/model/article';
import type { ReaderContent } from '../state/types';
import { bylinePlacement } from './byline';

function content(text: string, blocks: Block[], author: string | null, format = 'txt'): ReaderContent {
  return {
    article: { author, title: 'Tiêu đề', format } as ArticleMeta,
    blocks,
    note: '',
    text,
    textStart: 0,
    length: text.length,
    loaded: { from: 0, to: blocks.length },
    whole: true,
  };
}

describe('bylinePlacement', () => {
  it('shows no byline when the text already signs the article', () => {
    const text = 'Tiêu đề\n\nNội dung.\n\nLÊ ANH TUẤN';
    const blocks: Block[] = [
      { kind: 'h1', start: 0, end: 7 },
      { kind: 'p', start: 9, end: 18 },
      { kind: 'p', start: 20, end: 31 },
    ];
    expect(bylinePlacement(content(text, blocks, 'Lê Anh Tuấn'))).toBeNull();
  });

  it('puts the author under a title heading, else above the text', () => {
    const text = 'Tiêu đề\n\nNội dung.';
    const titled: Block[] = [
      { kind: 'h1', start: 0, end: 7 },
      { kind: 'p', start: 9, end: 18 },
    ];
    expect(bylinePlacement(content(text, titled, 'An'))).toEqual({ author: 'An', under: 'title' });
    const plain: Block[] = [{ kind: 'p', start: 0, end: 18 }];
    expect(bylinePlacement(content(text, plain, 'An'))).toEqual({ author: 'An', under: 'header' });
    expect(bylinePlacement(content(text, plain, null))).toBeNull();
  });

  it('puts a book’s author above its first chapter, under its title only when it opens with it', () => {
    const text = 'Chương 1: Buổi sáng\n\nTrời sáng.';
    const chapter: Block[] = [
      { kind: 'h1', start: 0, end: 19 },
      { kind: 'p', start: 21, end: 31 },
    ];
    expect(bylinePlacement(content(text, chapter, 'An', 'epub'))).toEqual({ author: 'An', under: 'header' });
    const titled = 'TIÊU ĐỀ\n\nTrời sáng.';
    const opening: Block[] = [
      { kind: 'h1', start: 0, end: 7 },
      { kind: 'p', start: 9, end: 19 },
    ];
    expect(bylinePlacement(content(titled, opening, 'An', 'epub'))).toEqual({ author: 'An', under: 'title' });
  });
});
