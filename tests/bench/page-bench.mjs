// Times the app itself in headless Chromium, for `cargo xtask bench`: from the bundle's
// response to the first entries painted, and from a keystroke in the search box to the results
// painted; on the real bundle and on a synthetic one.
//
// Run:  node tests/bench/page-bench.mjs <dist> <web-dir> <synthetic-dir> [n]
//   <dist>           the release site (cargo xtask build)
//   <web-dir>        wasm-bindgen `--target web` output of crates/bench-web, which makes the
//                    synthetic bundle (modelled on <dist>/learnings.json)
//   <synthetic-dir>  where to write a copy of <dist> whose bundle has n synthetic entries
//   n                synthetic entries (default 10000)
// Prints Markdown tables on stdout; progress goes to stderr.

import fs from 'node:fs';
import path from 'node:path';

import { startServer } from '../e2e/server.mjs';
import { launchBrowser } from '../e2e/browser.mjs';
import { PROBE } from './probe.mjs';
import { syntheticSite } from './synthetic.mjs';
import { bytes, markdownTable, median, ms, percentile } from './table.mjs';

const LOADS = 5;
const FIRST_PAINT_TIMEOUT = 120_000;
const QUIET_MS = 300;
const SEARCH_BOX = 'input[type="search"]';
const QUERIES = ['bk tree', 'condtion variable', 'async generator close'];

function usage(message) {
  console.error(`${message}\nusage: node tests/bench/page-bench.mjs <dist> <web-dir> <synthetic-dir> [n]`);
  process.exit(2);
}

/** Opens the site in a fresh context and waits for the first entries to be painted. */
async function load(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(
    () => window.__bench.state.firstEntriesPainted !== null || document.querySelector('[role="alert"]'),
    null,
    { timeout: FIRST_PAINT_TIMEOUT, polling: 50 },
  );
  // Prerendered entries paint before the bundle arrives; the timings below need the app running.
  await page.waitForFunction(
    () => document.documentElement.dataset.app === 'ready' || document.querySelector('[role="alert"]'),
    null,
    { timeout: FIRST_PAINT_TIMEOUT, polling: 50 },
  );
  const timing = await page.evaluate(() => {
    const bundle = performance
      .getEntriesByType('resource')
      .find((e) => new URL(e.name).pathname.endsWith('/learnings.json'));
    return {
      alert: document.querySelector('[role="alert"]')?.textContent?.trim() ?? null,
      responseEnd: bundle ? bundle.responseEnd : null,
      bundleBytes: bundle ? bundle.decodedBodySize : null,
      painted: window.__bench.state.firstEntriesPainted,
      entriesInDom: document.querySelectorAll('article.entry').length,
    };
  });
  if (timing.alert) throw new Error(`${url}: the app showed an error: ${timing.alert}`);
  if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
  if (timing.responseEnd === null) throw new Error(`${url}: no resource timing for learnings.json`);
  return { page, context, timing };
}

/** Waits until the DOM has not changed for QUIET_MS. */
async function settle(page) {
  await page.waitForFunction((quiet) => window.__bench.idleFor() >= quiet, QUIET_MS, { polling: 50, timeout: 60_000 });
}

/** Types each query a key at a time; returns each keystroke's latency, or null with no search box. */
async function typeQueries(page) {
  const box = page.locator(SEARCH_BOX).first();
  if ((await box.count()) === 0) return null;
  const latencies = [];
  for (const query of QUERIES) {
    await box.fill('');
    await box.focus();
    await settle(page);
    for (const key of query) {
      await page.evaluate(() => window.__bench.armKey());
      await page.keyboard.type(key);
      const latency = await page.waitForFunction((quiet) => window.__bench.keyLatency(quiet), QUIET_MS, {
        polling: 50,
        timeout: 60_000,
      });
      latencies.push(await latency.jsonValue());
    }
  }
  return latencies;
}

/** Loads `url` LOADS times, then types into the last load. */
async function measureSite(browser, label, url) {
  const loads = [];
  let last = null;
  for (let i = 0; i < LOADS; i++) {
    if (last) await last.context.close();
    last = await load(browser, url);
    loads.push(last.timing);
  }
  console.error(`page-bench: ${label}: loaded ${LOADS} times; typing`);
  try {
    return { label, loads, keys: await typeQueries(last.page) };
  } finally {
    await last.context.close();
  }
}

function tables(sites) {
  const loadRows = sites.map(({ label, loads }) => [
    label,
    loads[0].entriesInDom.toLocaleString('en-US'),
    bytes(loads[0].bundleBytes),
    ms(median(loads.map((t) => t.responseEnd))),
    ms(median(loads.map((t) => t.painted))),
    ms(median(loads.map((t) => t.painted - t.responseEnd))),
    ms(Math.max(...loads.map((t) => t.painted - t.responseEnd))),
  ]);
  const out = [
    markdownTable(
      ['bundle', 'entries in DOM', 'bundle size', 'bundle received ms', 'entries painted ms', 'received → painted ms', 'worst ms'],
      loadRows,
    ),
    '',
    `Medians of ${LOADS} fresh loads each, times since navigation start; "received → painted" is from the end of ` +
      'the learnings.json response to the frame after the first `article.entry` appeared (decode, index, render, paint).',
    '',
  ];
  if (sites.every((s) => s.keys === null)) {
    out.push(`Keystroke timing skipped: the page has no search box (\`${SEARCH_BOX}\`).`);
    return out.join('\n');
  }
  const keyRows = sites.map(({ label, keys }) =>
    keys === null
      ? [label, '0', 'n/a', 'n/a', 'n/a']
      : [label, String(keys.length), ms(percentile(keys, 50)), ms(percentile(keys, 95)), ms(Math.max(...keys))],
  );
  out.push(
    markdownTable(['bundle', 'keystrokes', 'keystroke → results painted p50 ms', 'p95 ms', 'max ms'], keyRows),
    '',
    `Typing ${QUERIES.map((q) => `"${q}"`).join(', ')} a key at a time into \`${SEARCH_BOX}\`; each keystroke is ` +
      `timed from its keydown to the frame after the last DOM change it caused (the DOM then quiet for ${QUIET_MS} ms).`,
  );
  return out.join('\n');
}

const [dist, webDir, syntheticDir, nArg] = process.argv.slice(2);
if (!dist || !webDir || !syntheticDir) usage('missing arguments');
const n = nArg === undefined ? 10_000 : Number(nArg);
if (!Number.isInteger(n) || n <= 0) usage(`bad n: ${nArg}`);
if (!fs.existsSync(path.join(dist, 'index.html'))) usage(`${dist} has no index.html: build the site first`);

console.error(`page-bench: writing a ${n}-entry synthetic site to ${syntheticDir}`);
await syntheticSite(dist, webDir, syntheticDir, n);
const browser = await launchBrowser();
const sites = [];
try {
  const realEntries = JSON.parse(fs.readFileSync(path.join(dist, 'learnings.json'), 'utf8')).entries.length;
  for (const [label, root] of [
    [`real (${realEntries.toLocaleString('en-US')} entries)`, dist],
    [`synthetic (${n.toLocaleString('en-US')} entries)`, syntheticDir],
  ]) {
    const server = await startServer({ root });
    try {
      sites.push(await measureSite(browser, label, server.url));
    } finally {
      await server.close();
    }
  }
  console.log(tables(sites));
} finally {
  await browser.close();
}
