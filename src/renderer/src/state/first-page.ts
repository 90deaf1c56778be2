import { api } from '../api';
import type { ArticleMeta } from '../../../shared/model/article';
import type { Result } from '../../../shared/result';

/** Articles asked for first when the library opens: more than one screen of rows. */
export const FIRST_PAGE = 40;

/** Asks for the library's first page of articles, newest first (see loadArticles). */
export function requestFirstPage(): Promise<Result<ArticleMeta[]>> {
  return api.listArticles({ first: FIRST_PAGE });
}
