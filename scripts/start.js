// `npm start`: build, then open the Electron window; where the Electron binary
// cannot be had (it is downloaded on first run), serve the same app on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const passThrough = process.argv.slice(2);

const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Resolving the `electron` package downloads its binary when missing; do it in a
// child process so a failed download is contained and reported in one sentence.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  timeout: 10 * 60 * 1000,
});
const electronPath = probe.status === 0 ? probe.stdout.trim() : '';

const child = electronPath
  ? spawn(electronPath, [root, ...passThrough], { cwd: root, stdio: 'inherit' })
  : (console.log(
      'The Electron binary could not be downloaded (this machine seems to be offline), so Gloss is serving the same app on this computer instead; open the address below in a browser.',
    ),
    spawn(
      process.execPath,
      [fileURLToPath(new URL('../bin/gloss.js', import.meta.url)), ...passThrough, 'serve'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    ));

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
