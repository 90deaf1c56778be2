import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportScope } from '../../../../shared/model/export';
import { GlossError } from '../../../../shared/result';
import { describeNotice } from '../../../../shared/i18n';
import type { ExportTarget } from '../../../services/export';
import { runEveryStep } from '../../../services/stop';
import { call, print, wordsOf, type Command, type CommandContext } from '../command';

function scopeOf(options: CommandContext['options']): ExportScope {
  const { article, tag, all } = options;
  const chosen = [article, tag, all].filter((o) => o !== undefined && o !== false).length;
  if (chosen !== 1) {
    throw new GlossError(
      'invalid-argument',
      'Choose what to export: one of --article ID, --tag TAG or --all.',
    );
  }
  if (typeof article === 'string') return { kind: 'article', id: article };
  if (typeof tag === 'string') return { kind: 'tag', tag };
  return { kind: 'all' };
}

async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new GlossError('invalid-argument', `Cannot read the ${what} ${file}: ${reason}.`);
  }
}

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

const WATCH_ALONE = ['article', 'tag', 'template', 'combined', 'include-empty', 'color-marker'];

/**
 * `gloss export --watch --out DIR`: makes DIR the library's export folder on
 * this computer (as the app's export dialog does) and keeps it current until
 * stopped; failures are printed once each, on standard error.
 */
async function watchFolder(ctx: CommandContext): Promise<'keep-running'> {
  const out = ctx.options.out;
  if (typeof out !== 'string' || out === '')
    throw new GlossError('invalid-argument', '--out DIR is required.');
  const extra = WATCH_ALONE.filter((name) => ctx.options[name] !== undefined);
  if (extra.length > 0 || (ctx.options.format ?? 'md') !== 'md') {
    throw new GlossError(
      'invalid-argument',
      `--watch keeps a folder of Markdown files, one per article, current; it takes only --out and --all${extra.length > 0 ? `, not --${extra.join(', --')}` : ''}.`,
    );
  }
  const folder = path.resolve(out);
  await mkdir(folder, { recursive: true });
  const vault = await ctx.services.vault();
  await vault.set(folder, (message) => console.error(`gloss: ${message}`));
  await vault.flush();
  print(ctx, { folder, watching: true }, () => wordsOf(ctx)('cli.keepingFolder', { folder: `${folder}/` }));
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void runEveryStep([() => ctx.services.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`gloss: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, shutdown);
  return 'keep-running';
}

/**
 * `gloss export`: Markdown files into a folder (or one file), or Web
 * Annotation JSON into a file. `--out` names a file when it ends in .md or
 * .json and is not an existing folder; otherwise a folder. With --watch,
 * see watchFolder.
 */
export const exportCommand: Command = {
  usage:
    'export --article ID|--tag TAG|--all --out PATH [--format md|json] [--template FILE] [--combined] [--color-marker emoji|text|none] [--include-empty] [--lang vi|en]',
  options: {
    article: { type: 'string' },
    tag: { type: 'string' },
    all: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    template: { type: 'string' },
    combined: { type: 'boolean' },
    'color-marker': { type: 'string' },
    'include-empty': { type: 'boolean' },
    lang: { type: 'string' },
    watch: { type: 'boolean' },
  },
  async run(ctx) {
    if (ctx.options.watch === true) return watchFolder(ctx);
    const scope = scopeOf(ctx.options);
    const format = ctx.options.format ?? 'md';
    if (format !== 'md' && format !== 'json') {
      throw new GlossError('invalid-argument', `--format must be md or json, not "${String(format)}".`);
    }
    const out = ctx.options.out;
    if (typeof out !== 'string' || out === '')
      throw new GlossError('invalid-argument', '--out PATH is required.');
    const outPath = path.resolve(out);
    const extension = path.extname(outPath).toLowerCase();
    const target: ExportTarget =
      (extension === '.md' || extension === '.json') && !(await isFolder(outPath))
        ? { kind: 'file', path: outPath }
        : { kind: 'folder', path: outPath };
    if (target.kind === 'file' && extension !== `.${format}`) {
      throw new GlossError('invalid-argument', `--out ends in ${extension} but the format is ${format}.`);
    }
    const marker = ctx.options['color-marker'];
    if (marker !== undefined && marker !== 'emoji' && marker !== 'text' && marker !== 'none') {
      throw new GlossError(
        'invalid-argument',
        `--color-marker must be emoji, text or none, not “${String(marker)}”.`,
      );
    }
    const lang = ctx.options.lang ?? (ctx.locale === 'vi' ? 'vi' : 'en');
    if (lang !== 'vi' && lang !== 'en') {
      throw new GlossError('invalid-argument', `--lang must be vi or en, not “${String(lang)}”.`);
    }
    const templateFile = ctx.options.template;
    const template =
      typeof templateFile === 'string' ? await readTextFile(templateFile, 'template') : undefined;
    const written = await ctx.services.exportFiles(
      {
        scope,
        format,
        combined: ctx.options.combined === true || undefined,
        template,
        ...(format === 'md' && marker !== undefined && { colorMarker: marker }),
        includeEmpty: ctx.options['include-empty'] === true || undefined,
        ...(format === 'md' && { language: lang }),
      },
      target,
    );
    print(ctx, { written }, () =>
      wordsOf(ctx)('cli.exported', {
        count: written.length,
        target: target.kind === 'file' ? outPath : `${outPath}/`,
      }),
    );
  },
};

/**
 * `gloss import-annotations FILE`: adds the annotations of a Web Annotation JSON file to the library; a
 * highlights export of another reader (Kindle, KOReader, Hypothesis, Readwise) is imported as `gloss import` does.
 */
export const importAnnotationsCommand: Command = {
  usage: 'import-annotations FILE',
  async run(ctx) {
    const file = ctx.args[0];
    if (file === undefined || ctx.args.length > 1) {
      throw new GlossError('invalid-argument', 'Give exactly one file: gloss import-annotations FILE.');
    }
    const json = await readTextFile(path.resolve(file), 'file');
    const { readHighlightsFile } = await import('../../../services/highlights');
    const name = path.basename(file);
    if (readHighlightsFile(name, Buffer.from(json))) {
      const outcome = await call(ctx, 'importFile', { name, data: Buffer.from(json).toString('base64') });
      print(ctx, outcome, () => describeNotice(wordsOf(ctx), ctx.locale ?? 'en', outcome));
      return;
    }
    const result = await call(ctx, 'importWebAnnotations', { json });
    print(ctx, result, () => {
      const t = wordsOf(ctx);
      const imported = t('cli.annotationsCount', { count: result.imported });
      return result.skipped > 0
        ? t('cli.annotationsSkipped', { imported, count: result.skipped })
        : t('cli.annotationsImported', { imported });
    });
  },
};
