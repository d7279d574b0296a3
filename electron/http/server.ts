import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { channels, isChannelName, type FileDownload } from '../../shared/contract/index.js';
import type { Dispatcher } from '../dispatch.js';
import { contentSecurityPolicy } from './csp.js';

const cookieName = 'liuke_session';
const maxBody = 1024 * 1024;
/** An import file (see services/io/staging). */
const maxUpload = 512 * 1024 * 1024;
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HttpHost {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function sessionFrom(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === cookieName) return v.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

const refused = (code: string) => ({
  ok: false,
  error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden', details: { reason: code } },
});

/** The body must be a JSON object: `{ requestId?, input }`. Anything else is malformed. */
function parseEnvelope(body: string): { requestId?: unknown; input?: unknown } | null {
  try {
    const v: unknown = JSON.parse(body || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as { requestId?: unknown; input?: unknown }) : null;
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBody) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Browser mode: the same dispatch as the desktop app behind `POST /api/<channel>` on 127.0.0.1,
 * plus the built renderer. The session cookie is SameSite=Strict, but SameSite ignores ports, so
 * every API call must also carry exactly our Origin and Host, and a JSON content type (which a
 * cross-site form cannot send without a preflight we never answer).
 */
export async function startHttpHost(dispatcher: Dispatcher, rendererDir: string, port = 0): Promise<HttpHost> {
  let origin = '';
  let host = '';

  const server = createServer((req, res) => {
    void dispatcher
      .around(() => handle(req, res))
      .catch(() => {
        if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } });
        else res.destroy();
      });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== host) return send(res, 421, refused('host'));
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, refused('method'), { Allow: 'POST' });
      if (req.headers.origin !== origin) return send(res, 403, refused('origin'));
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return send(res, 404, refused('channel'));
      }
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const upload = isChannelName(channel) && channels[channel].file === 'upload';
      if (mediaType !== (upload ? 'application/octet-stream' : 'application/json'))
        return send(res, 415, refused('contentType'));
      const caller = { sessionToken: sessionFrom(req), clientKey: req.socket.remoteAddress ?? '' };
      let result;
      if (upload) {
        // Anything else the channel takes (which entity a file is for) comes as query parameters.
        const extra = Object.fromEntries(url.searchParams);
        result = await receiveUpload(req, (file) =>
          dispatcher.dispatch(caller, channel, { input: { ...extra, ...file } }),
        );
        if (!result) return send(res, 413, refused('size'));
      } else {
        const body = await readBody(req);
        if (body === null) return send(res, 413, refused('size'));
        const envelope = parseEnvelope(body);
        if (!envelope)
          return send(res, 400, { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.badJson' } });
        result = await dispatcher.dispatch(caller, channel, {
          input: envelope.input,
          ...(typeof envelope.requestId === 'string' ? { requestId: envelope.requestId } : {}),
        });
      }
      const headers: Record<string, string> = {};
      if (result.session && 'set' in result.session)
        headers['Set-Cookie'] = `${cookieName}=${result.session.set}; Path=/; HttpOnly; SameSite=Strict`;
      else if (result.session) headers['Set-Cookie'] = `${cookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
      if (result.response.ok && isChannelName(channel) && channels[channel].file === 'download')
        return sendFile(res, result.response.value as FileDownload, headers);
      return send(res, 200, result.response, headers);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, refused('method'));
    serveStatic(url.pathname, res);
  }

  /**
   * An upload channel's body is the file itself, its name in X-File-Name: written to a private
   * temporary file, handed to dispatch as `{ path, name }`, removed afterwards. The browser never
   * names a path.
   */
  async function receiveUpload<T>(
    req: IncomingMessage,
    run: (input: { path: string; name: string }) => Promise<T>,
  ): Promise<T | null> {
    let name: string;
    try {
      name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
    } catch {
      name = '';
    }
    const path = `${tmpdir()}/liuke-upload-${randomUUID()}`;
    try {
      const out = createWriteStream(path, { mode: 0o600 });
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > maxUpload) {
          out.destroy();
          return null;
        }
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      return await run({ path, name });
    } finally {
      rmSync(path, { force: true });
    }
  }

  /** A file channel's result: the bytes, as an attachment; the renderer saves it as a download. */
  function sendFile(res: ServerResponse, file: FileDownload, headers: Record<string, string>): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    const stream = createReadStream(file.path);
    stream.on('close', () => {
      if (file.deleteAfter) rmSync(file.path, { force: true });
    });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const root = normalize(rendererDir);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return void send(res, 400, refused('path'));
    }
    let file = normalize(join(root, decoded));
    if (!file.startsWith(root + sep) && file !== root) return void send(res, 404, refused('path'));
    // The renderer routes in the hash, so anything that is not a file gets the app's page.
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // The literal address, not "localhost": nothing else on the network can reach the counter.
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${actual}`;
  origin = `http://${host}`;
  return {
    server,
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
