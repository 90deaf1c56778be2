import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BOOK_IMAGE_PREFIX, parseBookImagePath } from '../../../shared/book-image';
import { TOKEN_HEADER, WEB_API_PREFIX } from '../../../shared/contract/transport';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { GlossError } from '../../../shared/result';
import type { Dispatch } from '../../dispatch';
import type { BookImage } from '../../services/library/book-images';
import { rendererFile } from '../renderer-files';

/** Largest JSON body the API accepts (an imported file travels base64-encoded). */
export const MAX_BODY_BYTES = 96 * 1024 * 1024;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export interface WebHostOptions {
  dispatch: Dispatch;
  /** A book's image by article id and stored name (see parseBookImagePath); without it none is served. */
  bookImage?: (articleId: string, name: string) => Promise<BookImage | null>;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** Interface to bind; only loopback addresses are accepted. */
  host?: string;
  /** Port to bind; 0 picks a free one. */
  port?: number;
  /** Per-launch secret; a random one is made when absent. */
  token?: string;
  /** Largest API body accepted, in bytes (default MAX_BODY_BYTES); a larger one is answered 413. */
  maxBodyBytes?: number;
}

export interface WebHost {
  /** The address to open: the token rides in its fragment (`#token=`), which browsers never send to a server. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/**
 * Serves the built renderer and the API on a loopback address. The page and
 * its assets hold no secret and are served to anyone on this computer; the
 * API lives at `POST /api/<method>` with a JSON body and the launch token in
 * the `X-Gloss-Token` header, never in a cookie (cookies are shared by every
 * port of 127.0.0.1). Every request must carry a loopback Host header for
 * this port, and a foreign Origin is refused (DNS rebinding, CSRF). A book's
 * images are served at `GET /book-image/<article id>/<name>?token=<token>`. A bad
 * method name is answered 400, a body over the limit 413, both as JSON.
 *
 * @throws GlossError('forbidden') when asked to bind a non-loopback address.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(bindHost)) {
    throw new GlossError(
      'forbidden',
      `The web host only listens on this computer (127.0.0.1, ::1 or localhost), not on "${bindHost}".`,
    );
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('gloss: the web host failed to answer a request:', error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error.');
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port)) {
      return send(res, 403, 'text/plain', 'Forbidden: this host only answers to 127.0.0.1 or localhost.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port)) {
      return send(res, 403, 'text/plain', 'Forbidden: requests from other sites are refused.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith(WEB_API_PREFIX)) {
      return handleApi(req, res, url.pathname.slice(WEB_API_PREFIX.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain', 'Method not allowed.');
    }
    if (url.pathname.startsWith(BOOK_IMAGE_PREFIX)) return serveBookImage(res, url);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // No secret in the page: the token travels in the address's fragment, which never reaches a server.
      return serveFile(res, path.join(rendererDir, 'index.html'));
    }
    const file = rendererFile(rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found.');
    return serveFile(res, file);
  }

  /** A book's image: the token rides in the query (an <img> sends no header); only a valid id and name pass. */
  async function serveBookImage(res: http.ServerResponse, url: URL): Promise<void> {
    if (!tokenMatches(url.searchParams.get('token'), token))
      return send(res, 401, 'text/plain', 'Missing or wrong Gloss token.');
    const wanted = parseBookImagePath(url.pathname);
    const image = wanted && (await options.bookImage?.(wanted.articleId, wanted.name).catch(() => null));
    if (!image) return send(res, 404, 'text/plain', 'Not found.');
    res.writeHead(200, { 'Content-Type': image.type, 'Content-Length': image.bytes.length });
    res.end(image.bytes);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST for API calls.');
    if (!tokenMatches(headerValue(req.headers[TOKEN_HEADER.toLowerCase()]), token)) {
      return sendJson(res, 401, {
        ok: false,
        error: { code: 'unauthorized', message: 'Missing or wrong Gloss token.' },
      });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, {
        ok: false,
        error: { code: 'invalid-argument', message: 'API calls must send JSON.' },
      });
    }
    let method: string;
    try {
      method = decodeURIComponent(name);
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid-argument', message: 'The API method name is not a valid address.' },
      });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const text = declared > maxBodyBytes ? null : await readBody(req, maxBodyBytes);
    if (text === null) {
      // Answer, then let the rest of the body drain, so the client reads the answer instead of a reset.
      res.setHeader('Connection', 'close');
      sendJson(res, 413, {
        ok: false,
        error: { code: 'too-large', message: `The request is larger than ${formatMib(maxBodyBytes)} MB.` },
      });
      req.resume();
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid-argument', message: 'The request body is not valid JSON.' },
      });
    }
    sendJson(res, 200, await options.dispatch(method, body));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const hostForUrl = bindHost === '::1' ? '[::1]' : bindHost;
  const originUrl = `http://${hostForUrl}:${port}`;
  return {
    url: `${originUrl}/#token=${token}`,
    origin: originUrl,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}

function isOwnOrigin(origin: string, port: number): boolean {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(
    origin.toLowerCase(),
  );
}

function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-store');
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function serveFile(res: http.ServerResponse, file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return send(res, 404, 'text/plain', 'Not found.');
  res.writeHead(200, {
    'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  createReadStream(file).pipe(res);
}

const formatMib = (bytes: number): string => String(Math.round((bytes / 1024 / 1024) * 10) / 10);

/** The request body as UTF-8, or null (the rest left unread) once it passes `limit` bytes. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
