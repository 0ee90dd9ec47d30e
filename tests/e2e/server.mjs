// Minimal static file server for end-to-end tests (node:http only, no dependencies).
//
// Library use:
//   import { startServer } from './server.mjs';
//   const srv = await startServer({ root: 'dist', prefix: '/learnings/', port: 0 });
//   console.log(srv.url); // http://127.0.0.1:PORT/learnings/
//   await srv.close();
//
// CLI use:
//   node tests/e2e/server.mjs <root> [--prefix /x/] [--port N]

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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
export async function startServer({ root, prefix = '/', port = 0, cors = false } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const rootDir = fs.realpathSync(path.resolve(root));
  if (!fs.statSync(rootDir).isDirectory()) throw new Error(`startServer: ${rootDir} is not a directory`);
  const mount = normalizePrefix(prefix);
  const mountNoSlash = mount.slice(0, -1); // '' for '/'

  const server = http.createServer((req, res) => {
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

    res.writeHead(200, {
      'Content-Type': contentTypeFor(filePath),
      'Content-Length': stat.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // Like GitHub Pages and most CDNs: lets a sandboxed (opaque-origin) embed load the files.
      ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
    });
    if (req.method === 'HEAD') return res.end();
    await new Promise((resolve, reject) => {
      const stream = fs.createReadStream(filePath);
      stream.on('error', reject);
      res.on('close', resolve);
      stream.pipe(res);
    });
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
  const opts = { root: undefined, prefix: '/', port: 0 };
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
    } else if (a === '-h' || a === '--help') {
      opts.help = true;
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (opts.root === undefined) opts.root = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const usage = 'usage: node tests/e2e/server.mjs <root> [--prefix /x/] [--port N]';
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
