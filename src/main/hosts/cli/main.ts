import { parseArgs } from 'node:util';
import { describeError, describeNotice, localeFromEnv, translator, type Locale } from '../../../shared/i18n';
import type { Notice } from '../../../shared/model/notice';
import { GlossError } from '../../../shared/result';
import type { Services } from '../../services';
import { glossDataDir, resolveLibraryPath } from '../../services/library-path';
import { APP_VERSION } from '../../services/version';
import type { Command } from './command';
import { annotationsCommand, highlightCommand, noteCommand, tagCommand } from './commands/annotate';
import { openCommand } from './commands/open';
import { exportCommand, importAnnotationsCommand } from './commands/export';
import { search } from './commands/search';
import { importFiles, list, rm, show, syncStatusCommand } from './commands/library';
import { serve } from './commands/serve';

/** Every `gloss` command, by name. */
const commands: Record<string, Command> = {
  import: importFiles,
  'sync-status': syncStatusCommand,
  list,
  show,
  rm,
  search,
  serve,
  export: exportCommand,
  'import-annotations': importAnnotationsCommand,
  highlight: highlightCommand,
  annotations: annotationsCommand,
  note: noteCommand,
  tag: tagCommand,
  open: openCommand,
};

const GLOBAL_OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  version: { type: 'boolean' },
} as const;

function helpText(): string {
  const lines = Object.values(commands).map((c) => `  ${c.help}`);
  return `gloss — read and annotate local articles, offline

Usage: gloss [--library DIR] [--json] <command> [arguments]

Commands:
${lines.join('\n')}
  help                   Show this help

Options (every command):
  --library DIR          Library folder (default: GLOSS_LIBRARY, else the app-data folder)
  --json                 Machine-readable output
  --version              Print the version
`;
}

/**
 * Runs the CLI with the given arguments; resolves to the process exit code
 * (0 ok, 1 failed, 2 usage error), or -1 for a command that keeps running.
 */
export async function main(argv: string[], rendererDir: string): Promise<number> {
  const name = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--library') ?? 'help';
  const known = Object.prototype.hasOwnProperty.call(commands, name);
  const command = known ? commands[name] : undefined;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...GLOBAL_OPTIONS, ...command?.options },
    });
  } catch (error) {
    console.error(`gloss: ${(error as Error).message}\nRun "gloss --help" for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  if (values.version) {
    console.log(json ? JSON.stringify({ version: APP_VERSION }) : `gloss ${APP_VERSION}`);
    return 0;
  }
  if (values.help || name === 'help') {
    console.log(helpText());
    return 0;
  }
  if (!command) {
    console.error(`gloss: unknown command "${name}". Run "gloss --help" for the list.`);
    return 2;
  }
  let services: Services | undefined;
  let keepRunning = false;
  const locale = localeFromEnv(process.env);
  try {
    const library = typeof values.library === 'string' ? values.library : undefined;
    // Loaded only now, so that --version and --help start as fast as node itself.
    const { startServices } = await import('../../services');
    const keeps = name === 'serve' || (name === 'export' && (values as { watch?: unknown }).watch === true);
    services = await startServices({
      libraryPath: resolveLibraryPath(library),
      host: name === 'serve' ? 'web' : 'cli',
      watch: keeps,
      searchOnDemand: name !== 'serve',
      // The export folder set in the app (or with export --watch) is kept current while Gloss runs.
      ...(keeps && { dataDir: glossDataDir() }),
    });
    const outcome = await command.run({
      services,
      rendererDir,
      json,
      args: positionals.slice(1),
      options: values,
      locale,
    });
    keepRunning = outcome === 'keep-running';
    return keepRunning ? -1 : 0;
  } catch (error) {
    const code = error instanceof GlossError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    const params = error instanceof GlossError ? error.params : undefined;
    if (json)
      console.error(JSON.stringify({ ok: false, error: { code, message, ...(params && { params }) } }));
    else
      console.error(`gloss: ${describeError(translator(locale), locale, { code, message, params }, true)}`);
    return 1;
  } finally {
    if (services && !keepRunning) {
      await printNotices(services, json, locale);
      try {
        await services.stop();
      } finally {
        await printNotices(services, json, locale);
      }
    }
  }
}

/** Prints the store's messages for the user (damage found and repaired, saves that failed) on stderr. */
async function printNotices(services: Services, json: boolean, locale: Locale): Promise<void> {
  const result = await services.dispatch('takeNotices', {});
  if (!result.ok) return;
  const t = translator(locale);
  for (const said of result.value as Notice[]) {
    console.error(
      json
        ? JSON.stringify({ notice: said.message, ...(said.key && { key: said.key, params: said.params }) })
        : `gloss: ${describeNotice(t, locale, said)}`,
    );
  }
}
