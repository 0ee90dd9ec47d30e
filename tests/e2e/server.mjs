// Minimal static file server for end-to-end tests and the bench (node:http only, no dependencies).
//
// Every file gets an ETag, and a request whose If-None-Match names it gets 304 Not Modified.
// By default nothing may be cached (`Cache-Control: no-store`), so tests never see another
// test's files. With `caching: 'deploy'` it sends what README's Deploy table asks of a host or
// CDN: content-hashed names (Trunk's `name-<hex>.ext`) immutable for a year, every other
// file `no-cache` (revalidated each time, a 304 when unchanged). With `gzip: true` it compresses
// text and wasm for clients that accept gzip, as a CDN does. With `record: true` it keeps one
// line per request in `requests` (path, status, bytes written to the socket).
//
// Library use:
//   import { startServer } from './server.mjs';
//   const srv = await startServer({ root: 'dist', prefix: '/learnings/', port: 0 });
//   console.log(srv.url); // http://127.0.0.1:PORT/learnings/
//   await srv.close();
//
// CLI use:
//   node tests/e2e/server.mjs <root> [--prefix /x/] [--port N] [--deploy] [--gzip]

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const HOST = '127.0.0.1';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(filePath) {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Names Trunk gives content-hashed files: `learnings-<hex>.js`, `…_bg.wasm`, `styles-<hex>.css` (up to 16 hex digits). */
export const HASHED_NAME = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

/** Types worth compressing: everything but images that are compressed already and fonts. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm|xml|manifest\+json)|image\/svg)/;

/**
 * Gzipped bodies by file path, size and modification time, shared by every server of the process:
 * the benches start a fresh server per load, and gzip -9 of the wasm would otherwise add
 * a few hundred milliseconds of the server's own CPU to the first load of each.
 */
const gzipped = new Map();

function gzipOf(filePath, stat, raw) {
  const key = `${filePath}\0${stat.size}\0${stat.mtimeMs}`;
  if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(raw, { level: 9 }));
  return gzipped.get(key);
}

/** `Cache-Control` for `filePath` under `caching` ('none' or 'deploy'). */
function cacheControl(caching, filePath) {
  if (caching !== 'deploy') return 'no-store';
  return HASHED_NAME.test(path.basename(filePath)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Whether `header` (If-None-Match) names `etag`. */
function matchesEtag(header, etag) {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function normalizePrefix(prefix) {
  let p = String(prefix || '/');
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/**
 * Start a static file server on 127.0.0.1.
 * @param {{ root: string, prefix?: string, port?: number }} opts
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({
  root,
  prefix = '/',
  port = 0,
  cors = false,
  caching = 'none',
  gzip = false,
  record = false,
} = {}) {
  if (!['none', 'deploy'].includes(caching)) throw new Error(`startServer: unknown caching ${caching}`);
  if (!root) throw new Error('startServer: root is required');
  const rootDir = fs.realpathSync(path.resolve(root));
  if (!fs.statSync(rootDir).isDirectory()) throw new Error(`startServer: ${rootDir} is not a directory`);
  const mount = normalizePrefix(prefix);
  const mountNoSlash = mount.slice(0, -1); // '' for '/'
  const requests = [];
  /** Responses finished, and resolvers waiting for that count to reach theirs. */
  let finished = 0;
  const waiting = [];

  const server = http.createServer((req, res) => {
    if (record) {
      const socket = req.socket;
      const before = socket.bytesWritten;
      const line = { path: req.url, status: null, bytes: null };
      requests.push(line);
      res.on('finish', () => {
        Object.assign(line, { status: res.statusCode, bytes: socket.bytesWritten - before });
        finished += 1;
        for (const w of waiting.filter((w) => finished >= w.count)) w.resolve();
      });
    }
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, `500 Internal Server Error\n${err?.message ?? err}\n`);
      else res.destroy();
    });
  });

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, '405 Method Not Allowed\n', { Allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
    } catch {
      return send(res, 400, '400 Bad Request\n');
    }

    // The mount point itself without trailing slash: redirect so relative URLs resolve.
    if (mountNoSlash && pathname === mountNoSlash) {
      return send(res, 301, '', { Location: mount });
    }
    if (!pathname.startsWith(mount)) return send(res, 404, '404 Not Found\n');

    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(mount.length));
    } catch {
      return send(res, 400, '400 Bad Request\n');
    }
    if (rel.includes('\0')) return send(res, 400, '400 Bad Request\n');

    // Reject any traversal segment outright, then double-check the resolved path.
    const segments = rel.split(/[\\/]+/);
    if (segments.some((s) => s === '..')) return send(res, 404, '404 Not Found\n');
    let filePath = path.resolve(rootDir, '.' + path.sep + segments.join(path.sep));
    if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) {
      return send(res, 404, '404 Not Found\n');
    }

    let stat;
    try {
      stat = await fs.promises.stat(filePath);
    } catch {
      return send(res, 404, '404 Not Found\n');
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        return send(res, 301, '', { Location: pathname + '/' });
      }
      filePath = path.join(filePath, 'index.html');
      try {
        stat = await fs.promises.stat(filePath);
      } catch {
        return send(res, 404, '404 Not Found\n');
      }
      if (!stat.isFile()) return send(res, 404, '404 Not Found\n');
    } else if (!stat.isFile()) {
      return send(res, 404, '404 Not Found\n');
    }

    // Symlinks must not escape the root either.
    const real = await fs.promises.realpath(filePath);
    if (real !== rootDir && !real.startsWith(rootDir + path.sep)) {
      return send(res, 404, '404 Not Found\n');
    }

    const type = contentTypeFor(filePath);
    const compress = gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    // The same file compressed is another representation, so it has another tag.
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${compress ? '-gz' : ''}"`;
    const headers = {
      'Cache-Control': cacheControl(caching, filePath),
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      ...(gzip ? { Vary: 'Accept-Encoding' } : {}),
      // Like GitHub Pages and most CDNs: lets a sandboxed (opaque-origin) embed load the files.
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
    };
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      return res.end();
    }
    // Read whole, so that the length sent is the length of what is sent even if the file changes.
    const raw = await fs.promises.readFile(filePath);
    const body = compress ? gzipOf(filePath, stat, raw) : raw;
    res.writeHead(200, {
      ...headers,
      'Content-Type': type,
      ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const actualPort = server.address().port;
  const url = `http://${HOST}:${actualPort}${mount}`;
  let closed = null;
  return {
    url,
    port: actualPort,
    /**
     * With `record`: one `{ path, status, bytes }` per request in the order they came; status
     * and bytes (written to the socket, headers included) are null until its response is sent.
     */
    requests,
    /** Resolves once `count` responses have been sent. */
    recorded(count) {
      if (finished >= count) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ count, resolve }));
    },
    close() {
      if (!closed) {
        closed = new Promise((resolve) => {
          server.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
      }
      return closed;
    },
  };
}

function parseArgs(argv) {
  const opts = { root: undefined, prefix: '/', port: 0, caching: 'none', gzip: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name) => {
      if (a.startsWith(name + '=')) return a.slice(name.length + 1);
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    if (a === '--prefix' || a.startsWith('--prefix=')) opts.prefix = value('--prefix');
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = value('--port');
      opts.port = Number(v);
      if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`bad --port: ${v}`);
    } else if (a === '--deploy') opts.caching = 'deploy';
    else if (a === '--gzip') opts.gzip = true;
    else if (a === '-h' || a === '--help') {
      opts.help = true;
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (opts.root === undefined) opts.root = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const usage = 'usage: node tests/e2e/server.mjs <root> [--prefix /x/] [--port N] [--deploy] [--gzip]';
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${usage}`);
    process.exit(2);
  }
  if (opts.help || !opts.root) {
    console.error(usage);
    process.exit(opts.help ? 0 : 2);
  }
  try {
    const srv = await startServer(opts);
    console.log(srv.url);
    const stop = () => srv.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error(`server.mjs: ${e.message}`);
    process.exit(1);
  }
}
