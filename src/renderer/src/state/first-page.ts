import { api } from '../api';
import type { AppInfo } from '../../../shared/model/app';
import type { ArticleMeta } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import type { Result } from '../../../shared/result';

/** Articles asked for first when the library opens: more than one screen of rows. */
export const FIRST_PAGE = 40;

/** Asks for the library's first page of articles, newest first (see loadArticles). */
export function requestFirstPage(): Promise<Result<ArticleMeta[]>> {
  return api.listArticles({ first: FIRST_PAGE });
}

/** What the window's first screen shows, asked for together as the page starts. */
export interface FirstRequests {
  page: Promise<Result<ArticleMeta[]>>;
  settings: Promise<Result<Settings>>;
  info: Promise<Result<AppInfo>>;
}

/** Asks for the first page of articles, the settings (theme, language) and the app's info at once. */
export function requestFirstScreen(): FirstRequests {
  return { page: requestFirstPage(), settings: api.getSettings({}), info: api.getAppInfo({}) };
}
