// Lighthouse 12's mobile audit of the release site, for `cargo xtask bench`: performance,
// accessibility, best practices and SEO of the home page and an entry page, served gzipped on
// 127.0.0.1 as a CDN would, each page in a Chromium with a fresh profile. Every audit that
// keeps a category under 100 is listed under the scores, then where the main thread went: the
// long tasks Lighthouse counted into Total Blocking Time, each script's share and the kinds of
// main-thread work (its long-tasks, bootup-time and mainthread-work-breakdown audits).
//
// Run:  node tests/bench/lighthouse.mjs <dist> [<dir for each page's full Lighthouse JSON>]
// Prints Markdown on stdout; progress goes to stderr.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { startServer } from '../e2e/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser.mjs';
import { markdownTable } from './table.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** The end-to-end tests' Chromium flags, in Chromium's new headless mode (which Lighthouse wants). */
const FLAGS = ['--headless=new', ...CHROMIUM_ARGS.filter((flag) => flag !== '--headless')];
/** Audits that say something about a page without scoring it. */
const UNSCORED = new Set(['informative', 'notApplicable', 'manual', 'error']);

/** Lighthouse's report of `url`, from a Chromium with a profile of its own. */
async function audit(url) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'learnings-lighthouse-'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS, userDataDir: profile });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The audits of `category` that fail or fall short: those that weigh in its score as list
 * items, and the ids of the unweighted diagnostics.
 */
function failing(lhr, category) {
  const short = lhr.categories[category].auditRefs
    .map((ref) => ({ weight: ref.weight, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit.score !== null && audit.score < 1 && !UNSCORED.has(audit.scoreDisplayMode));
  return {
    weighed: short
      .filter(({ weight }) => weight > 0)
      .map(({ weight, audit }) => {
        const value = audit.displayValue ? `: ${audit.displayValue}` : '';
        return `  - \`${audit.id}\` ${audit.title}${value} (score ${Math.round(audit.score * 100)}, weight ${weight})`;
      }),
    diagnostics: short.filter(({ weight }) => weight === 0).map(({ audit }) => audit.id),
  };
}

/**
 * Where the main thread's time went, in Lighthouse's simulated (throttled) milliseconds: the long
 * tasks, each script's scripting and compiling, and the kinds of work.
 */
function mainThread(lhr, label) {
  const items = (id) => lhr.audits[id]?.details?.items ?? [];
  const file = (url) => (url ? path.basename(new URL(url, 'http://x/').pathname) || url : 'n/a');
  const lines = [`- ${label}, long tasks (start, duration, script): ` +
    (items('long-tasks').map((t) => `${Math.round(t.startTime)} ms +${Math.round(t.duration)} ms ${file(t.url)}`).join('; ') || 'none')];
  const boot = items('bootup-time').map((b) => `${file(b.url)} ${Math.round(b.total)} ms (scripting ${Math.round(b.scripting)}, compile ${Math.round(b.scriptParseCompile)})`);
  if (boot.length) lines.push(`- ${label}, scripts: ${boot.join('; ')}`);
  const work = items('mainthread-work-breakdown').map((w) => `${w.groupLabel} ${Math.round(w.duration)} ms`);
  if (work.length) lines.push(`- ${label}, main-thread work: ${work.join('; ')}`);
  return lines;
}

const [dist, jsonDir] = process.argv.slice(2);
if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('usage: node tests/bench/lighthouse.mjs <dist> (the release site, with index.html)');
  process.exit(2);
}
const newest = JSON.parse(fs.readFileSync(path.join(dist, 'learnings.json'), 'utf8')).entries[0].id;
const server = await startServer({ root: dist, gzip: true, caching: 'deploy' });
const rows = [];
const notes = [];
const tasks = [];
try {
  for (const [label, page] of [
    ['home page', ''],
    ['entry page', `e/${newest}.html`],
  ]) {
    console.error(`lighthouse: auditing the ${label}`);
    const lhr = await audit(server.url + page);
    const scores = CATEGORIES.map((c) => Math.round(lhr.categories[c].score * 100));
    const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
    rows.push([label, ...scores.map(String), metric('largest-contentful-paint'), metric('total-blocking-time')]);
    for (const category of CATEGORIES) {
      const { weighed, diagnostics } = failing(lhr, category);
      const title = `${label}, ${lhr.categories[category].title}`;
      if (weighed.length) notes.push(`- ${title}:`, ...weighed);
      if (diagnostics.length) notes.push(`- ${title}, unweighted diagnostics short of full marks: ${diagnostics.join(', ')}`);
    }
    for (const warning of lhr.runWarnings) notes.push(`- ${label}: Lighthouse warned: ${warning}`);
    tasks.push(...mainThread(lhr, label));
    if (jsonDir) {
      fs.mkdirSync(jsonDir, { recursive: true });
      fs.writeFileSync(path.join(jsonDir, `lighthouse-${label.replace(/ /g, '-')}.json`), JSON.stringify(lhr));
    }
  }
} finally {
  await server.close();
}
console.log(
  [
    markdownTable(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'TBT'], rows),
    '',
    ...(notes.length ? ['Audits short of full marks:', '', ...notes, ''] : ['Every audit passes.', '']),
    'Main thread (simulated 4x CPU):',
    '',
    ...tasks,
    '',
    `Lighthouse ${lighthouseVersion()} with its default mobile settings (simulated Slow 4G and 4x CPU, a Moto G ` +
      'Power-sized screen), against dist/ served gzipped by tests/e2e/server.mjs with the Deploy caching headers; ' +
      `Chromium with a fresh profile per page. The entry page is e/${newest}.html.`,
  ].join('\n'),
);

function lighthouseVersion() {
  const manifest = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'node_modules', 'lighthouse', 'package.json');
  return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
}
