// How soon a new reader on a slow phone gets an answer, for `cargo xtask bench`: from
// navigation to the first search result painted, for a query typed as soon as the search box
// exists, in the app and in a page running MiniSearch over the same entries (the anchor), on
// the same server in the same run; with the real entries and with n synthetic ones.
//
// Run:  node tests/bench/first-result.mjs <dist> <web-dir> <work-dir> [n]
//   <dist>      the release site (cargo xtask build)
//   <web-dir>   wasm-bindgen output of crates/bench-web, which makes the synthetic bundle
//   <work-dir>  where to write the MiniSearch pages and the synthetic site
//   n           synthetic entries (default 10000)
// Prints a Markdown table and the budget's verdict on stdout; progress goes to stderr.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../e2e/server.mjs';
import { launchBrowser } from '../e2e/browser.mjs';
import { PROFILE, RUNS, SLOW_TIMEOUT, slowPage } from './slow.mjs';
import { syntheticSite } from './synthetic.mjs';
import { inlineText } from '../inline-text.mjs';
import { bytes, markdownTable, median, ms } from './table.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
/** Issue 13's budget, with the real entries. */
const BUDGET_MS = 1500;
/** Loads of the synthetic collection, each several seconds of bundle on this profile. */
const SYNTHETIC_RUNS = 1;

function usage(message) {
  console.error(`${message}\nusage: node tests/bench/first-result.mjs <dist> <web-dir> <work-dir> [n]`);
  process.exit(2);
}

// Notes when the first `.result` is in the DOM and the frame after it is painted.
const PROBE = `(() => {
  window.__firstResult = null;
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.result')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__firstResult = performance.now(); };
      channel.port2.postMessage(null);
    });
  }).observe(document, { subtree: true, childList: true });
})();`;

/**
 * Types `query` into `#search` the moment the parser has put it into the DOM (its value set
 * and an `input` event, as a keystroke would), from inside the page: a driver's `fill` waits
 * for a busy main thread and the machine's load, and typed seconds late on a loaded machine.
 * Also notes where the time to the first result goes: when the box is in the DOM, when Trunk's
 * loader has the wasm instantiated and main() run (its TrunkApplicationStarted event), and the
 * main thread's long tasks (over 50 ms), each with its start and length.
 */
const typist = (query) => `(() => {
  const b = window.__breakdown = { box: null, typed: null, started: null, longTasks: [] };
  new MutationObserver((_, observer) => {
    const box = document.getElementById('search');
    if (!box) return;
    observer.disconnect();
    b.box = performance.now();
    box.value = ${JSON.stringify(query)};
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    b.typed = performance.now();
  }).observe(document, { subtree: true, childList: true });
  addEventListener('TrunkApplicationStarted', () => { b.started = performance.now(); });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})();`;

const MINISEARCH_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>MiniSearch</title>
  <script type="module" src="page.mjs"></script>
</head>
<body>
  <input id="search" type="search" aria-label="Search entries" autocomplete="off">
  <ol id="results"></ol>
</body>
</html>
`;

// The page's script: fetches the bundle, indexes it as relevance.mjs does, and shows the ten
// best questions for what is in the box, typed before it ran or after.
const MINISEARCH_SCRIPT = `import MiniSearch from './minisearch.mjs';
import { MINISEARCH_OPTIONS, documents } from './bench/documents.mjs';

const box = document.getElementById('search');
const list = document.getElementById('results');
const bundle = await (await fetch('learnings.json')).json();
const mini = new MiniSearch(MINISEARCH_OPTIONS);
mini.addAll(documents(bundle));
function show() {
  const hits = box.value.trim() ? mini.search(box.value).slice(0, 10) : [];
  list.replaceChildren(...hits.map((hit) => {
    const item = document.createElement('li');
    item.className = 'result';
    item.textContent = hit.question;
    return item;
  }));
}
box.addEventListener('input', show);
show();
`;

/** A MiniSearch page over `site`'s bundle, written into `dir`. */
function miniSearchSite(site, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), MINISEARCH_PAGE);
  fs.writeFileSync(path.join(dir, 'page.mjs'), MINISEARCH_SCRIPT);
  fs.copyFileSync(path.join(REPO, 'node_modules', 'minisearch', 'dist', 'es', 'index.js'), path.join(dir, 'minisearch.mjs'));
  fs.copyFileSync(path.join(HERE, 'documents.mjs'), path.join(dir, 'bench', 'documents.mjs'));
  fs.copyFileSync(path.join(REPO, 'tests', 'inline-text.mjs'), path.join(dir, 'inline-text.mjs'));
  fs.copyFileSync(path.join(site, 'learnings.json'), path.join(dir, 'learnings.json'));
  return dir;
}

/** The query: the longest word of the newest entry's question, a word both engines find. */
function queryFor(site) {
  const bundle = JSON.parse(fs.readFileSync(path.join(site, 'learnings.json'), 'utf8'));
  const words = inlineText(bundle.entries[0].question_inlines).split(/[^A-Za-z]+/);
  return { query: words.reduce((a, b) => (b.length > a.length ? b : a), '').toLowerCase(), entries: bundle.entries.length };
}

/**
 * In the page, after its first result: that result, the bundle's bytes as sent, and the load's
 * milestones (ms since navigation start, `null` for those the page does not have) with its
 * long tasks.
 */
function milestones() {
  const b = window.__breakdown;
  const resources = performance.getEntriesByType('resource');
  const file = (pattern) => resources.find((r) => pattern.test(new URL(r.name).pathname));
  const [js, wasm, bundle] = [/\/(learnings-[0-9a-f]+|page)\.m?js$/, /\.wasm$/, /\/learnings\.json$/].map(file);
  const mark = (name) => performance.getEntriesByName(`learnings:${name}`, 'mark')[0]?.startTime ?? null;
  const during = (from, to) =>
    b.longTasks.filter(([start]) => from !== null && to !== null && start >= from && start < to).reduce((sum, [, d]) => sum + d, 0);
  const ready = window.__vitals.readyAt;
  return {
    result: window.__firstResult,
    bundleBytes: bundle?.transferSize,
    steps: {
      html: performance.getEntriesByType('navigation')[0].responseEnd,
      box: b.box,
      typed: b.typed,
      js: js?.responseEnd ?? null,
      wasmStart: wasm?.startTime ?? null,
      wasm: wasm?.responseEnd ?? null,
      started: b.started,
      bundleStart: bundle?.startTime ?? null,
      bundle: bundle?.responseEnd ?? null,
      decoded: mark('decoded'),
      ready,
      indexed: mark('indexed'),
      result: window.__firstResult,
      busyBeforeBundle: during(0, bundle?.responseEnd ?? null),
      busyToReady: during(bundle?.responseEnd ?? null, ready),
      busyToResult: during(ready ?? bundle?.responseEnd ?? null, window.__firstResult),
    },
  };
}

/** One fresh load: types `query` as soon as `#search` exists, then waits for the first result. */
async function firstResult(browser, url, query) {
  const { context, page, errors } = await slowPage(browser, [PROBE, typist(query)]);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstResult !== null, null, { timeout: SLOW_TIMEOUT, polling: 100 });
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    const { result, bundleBytes, steps } = await page.evaluate(milestones);
    return { typedAt: steps.typed, result, bundleBytes, steps };
  } finally {
    await context.close();
  }
}

/** What each milestone of `milestones()` means, in the order a load meets them. */
const STEPS = [
  ['html', 'HTML received'],
  ['box', '`#search` in the DOM, the query typed'],
  ['js', 'script downloaded (Trunk\'s js; page.mjs)'],
  ['wasmStart', 'wasm requested'],
  ['wasm', 'wasm downloaded'],
  ['started', 'wasm instantiated, main() run'],
  ['bundleStart', 'bundle requested'],
  ['bundle', 'bundle downloaded'],
  ['decoded', 'bundle decoded'],
  ['ready', 'page hydrated, taken over (`data-app="ready"`)'],
  ['indexed', 'index built'],
  ['result', 'first result painted'],
  ['busyBeforeBundle', 'long tasks until the bundle is in (ms)'],
  ['busyToReady', 'long tasks, bundle → taken over (ms)'],
  ['busyToResult', 'long tasks, taken over → first result (ms)'],
];

/** The milestones of the app's loads beside the MiniSearch page's. */
function breakdownTable([app, mini]) {
  const at = (loads, key) => {
    const values = loads.map((l) => l.steps[key]).filter((v) => v !== null && v !== undefined);
    return values.length ? ms(median(values)) : '—';
  };
  return markdownTable(
    ['step (real entries)', 'Learnings ms', 'MiniSearch ms'],
    STEPS.map(([key, label]) => [label, at(app, key), at(mini, key)]),
  );
}

const [dist, webDir, work, nArg] = process.argv.slice(2);
if (!dist || !webDir || !work) usage('missing arguments');
const n = nArg === undefined ? 10_000 : Number(nArg);
if (!Number.isInteger(n) || n < 0) usage(`bad n: ${nArg}`);
if (!fs.existsSync(path.join(dist, 'index.html'))) usage(`${dist} has no index.html: build the site first`);

console.error(`first-result: writing the MiniSearch pages and a ${n}-entry synthetic site to ${work}`);
const collections = [{ site: dist, runs: RUNS, mini: miniSearchSite(dist, path.join(work, 'minisearch-real')) }];
if (n > 0) {
  const synthetic = await syntheticSite(dist, webDir, path.join(work, 'synthetic'), n);
  collections.push({ site: synthetic, runs: SYNTHETIC_RUNS, mini: miniSearchSite(synthetic, path.join(work, 'minisearch-synthetic')) });
}
const browser = await launchBrowser();
const rows = [];
const verdicts = [];
/** The real entries' loads of each page, for the breakdown. */
let realLoads = null;
try {
  for (const { site, runs, mini } of collections) {
    const { query, entries } = queryFor(site);
    const servers = [
      { engine: 'Learnings (the app)', server: await startServer({ root: site, gzip: true, caching: 'deploy' }) },
      { engine: 'MiniSearch page', server: await startServer({ root: mini, gzip: true, caching: 'deploy' }) },
    ];
    try {
      const loads = servers.map(() => []);
      for (let run = 0; run < runs; run++) {
        for (const [i, { server }] of servers.entries()) loads[i].push(await firstResult(browser, server.url, query));
      }
      console.error(`first-result: ${entries} entries, "${query}": ${runs} loads of each page`);
      if (site === dist) realLoads = loads;
      const anchor = median(loads[1].map((l) => l.result));
      for (const [i, { engine }] of servers.entries()) {
        const result = median(loads[i].map((l) => l.result));
        rows.push([
          `${entries.toLocaleString('en-US')}`,
          engine,
          `"${query}"`,
          String(runs),
          bytes(loads[i][0].bundleBytes),
          ms(median(loads[i].map((l) => l.typedAt))),
          ms(result),
          i === 0 ? `${(result / anchor).toFixed(2)}×` : '(anchor)',
        ]);
        if (i === 0 && site === dist) {
          verdicts.push(
            `- Navigation → first result with the ${entries} real entries: ${ms(result)} ms (budget ≤ ${BUDGET_MS} ms: ` +
              `${result <= BUDGET_MS ? 'met' : 'missed'}); MiniSearch over the same entries ${ms(anchor)} ms.`,
          );
        }
      }
    } finally {
      for (const { server } of servers) await server.close();
    }
  }
  console.log(
    [
      markdownTable(
        ['entries', 'page', 'query', 'loads', 'bundle sent', 'typed at ms', 'first result ms', '/ MiniSearch'],
        rows,
        new Set(['loads', 'bundle sent', 'typed at ms', 'first result ms', '/ MiniSearch']),
      ),
      '',
      ...verdicts,
      '',
      breakdownTable(realLoads),
      '',
      'Where the time goes with the real entries: medians of the same loads, ms since navigation start (Resource ' +
        'Timing, Trunk\'s `TrunkApplicationStarted` event, the app\'s `learnings:*` performance marks, and the main ' +
        'thread\'s long tasks, summed per stretch); "—" where a page has no such step.',
      '',
      `Medians, times since navigation start; ${PROFILE}. The query (the longest word of the newest entry's question) ` +
        'is typed as soon as `#search` is in the DOM (from inside the page: its value and an `input` event); "first ' +
        'result" is the frame after the first `.result` ' +
        'appeared. The MiniSearch page fetches the same learnings.json and indexes it as the relevance bench does ' +
        '(tests/bench/documents.mjs), then shows the ten best questions. The synthetic collection is ' +
        '`learnings_core::synthetic` (seed 42); the app renders it from scratch, since the prerendered page is the real one.',
    ].join('\n'),
  );
} finally {
  await browser.close();
}
