import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

/** True when Debian's `syncthing` binary is on the PATH. */
export function hasSyncthing(): boolean {
  return spawnSync('syncthing', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** True when this process may run commands in a network namespace of their own (root with `unshare --net`). */
function canIsolateNetwork(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('unshare', ['--net', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' }).status === 0;
}

/** A port free on 127.0.0.1 now (the kernel's pick). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Replaces the text of `<tag>` inside `xml` (first occurrence); throws when the element is missing. */
function setElement(xml: string, tag: string, value: string): string {
  const pattern = new RegExp(`<${tag}>[^<]*</${tag}>`);
  if (!pattern.test(xml)) throw new Error(`config.xml has no <${tag}>`);
  return xml.replace(pattern, `<${tag}>${value}</${tag}>`);
}

/** One Syncthing instance: its home folder, device id, REST socket and key, and the folder it shares. */
export interface SyncthingNode {
  home: string;
  id: string;
  port: number;
  guiPort: number;
  socket: string;
  apiKey: string;
  folder: string;
}

/** The folder id both instances share. */
export const FOLDER_ID = 'gloss-library';

/** Creates the instance's keys and config (`syncthing generate`); returns its device id as Syncthing prints it. */
async function generate(home: string, folder: string): Promise<SyncthingNode> {
  const result = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], {
    encoding: 'utf8',
    env: { ...process.env, STNOUPGRADE: '1' },
  });
  const id = /Device ID:\s*([A-Z0-9-]{63})/.exec(`${result.stdout}${result.stderr}`)?.[1];
  if (!id) throw new Error(`syncthing generate printed no device id: ${result.stderr}`);
  const apiKey = /<apikey>([^<]+)<\/apikey>/.exec(readFileSync(path.join(home, 'config.xml'), 'utf8'))?.[1];
  if (!apiKey) throw new Error('syncthing generate wrote no API key');
  mkdirSync(path.join(folder, '.stfolder'), { recursive: true });
  return { home, id, port: 0, guiPort: 0, socket: path.join(home, 'gui.sock'), apiKey, folder };
}

/**
 * Rewrites `self`'s config.xml for this machine only, before its first start:
 * listens on 127.0.0.1 only, knows `peer` at its explicit loopback address,
 * shares `self.folder` with it, and has discovery, relays, NAT traversal, STUN,
 * usage and crash reporting and upgrades off; the REST API on 127.0.0.1 too.
 */
function configure(self: SyncthingNode, peer: SyncthingNode): void {
  const file = path.join(self.home, 'config.xml');
  let xml = readFileSync(file, 'utf8');
  const options: Record<string, string> = {
    listenAddress: `tcp://127.0.0.1:${self.port}`,
    globalAnnounceServer: '',
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    urAccepted: '-1',
    urURL: '',
    crashReportingEnabled: 'false',
    crashReportingURL: '',
    autoUpgradeIntervalH: '0',
    releasesURL: '',
    startBrowser: 'false',
    stunServer: '',
    reconnectionIntervalS: '1',
    announceLANAddresses: 'false',
  };
  for (const [tag, value] of Object.entries(options)) xml = setElement(xml, tag, value);
  xml = xml.replace(/<address>127\.0\.0\.1:8384<\/address>/, `<address>127.0.0.1:${self.guiPort}</address>`);
  const device = (id: string, address: string) =>
    `<device id="${id}" name="${id.slice(0, 7)}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy=""><address>${address}</address><paused>false</paused><autoAcceptFolders>false</autoAcceptFolders></device>`;
  const folder =
    `<folder id="${FOLDER_ID}" label="Gloss" path="${self.folder}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">` +
    `<filesystemType>basic</filesystemType><device id="${self.id}" introducedBy=""></device><device id="${peer.id}" introducedBy=""></device>` +
    `<markerName>.stfolder</markerName><maxConflicts>10</maxConflicts></folder>`;
  xml = xml.replace(
    /<device id="[^"]+"[^>]*>[\s\S]*?<\/device>/,
    `${folder}${device(self.id, `tcp://127.0.0.1:${self.port}`)}${device(peer.id, `tcp://127.0.0.1:${peer.port}`)}`,
  );
  writeFileSync(file, xml);
}

/**
 * Forwards each Unix socket given (path, then port) to that port on 127.0.0.1:
 * run inside the instances' network namespace, it lets this process reach their REST APIs.
 */
const PROXY = `const net = require('node:net');
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const port = Number(args[i + 1]);
  net.createServer((client) => {
    const api = net.connect(port, '127.0.0.1');
    client.pipe(api).pipe(client);
    api.on('error', () => client.destroy());
    client.on('error', () => api.destroy());
  }).listen(args[i]);
}
`;

/** Two Syncthing instances sharing one folder each, started; `stop` kills them. */
export interface SyncthingPair {
  a: SyncthingNode;
  b: SyncthingNode;
  /** Whether they run in a network namespace of their own (nothing can leave the machine). */
  isolated: boolean;
  /** Shuts both down through their REST APIs and resolves once they exited (killed after 10 s). */
  stop(): Promise<void>;
}

/**
 * Generates, configures and starts two instances under `root`, sharing
 * `folderA` with `folderB`; as root, inside one new network namespace with
 * only loopback up. Resolves once both REST APIs answer (or throws after `timeoutMs`).
 */
export async function startPair(
  root: string,
  folderA: string,
  folderB: string,
  timeoutMs = 30_000,
): Promise<SyncthingPair> {
  const a = await generate(path.join(root, 'st-a'), folderA);
  const b = await generate(path.join(root, 'st-b'), folderB);
  const isolated = canIsolateNetwork();
  const ports = isolated ? [22101, 22102, 28384, 28385] : await Promise.all([0, 1, 2, 3].map(freePort));
  [a.port, b.port, a.guiPort, b.guiPort] = ports as [number, number, number, number];
  configure(a, b);
  configure(b, a);
  const serve = (node: SyncthingNode) =>
    `syncthing serve --home='${node.home}' --no-browser --no-restart --no-upgrade >'${node.home}/log.txt' 2>&1 & pids="$pids $!";`;
  const proxy = path.join(root, 'rest-proxy.cjs');
  writeFileSync(proxy, PROXY);
  const bridge = `'${process.execPath}' '${proxy}' '${a.socket}' ${a.guiPort} '${b.socket}' ${b.guiPort} & bridge=$!;`;
  // The shell ends once both instances have: the bridge goes with them.
  const script = `${isolated ? 'ip link set lo up && ' : ''}${serve(a)} ${serve(b)} ${bridge} wait $pids; kill $bridge`;
  const child: ChildProcess = spawn(
    isolated ? 'unshare' : 'sh',
    isolated ? ['--net', 'sh', '-c', script] : ['-c', script],
    {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', STNORESTART: '1' },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const stop = async () => {
    await Promise.all(
      [a, b].map((node) => rest(node, 'POST', '/rest/system/shutdown').catch(() => undefined)),
    );
    const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!done) kill();
    await exited;
  };
  try {
    const deadline = Date.now() + timeoutMs;
    for (const node of [a, b]) {
      while (
        !(await rest(node, 'GET', '/rest/system/ping').then(
          () => true,
          () => false,
        ))
      ) {
        if (Date.now() > deadline) throw new Error(`syncthing did not start: see ${node.home}/log.txt`);
        await sleep(200);
      }
    }
  } catch (error) {
    kill();
    throw error;
  }
  return { a, b, isolated, stop };
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Calls the instance's REST API over its Unix socket; resolves to the parsed JSON body (or null), throws on a non-2xx answer. */
export function rest(node: SyncthingNode, method: 'GET' | 'POST', route: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { socketPath: node.socket, method, path: route, headers: { 'X-API-Key': node.apiKey }, timeout: 5000 },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          if ((response.statusCode ?? 500) >= 300)
            reject(new Error(`${route}: ${response.statusCode} ${body}`));
          else resolve(body.trim().startsWith('{') || body.trim().startsWith('[') ? JSON.parse(body) : null);
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${route}: timed out`)));
    request.on('error', reject);
    request.end();
  });
}
