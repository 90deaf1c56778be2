import { useEffect, useState } from 'react';
import type { ArticleMeta } from '../../../shared/model/article';
import { foldFilterTexts, type FoldedTexts } from './visible-articles';

/** Longest slice of folding done in one task, ms: well under a frame, so typing and scrolling stay smooth. */
const SLICE_MS = 8;

/**
 * A cache of folded filter texts (see foldFilterTexts), the same map for the view's lifetime, filled
 * in slices of a few milliseconds after the list changes (folding 10,000 titles at once took
 * 30–100 ms), so a filter typed later finds them folded; filterArticles folds (and keeps) the ones
 * still missing.
 */
export function useFoldedTexts(articles: readonly ArticleMeta[]): FoldedTexts {
  const [folded] = useState<FoldedTexts>(() => new WeakMap());
  useEffect(() => {
    let at = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const end = performance.now() + SLICE_MS;
      at = foldFilterTexts(articles, at, folded, () => performance.now() > end);
      timer = at < articles.length ? setTimeout(slice, 0) : undefined;
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [articles, folded]);
  return folded;
}
