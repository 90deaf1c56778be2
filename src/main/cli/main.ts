import { parseArgs } from 'node:util';
import type { MethodName, ResultOf } from '../../shared/contract';
import { GlossError } from '../../shared/result';
import { resolveLibraryPath } from '../services/library-path';
import { startServices, type Services } from '../services';
import { APP_VERSION } from '../services/version';
import { startWebHost } from '../web-host';

const HELP = `gloss — read and annotate local articles, offline

Usage: gloss [--library DIR] [--json] <command> [arguments]

Commands:
  serve [--port N]     Serve the Gloss app on 127.0.0.1 and print the address to open
  help                 Show this help

Options (every command):
  --library DIR        Library folder (default: GLOSS_LIBRARY, else the app-data folder)
  --json               Machine-readable output
  --version            Print the version
  --help               Show this help
`;

interface Context {
  rendererDir: string;
  services: Services;
  json: boolean;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** Calls one API method through the shared dispatcher and unwraps the result. */
async function call<M extends MethodName>(ctx: Context, name: M, params: unknown): Promise<ResultOf<M>> {
  const result = await ctx.services.dispatch(name, params);
  if (!result.ok) throw new GlossError(result.error.code, result.error.message);
  return result.value as ResultOf<M>;
}

const commands: Record<string, (ctx: Context) => Promise<'keep-running' | void>> = {
  async serve(ctx) {
    const port = ctx.values.port === undefined ? 0 : Number(ctx.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new GlossError(
        'invalid-argument',
        `--port must be a whole number from 0 to 65535, not "${String(ctx.values.port)}".`,
      );
    }
    const host = await startWebHost({ dispatch: ctx.services.dispatch, rendererDir: ctx.rendererDir, port });
    const info = await call(ctx, 'getAppInfo', {});
    if (ctx.json) console.log(JSON.stringify({ url: host.url, library: info.libraryPath }));
    else
      console.log(
        `Gloss is serving the library ${info.libraryPath}\nOpen ${host.url}\nPress Ctrl+C to stop.`,
      );
    const shutdown = () => {
      void host
        .close()
        .then(() => ctx.services.stop())
        .then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return 'keep-running';
  },
};

/**
 * Runs the CLI with the given arguments; resolves to the process exit code,
 * or -1 for a command that keeps running (serve).
 */
export async function main(argv: string[], rendererDir: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
        port: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`gloss: ${(error as Error).message}\nRun "gloss --help" for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command = 'help', ...rest] = positionals;
  if (values.version) {
    console.log(values.json ? JSON.stringify({ version: APP_VERSION }) : `gloss ${APP_VERSION}`);
    return 0;
  }
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  const run = commands[command];
  if (!Object.prototype.hasOwnProperty.call(commands, command) || !run) {
    console.error(`gloss: unknown command "${command}". Run "gloss --help" for the list.`);
    return 2;
  }
  let services: Services | undefined;
  try {
    services = await startServices({ libraryPath: resolveLibraryPath(values.library), host: 'cli' });
    const outcome = await run({
      rendererDir,
      services,
      json: values.json ?? false,
      positionals: rest,
      values,
    });
    if (outcome === 'keep-running') return -1;
    return 0;
  } catch (error) {
    const code = error instanceof GlossError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    if (values.json) console.error(JSON.stringify({ ok: false, error: { code, message } }));
    else console.error(`gloss: ${message}`);
    return 1;
  } finally {
    if (services && command !== 'serve') await services.stop();
  }
}
