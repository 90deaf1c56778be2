import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../../shared/result';
import type { ArticleMeta } from '../../../../shared/model/article';
import { textWithPageMarkers } from '../../../../shared/pdf/pages';
import { describeError, describeNotice, type TFunction } from '../../../../shared/i18n';
import type { Params, ResultOf } from '../../../../shared/contract';
import { call, print, wordsOf, type Command, type CommandContext } from '../command';
import { PASSWORD_TRIES, promptPassword, wantsPassword } from '../password';

function line(t: TFunction, a: ArticleMeta): string {
  const byline = [a.author, a.published?.slice(0, 10)].filter(Boolean).join(', ');
  return t('cli.listLine', {
    id: a.id,
    title: a.title,
    byline: byline ? ` — ${byline}` : '',
    count: a.highlightCount,
  });
}

/**
 * Reads a file named on the command line, base64-encoded for the importFile method.
 * @throws GlossError with a sentence naming the file when it is missing, unreadable, a folder or too large.
 */
async function readForImport(file: string): Promise<string> {
  const name = path.basename(file);
  const fail = (error: NodeJS.ErrnoException): never => {
    const reason =
      error.code === 'ENOENT'
        ? 'no such file'
        : error.code === 'EACCES' || error.code === 'EPERM'
          ? 'permission denied'
          : error.message;
    throw new GlossError('io', `Cannot read “${name}”: ${reason}.`, { file: name });
  };
  const info = await stat(file).catch(fail);
  if (!info.isFile()) throw new GlossError('unsupported', `“${name}” is not a file.`);
  const { checkImportSize } = await import('../../../services/import/import-size');
  checkImportSize(name, info.size);
  return (await readFile(file).catch(fail)).toString('base64');
}

/**
 * Reads standard input whole, base64-encoded for the importFile method, under the name `--name` gives.
 * @throws GlossError without a name, or when the input is too large.
 */
async function readStdinForImport(name: unknown): Promise<{ name: string; data: string }> {
  if (typeof name !== 'string' || !name.trim()) {
    throw new GlossError(
      'invalid-argument',
      'Give the name of the file read from standard input: gloss import - --name NAME.',
    );
  }
  const { checkImportSize } = await import('../../../services/import/import-size');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    checkImportSize(name, size);
    chunks.push(bytes);
  }
  return { name: path.basename(name), data: Buffer.concat(chunks).toString('base64') };
}

/**
 * Imports one file; an encrypted PDF is opened with --password, else with a password asked on the
 * terminal (not echoed, asked again when wrong, at most PASSWORD_TRIES times). The password is sent
 * to the import only, never printed or kept.
 * @throws GlossError as importFile, and 'invalid-argument' when a password is needed but standard
 *   input is not a terminal and --password was not given.
 */
async function importOne(ctx: CommandContext, params: Params<'importFile'>): Promise<ResultOf<'importFile'>> {
  const given = ctx.options.password;
  let password = typeof given === 'string' ? given.normalize('NFC') : undefined;
  for (let tries = 0; ; tries++) {
    try {
      return await call(ctx, 'importFile', password === undefined ? params : { ...params, password });
    } catch (error) {
      if (!wantsPassword(error) || tries >= PASSWORD_TRIES) throw error;
      const wrong = error.params?.password === 'wrong';
      // A wrong --password with nobody to ask again fails as it is.
      if (wrong && !process.stdin.isTTY) throw error;
      const t = wordsOf(ctx);
      const asked = await promptPassword(
        { input: process.stdin, output: process.stderr },
        t(wrong ? 'cli.passwordAgain' : 'cli.passwordAsk', { file: params.name }),
        params.name,
      );
      if (asked === null) throw error;
      password = asked;
    }
  }
}

/** `gloss import FILE...`: imports each file ("-" reads standard input), reports each failure, exits 1 if any failed. */
export const importFiles: Command = {
  usage: 'import FILE...|- [--name NAME] [--password PW]',
  options: { name: { type: 'string' }, password: { type: 'string' } },
  async run(ctx) {
    const t = wordsOf(ctx);
    if (ctx.args.length === 0) {
      throw new GlossError('invalid-argument', 'Name at least one file to import.', {
        key: 'cli.importNone',
      });
    }
    const outcomes = [];
    let failed = 0;
    for (const [i, file] of ctx.args.entries()) {
      try {
        const outcome = await importOne(
          ctx,
          file === '-'
            ? await readStdinForImport(ctx.options.name)
            : { name: path.basename(file), data: await readForImport(file) },
        );
        outcomes.push({ file, ok: true, ...outcome });
        if (!ctx.json)
          console.log(
            t('cli.importStep', {
              at: i + 1,
              total: ctx.args.length,
              message: [outcome, ...(outcome.warnings ?? [])]
                .map((said) => describeNotice(t, ctx.locale ?? 'en', said))
                .join(' '),
            }),
          );
      } catch (error) {
        failed++;
        const code = error instanceof GlossError ? error.code : 'internal';
        const message = (error as Error).message;
        outcomes.push({ file, ok: false, error: { code, message } });
        const params = error instanceof GlossError ? error.params : undefined;
        const worded = describeError(t, ctx.locale ?? 'en', { code, message, params }, true);
        if (!ctx.json)
          console.error(t('cli.importStep', { at: i + 1, total: ctx.args.length, message: worded }));
      }
    }
    if (ctx.json) console.log(JSON.stringify(outcomes, null, 2));
    if (failed > 0) {
      throw new GlossError(
        'invalid-argument',
        `${failed} of ${ctx.args.length} files could not be imported.`,
        {
          key: 'cli.importFailed',
          failed,
          total: ctx.args.length,
        },
      );
    }
  },
};

/** `gloss list`: the library's articles. */
export const list: Command = {
  usage: 'list',
  async run(ctx) {
    const articles = await call(ctx, 'listArticles', {});
    print(ctx, articles, () => {
      const t = wordsOf(ctx);
      return articles.length ? articles.map((a) => line(t, a)).join('\n') : t('cli.empty');
    });
  },
};

/** `gloss show ID`: metadata and canonical text of one article (a PDF's with page markers; --json adds the page map). */
export const show: Command = {
  usage: 'show ID',
  async run(ctx) {
    const [id] = ctx.args;
    if (!id) throw new GlossError('invalid-argument', 'Name the article id to show (see gloss list).');
    const content = await call(ctx, 'getArticle', { id });
    const a = content.article;
    const t = wordsOf(ctx);
    const rows: [string, string | number][] = [
      [t('cli.showTitle'), a.title],
      [t('cli.showAuthor'), a.author ?? '—'],
      [t('cli.showPublished'), a.published ?? '—'],
      [t('cli.showFile'), `${a.sourceFile} (${a.format})`],
      [t('cli.showWords'), a.wordCount],
      [t('cli.showTags'), a.tags.join(', ') || '—'],
      ...(a.pageCount === undefined ? [] : [[t('cli.showPages'), a.pageCount] as [string, number]]),
      ...(a.doi ? [['DOI:', a.doi] as [string, string]] : []),
    ];
    const width = Math.max(...rows.map(([label]) => label.length)) + 1;
    const meta = rows.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n');
    const text = content.pages ? textWithPageMarkers(content.text, content.pages) : content.text;
    print(ctx, content, `${meta}\n\n${text}`);
  },
};

/** `gloss rm ID`: deletes an article and its highlights. */
export const rm: Command = {
  usage: 'rm ID',
  async run(ctx) {
    const [id] = ctx.args;
    if (!id) throw new GlossError('invalid-argument', 'Name the article id to delete (see gloss list).');
    const article = await call(ctx, 'deleteArticle', { id });
    print(ctx, article, () => wordsOf(ctx)('cli.deleted', { title: article.title }));
  },
};

/** `gloss sync-status`: this computer's device id and every computer keeping the library, with when each last wrote. */
export const syncStatusCommand: Command = {
  usage: 'sync-status',
  async run(ctx) {
    const status = await call(ctx, 'getSyncStatus', {});
    print(ctx, status, () => {
      const t = wordsOf(ctx);
      return [
        t('cli.thisComputer', { id: status.deviceId }),
        ...status.devices.map(
          (device) =>
            `${device.self ? '* ' : '  '}${device.id}  ${device.lastWrite ? t('cli.lastWrote', { at: device.lastWrite }) : t('cli.wroteNothing')}`,
        ),
      ].join('\n');
    });
  },
};
