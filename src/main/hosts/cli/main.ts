import { parseArgs } from 'node:util';
import {
  describeError,
  describeNotice,
  localeFromEnv,
  translator,
  type Locale,
  type TFunction,
} from '../../../shared/i18n';
import type { en } from '../../../shared/i18n/catalog/en';
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

/** Names of the commands' descriptions in the catalogs. */
type HelpKey = Exclude<
  keyof typeof en.cliHelp,
  'title' | 'usage' | 'commands' | 'options' | 'badArguments' | 'unknownCommand'
>;

/** `gloss --help` in the language of `t`. */
function helpText(t: TFunction): string {
  const line = (usage: string, key: HelpKey) => `  ${usage.padEnd(22)} ${t(`cliHelp.${key}`)}`;
  const lines = Object.entries(commands).map(([name, c]) => line(c.usage, name as HelpKey));
  return `${t('cliHelp.title')}

${t('cliHelp.usage')}

${t('cliHelp.commands')}
${lines.join('\n')}
${line('help', 'help')}

${t('cliHelp.options')}
${line('--library DIR', 'library')}
${line('--json', 'json')}
${line('--version', 'version')}
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
    console.error(
      `gloss: ${translator(localeFromEnv(process.env))('cliHelp.badArguments', { message: (error as Error).message })}`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  if (values.version) {
    console.log(json ? JSON.stringify({ version: APP_VERSION }) : `gloss ${APP_VERSION}`);
    return 0;
  }
  const locale = localeFromEnv(process.env);
  if (values.help || name === 'help') {
    console.log(helpText(translator(locale)));
    return 0;
  }
  if (!command) {
    console.error(`gloss: ${translator(locale)('cliHelp.unknownCommand', { name })}`);
    return 2;
  }
  let services: Services | undefined;
  let keepRunning = false;
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
