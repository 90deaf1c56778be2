import { glossLink, parseGlossLink, routeHash } from '../../../../shared/links/gloss-link';
import { GlossError } from '../../../../shared/result';
import { call, print, type Command } from '../command';

/**
 * `gloss open LINK`: resolves a `gloss://` link (or the web host's address of a place) to its article,
 * highlight or position, checks that it is still in the library, and prints it with the route the app
 * opens it at (`#/article/<id>?h=…`, after the address `gloss serve` prints).
 */
export const openCommand: Command = {
  usage: 'open LINK',
  async run(ctx) {
    const [link] = ctx.args;
    if (!link || ctx.args.length > 1)
      throw new GlossError('invalid-argument', 'Give exactly one link: gloss open LINK.');
    const target = parseGlossLink(link);
    if (!target) {
      throw new GlossError(
        'invalid-argument',
        `“${link}” is not a Gloss link (gloss://article/ID, with ?h=HIGHLIGHT or ?at=OFFSET).`,
      );
    }
    const article = (await call(ctx, 'listArticles', {})).find((a) => a.id === target.articleId);
    if (!article)
      throw new GlossError('not-found', 'The article this link opens is no longer in the library.');
    let quote: string | undefined;
    if (target.kind === 'highlight') {
      const [highlight] = await call(ctx, 'listAnnotations', {
        articleId: article.id,
        ids: [target.highlightId],
      });
      if (!highlight) {
        throw new GlossError(
          'not-found',
          `The highlight this link opens is no longer in “${article.title}”.`,
        );
      }
      quote = highlight.target.quote.exact;
    }
    if (target.kind === 'position' && target.offset > article.charCount) {
      throw new GlossError('not-found', `“${article.title}” is shorter than the position this link opens.`);
    }
    const route = routeHash(target);
    const lines = [`${article.title}${quote ? `\n“${quote}”` : ''}`, `Route: ${route}`];
    print(ctx, { ...target, link: glossLink(target), title: article.title, quote, route }, lines.join('\n'));
  },
};
