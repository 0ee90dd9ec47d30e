// Times the search engine in headless Chromium's WebAssembly engine, for `cargo xtask bench`.
//
// Run:  node tests/bench/wasm-bench.mjs <web-dir> <bundle.json> [n ...]
//   <web-dir>      wasm-bindgen `--target web` output of crates/bench-web, built as the release
//                  wasm is (toolchain, std and wasm-opt level: xtask/src/bench/wasm.rs)
//   <bundle.json>  the real bundle that the synthetic collections are modelled on
// Writes bench.html, bench.js and learnings.json into <web-dir>, serves it, and for each n
// (default 1000 10000 100000) loads the page afresh and runs the crate's `bench(bundle, n, seed)`.
// Prints a Markdown table on stdout; progress goes to stderr.

import fs from 'node:fs';
import path from 'node:path';

import { startServer } from '../e2e/server.mjs';
import { launchBrowser } from '../e2e/browser.mjs';
import { isolatedContext } from './isolate.mjs';
import { bytes, markdownTable, median, ms } from './table.mjs';

const SEED = 42;
const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const RUN_TIMEOUT = 300_000;
// Fresh pages per size: V8 compiles the optimised code in the background, which on a loaded
// 2-core machine swings one page's p99 by 2x; each figure is the median over these pages.
const PAGES = 3;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Learnings search bench</title>
<script type="module" src="bench.js"></script></head><body></body></html>
`;

// The page exposes `runBench(n, seed)` once the module and the real bundle are loaded.
const SCRIPT = `import init, { bench } from './learnings_bench_web.js';
try {
  const wasm = await init({ module_or_path: './learnings_bench_web_bg.wasm' });
  const real = await (await fetch('learnings.json')).text();
  window.runBench = (n, seed) => ({
    ...JSON.parse(bench(real, n, seed)),
    memory_bytes: wasm.memory.buffer.byteLength,
    isolated: crossOriginIsolated,
  });
  window.benchReady = 'ready';
} catch (e) {
  window.benchReady = 'failed: ' + (e && e.stack ? e.stack : e);
}
`;

function usage(message) {
  console.error(`${message}\nusage: node tests/bench/wasm-bench.mjs <web-dir> <bundle.json> [n ...]`);
  process.exit(2);
}

async function runOne(browser, url, n) {
  const context = await isolatedContext(browser);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url + 'bench.html');
    const ready = await (await page.waitForFunction(() => window.benchReady, null, { timeout: 60_000 })).jsonValue();
    if (ready !== 'ready') throw new Error(`the bench page did not load: ${ready}`);
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`n=${n} took over ${RUN_TIMEOUT / 1000} s`)), RUN_TIMEOUT).unref(),
    );
    const run = page.evaluate(([n, seed]) => window.runBench(n, seed), [n, SEED]);
    const result = await Promise.race([run, timeout]).catch((e) => {
      throw new Error(`n=${n}: ${[e.message, ...errors].join('\n')}`);
    });
    if (errors.length) throw new Error(`n=${n}: page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Each numeric field's median over runs of the same size; the other fields from the first run. */
function medianOf(runs) {
  const out = { ...runs[0] };
  for (const [key, value] of Object.entries(runs[0])) {
    if (typeof value === 'number') out[key] = median(runs.map((r) => r[key]));
  }
  return out;
}

function table(results) {
  const headers = [
    'entries',
    'bundle JSON',
    'decode ms',
    'index build ms',
    'keystroke p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    '10,000-char query ms',
    'index heap',
    'wasm memory',
  ];
  const rows = results.map((r) => [
    r.n.toLocaleString('en-US'),
    bytes(r.json_bytes),
    ms(r.decode_ms),
    ms(r.build_ms),
    ms(r.query_p50_ms),
    ms(r.query_p95_ms),
    ms(r.query_p99_ms),
    ms(r.query_max_ms),
    ms(r.long_query_ms),
    bytes(r.heap_bytes),
    bytes(r.memory_bytes),
  ]);
  const first = results[0];
  const clock = first.isolated ? '5 µs (page cross-origin isolated)' : '100 µs (page not cross-origin isolated)';
  return [
    markdownTable(headers, rows),
    '',
    `Each size runs in ${PAGES} fresh pages, so the code is as cold as on a first visit; every figure is the median ` +
      `over those pages. Synthetic entries from seed ${SEED}; ` +
      `${first.keystrokes} keystroke searches (every prefix of ${first.queries} queries typed a character at a time), each ` +
      '`Index::search` with the options the app uses (no limit: full ranking, total and day counts). "decode" is ' +
      'the bundle text to entries, as the app does after the download. "wasm memory" is the linear memory ' +
      `afterwards (it never shrinks, so it is the peak). Clock resolution ${clock}.`,
  ].join('\n');
}

const [webDir, bundlePath, ...sizeArgs] = process.argv.slice(2);
if (!webDir || !bundlePath) usage('missing arguments');
const sizes = sizeArgs.length ? sizeArgs.map(Number) : DEFAULT_SIZES;
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) usage(`bad sizes: ${sizeArgs.join(' ')}`);
for (const file of ['learnings_bench_web.js', 'learnings_bench_web_bg.wasm']) {
  if (!fs.existsSync(path.join(webDir, file))) usage(`${webDir} has no ${file}: build crates/bench-web first`);
}

fs.writeFileSync(path.join(webDir, 'bench.html'), PAGE);
fs.writeFileSync(path.join(webDir, 'bench.js'), SCRIPT);
fs.copyFileSync(bundlePath, path.join(webDir, 'learnings.json'));

const server = await startServer({ root: webDir });
const browser = await launchBrowser();
try {
  const results = [];
  for (const n of sizes) {
    console.error(`wasm-bench: n = ${n} ...`);
    const started = performance.now();
    const runs = [];
    for (let page = 0; page < PAGES; page++) runs.push(await runOne(browser, server.url, n));
    results.push(medianOf(runs));
    console.error(`wasm-bench: n = ${n} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(table(results));
} finally {
  await browser.close();
  await server.close();
}
