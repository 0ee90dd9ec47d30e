// The prerendered pages as a new reader on a slow phone meets them, beside their physical
// limit, for `cargo xtask bench`: each page against a plain copy of itself, the same HTML and
// stylesheet with every script, preload and modulepreload removed (what a static site
// generator without an app would serve), on the same server in the same run.
//
// Run:  node tests/bench/static-pages.mjs <dist> <work-dir>
//   <dist>      the release site (cargo xtask build)
//   <work-dir>  where to write a copy of <dist> with the plain pages beside the real ones
// Prints a Markdown table and the budgets' verdicts on stdout; progress goes to stderr.
//
// Per load: first contentful paint and largest contentful paint (PerformanceObserver), the
// layout shifts up to and through the app's take-over (`html[data-app=ready]`), the bytes of
// the document and of the render-blocking resources, and which resources blocked rendering.

import fs from 'node:fs';
import path from 'node:path';

import { startServer } from '../e2e/server.mjs';
import { launchBrowser } from '../e2e/browser.mjs';
import { PROFILE, RUNS, afterFrames, slowPage, takenOver, vitals } from './slow.mjs';
import { bytes, markdownTable, median, ms } from './table.mjs';

/** Budgets of issue 9. */
const LCP_RATIO = 1.2;
const LCP_MS = 1000;
const BYTES_RATIO = 1.5;

function usage(message) {
  console.error(`${message}\nusage: node tests/bench/static-pages.mjs <dist> <work-dir>`);
  process.exit(2);
}

/** `html` without its scripts, preloads and modulepreloads. */
export function plain(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>\s*/gi, '');
}

/** A copy of `dist` in `work` with `<name>.plain.html` beside each of `pages`. */
function withPlainPages(dist, work, pages) {
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(dist, work, { recursive: true, filter: (src) => !/\.(gz|br)$/.test(src) });
  for (const page of pages) {
    const html = fs.readFileSync(path.join(work, page), 'utf8');
    const stripped = plain(html);
    if (/<script|rel="(modulepreload|preload)"/i.test(stripped)) throw new Error(`${page}: scripts left in its plain copy`);
    fs.writeFileSync(path.join(work, page.replace(/\.html$/, '.plain.html')), stripped);
  }
}

/** One fresh load of `url` on the slow profile; app pages are read after their take-over. */
async function load(browser, url, app) {
  const { context, page, errors } = await slowPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (app) await takenOver(page);
    else await afterFrames(page);
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    return await vitals(page);
  } finally {
    await context.close();
  }
}

/** The smallest and largest of `values`, in ms. */
function spread(values) {
  return `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
}

function ratio(a, b) {
  return a == null || !b ? 'n/a' : `${(a / b).toFixed(2)}×`;
}

/** The table: each page's medians beside its plain copy's, then the verdicts. */
function report(rows, newest) {
  const body = [];
  const verdicts = [];
  for (const { label, app, loads, anchor } of rows) {
    const fcp = median(loads.map((l) => l.fcp));
    const lcp = median(loads.map((l) => l.lcp));
    const cls = Math.max(...loads.map((l) => l.cls));
    const before = median(loads.map((l) => l.htmlBytes + l.blocking.reduce((sum, b) => sum + b.bytes, 0)));
    const blocking = [...new Set(loads.flatMap((l) => l.blocking.map((b) => b.path)))];
    const lcpElement = loads[0].lcpElement ?? 'n/a';
    const anchorLcp = anchor ? median(anchor.loads.map((l) => l.lcp)) : null;
    const anchorBytes = anchor
      ? median(anchor.loads.map((l) => l.htmlBytes + l.blocking.reduce((sum, b) => sum + b.bytes, 0)))
      : null;
    body.push([
      label,
      ms(fcp),
      `${ms(lcp)} (${spread(loads.map((l) => l.lcp))})`,
      anchor ? ratio(lcp, anchorLcp) : '(anchor)',
      lcpElement,
      cls.toFixed(3),
      app ? ms(median(loads.map((l) => l.readyAt))) : 'n/a',
      bytes(before),
      anchor ? ratio(before, anchorBytes) : '(anchor)',
      blocking.join(', ') || 'none',
    ]);
    if (!anchor) continue;
    const onlyCss = blocking.every((name) => name.endsWith('.css'));
    verdicts.push(
      `- ${label}: LCP ${ms(lcp)} ms = ${ratio(lcp, anchorLcp)} the plain page's (budget ≤ ${LCP_RATIO}×: ` +
        `${lcp <= LCP_RATIO * anchorLcp ? 'met' : 'missed'}; ≤ ${LCP_MS} ms: ${lcp <= LCP_MS ? 'met' : 'missed'}); ` +
        `CLS ${cls.toFixed(3)} (budget 0: ${cls === 0 ? 'met' : 'missed'}); bytes before the first paint ` +
        `${ratio(before, anchorBytes)} (budget ≤ ${BYTES_RATIO}×: ${before <= BYTES_RATIO * anchorBytes ? 'met' : 'missed'}); ` +
        `render-blocking: ${onlyCss ? 'the stylesheet only (met)' : `${blocking.join(', ')} (missed)`}.`,
    );
  }
  return [
    markdownTable(
      ['page', 'FCP ms', 'LCP ms (range)', 'LCP / plain', 'LCP element', 'CLS (worst)', 'take-over ms', 'HTML + CSS', 'bytes / plain', 'render-blocking'],
      body,
      new Set(['FCP ms', 'LCP ms (range)', 'LCP / plain', 'CLS (worst)', 'take-over ms', 'HTML + CSS', 'bytes / plain']),
    ),
    '',
    ...verdicts,
    '',
    `Medians of ${RUNS} loads each (CLS: the worst), times since navigation start; ${PROFILE}. The entry page is ` +
      `the newest entry's, e/${newest}.html. The plain pages are ` +
      'the same HTML with every script, preload and modulepreload removed, so they paint what the prerendered page ' +
      'paints and never run the app. CLS counts every layout shift up to two frames after the app marks the page ' +
      '`data-app="ready"`; "HTML + CSS" is the document and the render-blocking resources as transferred (gzip).',
  ].join('\n');
}

const [dist, work] = process.argv.slice(2);
if (!dist || !work) usage('missing arguments');
if (!fs.existsSync(path.join(dist, 'index.html'))) usage(`${dist} has no index.html: build the site first`);
const newest = JSON.parse(fs.readFileSync(path.join(dist, 'learnings.json'), 'utf8')).entries[0].id;
const pages = [
  { label: 'home page', file: 'index.html' },
  { label: 'entry page', file: `e/${newest}.html` },
];
withPlainPages(dist, work, pages.map((p) => p.file));

const server = await startServer({ root: work, gzip: true, caching: 'deploy' });
const browser = await launchBrowser();
try {
  const rows = pages.flatMap(({ label, file }) => {
    const anchor = { label: `plain ${label}`, file: file.replace(/\.html$/, '.plain.html'), app: false, loads: [] };
    return [{ label, file, app: true, loads: [], anchor }, anchor];
  });
  // Round-robin, so that the machine's load varies alike for a page and its anchor, each run
  // in the other order, so that neither always comes right after the other.
  for (let run = 1; run <= RUNS; run++) {
    for (const row of run % 2 ? rows : [...rows].reverse()) {
      const loaded = await load(browser, server.url + row.file, row.app);
      row.loads.push(loaded);
      console.error(`static-pages: run ${run}, ${row.label}: LCP ${ms(loaded.lcp)} ms`);
    }
  }
  console.log(report(rows, newest));
} finally {
  await browser.close();
  await server.close();
}
