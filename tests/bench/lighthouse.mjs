// Lighthouse 12's mobile audit of the release site, for `cargo xtask bench`: performance,
// accessibility, best practices and SEO of the home page and an entry page, served gzipped on
// 127.0.0.1 as a CDN would, each page in a Chromium with a fresh profile. Every audit that
// keeps a category under 100 is listed under the scores.
//
// Run:  node tests/bench/lighthouse.mjs <dist>
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

const [dist] = process.argv.slice(2);
if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('usage: node tests/bench/lighthouse.mjs <dist> (the release site, with index.html)');
  process.exit(2);
}
const newest = JSON.parse(fs.readFileSync(path.join(dist, 'learnings.json'), 'utf8')).entries[0].id;
const server = await startServer({ root: dist, gzip: true, caching: 'deploy' });
const rows = [];
const notes = [];
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
  }
} finally {
  await server.close();
}
console.log(
  [
    markdownTable(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'TBT'], rows),
    '',
    ...(notes.length ? ['Audits short of full marks:', '', ...notes, ''] : ['Every audit passes.', '']),
    `Lighthouse ${lighthouseVersion()} with its default mobile settings (simulated Slow 4G and 4x CPU, a Moto G ` +
      'Power-sized screen), against dist/ served gzipped by tests/e2e/server.mjs with the Deploy caching headers; ' +
      `Chromium with a fresh profile per page. The entry page is e/${newest}.html.`,
  ].join('\n'),
);

function lighthouseVersion() {
  const manifest = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'node_modules', 'lighthouse', 'package.json');
  return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
}
