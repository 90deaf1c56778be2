import { GlossError } from '../../../../shared/result';
import { runEveryStep } from '../../../services/stop';
import { call, wordsOf, type Command } from '../command';
import { glossDataDir } from '../../../services/library-path';

/**
 * `gloss serve`: the web host on 127.0.0.1. Without --port it reuses the port and token it last served
 * this library with (remembered in Gloss's data folder), so a page left open reconnects after a restart;
 * when that port is taken it picks a free one.
 */
export const serve: Command = {
  usage: 'serve [--port N]',
  options: { port: { type: 'string' } },
  async run(ctx) {
    const portOption = ctx.options.port;
    const port = portOption === undefined ? 0 : Number(portOption);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new GlossError(
        'invalid-argument',
        `--port must be a whole number from 0 to 65535, not "${String(portOption)}".`,
      );
    }
    const [{ startWebHost }, { lastServed, rememberServed }] = await Promise.all([
      import('../../web/web-host'),
      // Its schema needs zod, which other commands load only with the services.
      import('../serve-state'),
    ]);
    const info = await call(ctx, 'getAppInfo', {});
    const dataDir = glossDataDir();
    const last = portOption === undefined ? await lastServed(dataDir, info.libraryPath) : null;
    const start = (p: number, token?: string) =>
      startWebHost({
        dispatch: ctx.services.dispatch,
        bookImage: (id, name) => ctx.services.bookImage(id, name),
        rendererDir: ctx.rendererDir,
        port: p,
        token,
      });
    const host = last
      ? await start(last.port, last.token).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
          return start(0);
        })
      : await start(port);
    await rememberServed(dataDir, info.libraryPath, { port: host.port, token: host.token });
    if (ctx.json) console.log(JSON.stringify({ url: host.url, library: info.libraryPath }));
    else console.log(wordsOf(ctx)('cli.serving', { library: info.libraryPath, url: host.url }));
    let stopping = false;
    const shutdown = () => {
      if (stopping) return;
      stopping = true;
      void runEveryStep([() => ctx.services.stop(), () => host.close()]).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`gloss: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    };
    // Ctrl+C, a service manager, or the terminal being closed (SIGHUP): each saves everything first.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
    return 'keep-running';
  },
};
