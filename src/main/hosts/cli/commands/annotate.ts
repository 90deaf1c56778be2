import type { Annotation } from '../../../../shared/model/annotation';
import type { ArticleMeta } from '../../../../shared/model/article';
import { GlossError } from '../../../../shared/result';
import type { TFunction } from '../../../../shared/i18n';
import { call, print, wordsOf, type Command, type CommandContext } from '../command';
import { findQuote } from '../quote';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an id on the command line names: an article, or one highlight (with its article). */
type Target = { kind: 'article'; article: ArticleMeta } | { kind: 'annotation'; annotation: Annotation };

function requireId(ctx: CommandContext, what: string): string {
  const [id] = ctx.args;
  if (!id || ctx.args.length > 1) throw new GlossError('invalid-argument', `Name exactly one ${what}.`);
  if (!UUID.test(id))
    throw new GlossError('invalid-argument', `“${id}” is not an id (see gloss list, gloss annotations ID).`);
  return id.toLowerCase();
}

/**
 * Finds what `id` names: an article of the library, else a live highlight of one of them.
 * @throws GlossError('not-found') when it names neither.
 */
async function resolveTarget(ctx: CommandContext, id: string): Promise<Target> {
  const articles = await call(ctx, 'listArticles', {});
  const article = articles.find((a) => a.id === id);
  if (article) return { kind: 'article', article };
  for (const candidate of articles) {
    if (candidate.highlightCount === 0) continue;
    const [annotation] = await call(ctx, 'listAnnotations', { articleId: candidate.id, ids: [id] });
    if (annotation) return { kind: 'annotation', annotation };
  }
  throw new GlossError('not-found', `There is no article or highlight with id ${id} in this library.`);
}

function stringList(value: CommandContext['options'][string]): string[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

function clip(text: string, length = 60): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** One line per highlight, in `t`'s language: id, colour, quote, then its tags and note. */
export function annotationLine(t: TFunction, a: Annotation): string {
  const extras = [
    a.tags.length ? a.tags.map((tag) => `#${tag}`).join(' ') : '',
    a.note ? t('cli.noteExtra', { note: clip(a.note, 40) }) : '',
  ]
    .filter(Boolean)
    .join('  ');
  return `${a.id}  ${a.color.padEnd(7)} “${clip(a.target.quote.exact)}”${a.orphaned ? t('cli.notPlaced') : ''}${extras ? `  ${extras}` : ''}`;
}

/** `gloss highlight ID --quote TEXT`: highlights a quote of an article, as a selection in the app does. */
export const highlightCommand: Command = {
  usage: 'highlight ID --quote TEXT [--occurrence N] [--color C] [--note TEXT] [--tag T]...',
  options: {
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    color: { type: 'string' },
    note: { type: 'string' },
    tag: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const id = requireId(ctx, 'article id');
    const quote = ctx.options.quote;
    if (typeof quote !== 'string' || !quote.trim())
      throw new GlossError('invalid-argument', '--quote TEXT is required.');
    const { HIGHLIGHT_COLORS } = await import('../../../../shared/model/annotation');
    const color = ctx.options.color ?? 'yellow';
    if (!HIGHLIGHT_COLORS.some((c) => c === color)) {
      throw new GlossError(
        'invalid-argument',
        `--color must be one of ${HIGHLIGHT_COLORS.join(', ')}, not “${String(color)}”.`,
      );
    }
    const content = await call(ctx, 'getArticle', { id });
    const found = findQuote(content.text, quote);
    const title = content.article.title;
    if (found.length === 0)
      throw new GlossError('not-found', `The quote “${clip(quote)}” is not in “${title}”.`);
    const raw = ctx.options.occurrence;
    let index = 0;
    if (raw !== undefined) {
      index = Number(raw) - 1;
      if (!Number.isInteger(index) || index < 0 || index >= found.length) {
        throw new GlossError(
          'invalid-argument',
          `--occurrence must be a number from 1 to ${found.length} (the quote occurs ${found.length === 1 ? 'once' : `${found.length} times`}).`,
        );
      }
    } else if (found.length > 1) {
      throw new GlossError(
        'invalid-argument',
        `The quote “${clip(quote)}” occurs ${found.length} times in “${title}”; choose one with --occurrence 1 to ${found.length}.`,
      );
    }
    const { start, end } = found[index]!;
    const tags = stringList(ctx.options.tag);
    const note = ctx.options.note;
    const created = await call(ctx, 'createAnnotation', {
      articleId: id,
      start,
      end,
      color: color as (typeof HIGHLIGHT_COLORS)[number],
      ...(typeof note === 'string' && { note }),
      ...(tags.length > 0 && { tags }),
    });
    print(ctx, created, () => {
      const t = wordsOf(ctx);
      return t('cli.highlighted', { title, line: annotationLine(t, created) });
    });
  },
};

/** `gloss annotations ID`: an article's highlights in document order. */
export const annotationsCommand: Command = {
  usage: 'annotations ID',
  async run(ctx) {
    const id = requireId(ctx, 'article id');
    const list = await call(ctx, 'listAnnotations', { articleId: id });
    print(ctx, list, () => {
      const t = wordsOf(ctx);
      return list.length ? list.map((a) => annotationLine(t, a)).join('\n') : t('cli.noHighlights');
    });
  },
};

/** `gloss note ID|ANNOTATION_ID --text TEXT`: sets an article's note or a highlight's note. */
export const noteCommand: Command = {
  usage: 'note ID|ANNOTATION_ID --text TEXT',
  options: { text: { type: 'string' } },
  async run(ctx) {
    const id = requireId(ctx, 'article or highlight id');
    const text = ctx.options.text;
    if (typeof text !== 'string') throw new GlossError('invalid-argument', '--text TEXT is required.');
    const target = await resolveTarget(ctx, id);
    if (target.kind === 'article') {
      await call(ctx, 'setArticleNote', { articleId: id, note: text });
      print(ctx, { articleId: id, note: text }, () =>
        wordsOf(ctx)('cli.articleNoteSaved', { title: target.article.title }),
      );
      return;
    }
    const updated = await call(ctx, 'updateAnnotation', {
      articleId: target.annotation.articleId,
      id,
      note: text,
    });
    print(ctx, updated, () => {
      const t = wordsOf(ctx);
      return t('cli.noteSaved', { line: annotationLine(t, updated) });
    });
  },
};

/** `gloss tag ID|ANNOTATION_ID --add T --remove T`: changes the tags of an article or a highlight. */
export const tagCommand: Command = {
  usage: 'tag ID|ANNOTATION_ID [--add T]... [--remove T]...',
  options: { add: { type: 'string', multiple: true }, remove: { type: 'string', multiple: true } },
  async run(ctx) {
    const id = requireId(ctx, 'article or highlight id');
    const add = stringList(ctx.options.add);
    const remove = stringList(ctx.options.remove);
    if (add.length + remove.length === 0)
      throw new GlossError('invalid-argument', 'Give --add TAG or --remove TAG.');
    const { tagKey } = await import('../../../../shared/model/tag');
    const removed = new Set(remove.map(tagKey));
    const next = (current: string[]) => {
      const kept = current.filter((t) => !removed.has(tagKey(t)));
      const known = new Set(kept.map(tagKey));
      return [...kept, ...add.filter((t) => !removed.has(tagKey(t)) && !known.has(tagKey(t)))];
    };
    const target = await resolveTarget(ctx, id);
    if (target.kind === 'article') {
      const updated = await call(ctx, 'updateArticle', { id, tags: next(target.article.tags) });
      print(ctx, updated, () =>
        wordsOf(ctx)('cli.articleTags', { title: updated.title, tags: updated.tags.join(', ') || '—' }),
      );
      return;
    }
    const { annotation } = target;
    const updated = await call(ctx, 'updateAnnotation', {
      articleId: annotation.articleId,
      id,
      tags: next(annotation.tags),
    });
    print(ctx, updated, () => {
      const t = wordsOf(ctx);
      return t('cli.highlightTags', {
        tags: updated.tags.join(', ') || '—',
        line: annotationLine(t, updated),
      });
    });
  },
};
