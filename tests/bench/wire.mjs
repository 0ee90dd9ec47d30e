// What a first visit costs on the wire, for `cargo xtask bench`: every byte the page and its
// service worker fetch until the worker has precached the build, counted by the server (the
// worker's requests are not the page's, so the page's own DevTools session would miss them),
// with the caching a CDN gives: ETags, 304s for unchanged fixed names, hashed names immutable,
// gzip. For the home page and for an entry page opened from a shared link.
//
// Run:  node tests/bench/wire.mjs <dist>
// Prints Markdown tables and the budget's verdict on stdout.

import fs from 'node:fs';
import path from 'node:path';

import { startServer } from '../e2e/server.mjs';
import { launchBrowser } from '../e2e/browser.mjs';
import { bytes, markdownTable } from './table.mjs';

/** Issue 13's budget for a first visit, gzipped, everything included. */
const BUDGET = 200 * 1000;
const TIMEOUT = 120_000;

/** Visits `page` of a fresh server in a fresh context; returns the server's record once the worker is ready. */
async function firstVisit(browser, dist, page) {
  const server = await startServer({ root: dist, gzip: true, caching: 'deploy', record: true });
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(server.url + page);
    await tab.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: TIMEOUT });
    // Ready means installed: every file precached.
    await tab.evaluate(() => navigator.serviceWorker.ready);
    await server.recorded(server.requests.length);
    return server.requests.map((r) => ({ ...r, path: decodeURIComponent(r.path.split('?')[0]) }));
  } finally {
    await context.close();
    await server.close();
  }
}

/** One row per file: how it was answered and the bytes, largest first, and the total. */
function table(requests) {
  const files = new Map();
  for (const r of requests) {
    const file = files.get(r.path) ?? { statuses: [], bytes: 0 };
    file.statuses.push(r.status);
    file.bytes += r.bytes;
    files.set(r.path, file);
  }
  const rows = [...files].sort((a, b) => b[1].bytes - a[1].bytes);
  const total = requests.reduce((sum, r) => sum + r.bytes, 0);
  return {
    total,
    markdown: markdownTable(
      ['file', 'answers', 'bytes'],
      [
        ...rows.map(([file, { statuses, bytes: sent }]) => [file, statuses.join(', '), bytes(sent)]),
        ['**total**', `**${requests.length} requests**`, `**${bytes(total)}**`],
      ],
    ),
  };
}

const [dist] = process.argv.slice(2);
if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('usage: node tests/bench/wire.mjs <dist> (the release site, with index.html)');
  process.exit(2);
}
const newest = JSON.parse(fs.readFileSync(path.join(dist, 'learnings.json'), 'utf8')).entries[0].id;
const browser = await launchBrowser();
const out = [];
try {
  for (const [label, page] of [
    ['home page', ''],
    ['entry page', `e/${newest}.html`],
  ]) {
    const { total, markdown } = table(await firstVisit(browser, dist, page));
    out.push(
      `First visit to the ${label} (${page || './'}): **${bytes(total)}** (${(total / 1000).toFixed(1)} kB; budget ≤ ` +
        `${BUDGET / 1000} kB: ${total <= BUDGET ? 'met' : 'missed'}).`,
      '',
      markdown,
      '',
    );
  }
  out.push(
    'Bytes written to the socket (headers included) by tests/e2e/server.mjs with gzip and the Deploy table\'s ' +
      'caching (ETags; 304 for an unchanged file; hashed names immutable), from navigation until the service ' +
      'worker is ready, which is after it has precached the build; a fresh context each. A 304 is the worker ' +
      'revalidating a fixed name the page has just downloaded; the hashed js, wasm and css come once, the worker ' +
      'taking them from the HTTP cache.',
  );
  console.log(out.join('\n'));
} finally {
  await browser.close();
}
