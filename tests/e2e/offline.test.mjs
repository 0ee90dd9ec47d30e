// End-to-end tests of the service worker: the built site (dist/) works offline, at the root and
// under a sub-path, and a new build is offered with a banner, never mixed in or forced.
//
// The "new build" is a copy of dist/ rebuilt from a copy of content/ with one more entry, on
// the day after the newest (see `rebuiltSite`). Entry counts come from dist/learnings.json.
// Needs `cargo` on PATH (the tests build the bundle tools).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { HASHED_NAME, startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { DIST_DIR, REPO_ROOT, copySite, nextDay, readBundle, rebuiltSite } from './support.mjs';

const BUNDLE = readBundle();
const ENTRY_COUNT = BUNDLE.entries.length;
const NEW_DAY = nextDay(BUNDLE.days[0].date);
const NEW_QUESTION = 'Does a new build reach readers who are offline?';
const NEW_ID = 'does-a-new-build-reach-readers-who-are-offline';
/** A query that finds the newest entry: its own question. */
const QUERY = BUNDLE.entries[0].question;
const SUB_PATH = '/some/sub/path/';
const TIMEOUT = 240_000;

/** A page in its own context (own service workers and caches), collecting uncaught errors. */
async function openContext(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(`page error: ${err.stack ?? err}`));
  return { context, page, errors };
}

async function entryCount(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('article.entry').length === n, count, {
    timeout: 30_000,
    polling: 100,
  });
}

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

async function searchWorks(page) {
  await page.fill('#search', QUERY);
  await page.waitForSelector('.result', { timeout: 10_000 });
}

/** Stops `server`, reloads `page` and checks that the worker alone still shows and searches every entry. */
async function worksOffline(page, server) {
  await server.close();
  await page.reload();
  await entryCount(page, ENTRY_COUNT);
  await searchWorks(page);
}

/** dist/ rebuilt from content/ plus one entry on a new, newest day. */
function newBuild() {
  const entry = `---\ndate: ${NEW_DAY}\n---\n\n## ${NEW_QUESTION}\n\nYes: the worker offers the new build once it is online again.\n`;
  const content = copySite({ from: path.join(REPO_ROOT, 'content'), files: { [`${NEW_DAY}.md`]: entry } });
  try {
    return rebuiltSite(content.dir);
  } finally {
    content.remove();
  }
}

let browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST_DIR, 'sw.js')), `no sw.js in ${DIST_DIR}: build the site first`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close().catch(() => {});
});

describe('offline', { timeout: 2 * TIMEOUT }, () => {
  let v2;
  after(() => v2?.remove());

  it('the second visit works with the server gone, and a new build waits for Reload', { timeout: TIMEOUT }, async () => {
    let server = await startServer({ root: DIST_DIR, prefix: '/' });
    const { port, url } = server;
    const { context, page, errors } = await openContext(browser);
    try {
      await page.goto(url);
      await entryCount(page, ENTRY_COUNT);
      await controlled(page);
      await worksOffline(page, server);

      // A deep link is the cached index.html too.
      await page.goto(`${url}?q=${encodeURIComponent(QUERY)}`);
      await page.waitForSelector('.result', { timeout: 10_000 });

      v2 = newBuild();
      const read = (dir, file) => fs.readFileSync(path.join(dir, file));
      assert.notDeepEqual(read(v2.dir, 'sw.js'), read(DIST_DIR, 'sw.js'), 'the new build has a new precache list');
      assert.notDeepEqual(read(v2.dir, 'learnings.json'), read(DIST_DIR, 'learnings.json'), 'a new bundle');
      assert.deepEqual(read(v2.dir, 'index.html'), read(DIST_DIR, 'index.html'), 'index.html is the same build');

      server = await startServer({ root: v2.dir, prefix: '/', port });
      await page.goto(url);
      const banner = page.locator('.update-banner');
      await banner.getByText('A new version is available').waitFor({ timeout: 30_000 });
      // Until the reader says so, the page stays the build it was loaded with, whole.
      await entryCount(page, ENTRY_COUNT);
      assert.equal(await page.locator(`article.entry[id="${NEW_ID}"]`).count(), 0, 'no new entry before Reload');

      await banner.getByRole('button', { name: 'Reload' }).click();
      await entryCount(page, ENTRY_COUNT + 1);
      const first = page.locator('article.entry').first();
      assert.equal(await first.getAttribute('id'), NEW_ID, 'the new entry is the newest');
      assert.equal(await banner.textContent(), '', 'the banner is gone after the switch');

      // The new build is the cached one now: offline again, it is still there.
      await server.close();
      await page.reload();
      await entryCount(page, ENTRY_COUNT + 1);
      assert.deepEqual(errors, [], 'uncaught page errors');
    } finally {
      await server.close();
      await context.close();
    }
  });

  it(`works offline under the sub-path ${SUB_PATH}`, { timeout: TIMEOUT }, async () => {
    const server = await startServer({ root: DIST_DIR, prefix: SUB_PATH });
    const { context, page, errors } = await openContext(browser);
    try {
      await page.goto(server.url);
      await entryCount(page, ENTRY_COUNT);
      await controlled(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assert.equal(scope, server.url, 'the worker is scoped to the sub-path');
      await worksOffline(page, server);
      assert.deepEqual(errors, [], 'uncaught page errors');
    } finally {
      await server.close();
      await context.close();
    }
  });

  it('behind a CDN, the worker takes the hashed files from the HTTP cache and still works offline', { timeout: TIMEOUT }, async () => {
    // Caching as README's Deploy table asks: hashed names immutable, the rest revalidated.
    const server = await startServer({ root: DIST_DIR, prefix: '/', caching: 'deploy', gzip: true, record: true });
    const { context, page, errors } = await openContext(browser);
    try {
      await page.goto(server.url);
      await entryCount(page, ENTRY_COUNT);
      await controlled(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      const asked = (name) => server.requests.filter((r) => r.path === `/${name}`).length;
      const hashed = fs.readdirSync(DIST_DIR).filter((name) => HASHED_NAME.test(name));
      assert.ok(hashed.some((name) => name.endsWith('.wasm')), `the build has hashed files: ${hashed.join(', ')}`);
      for (const name of hashed) assert.equal(asked(name), 1, `${name} is downloaded once, by the page`);
      // Fixed names are checked with the server, which answers an unchanged one with a 304.
      const bundle = server.requests.filter((r) => r.path === '/learnings.json');
      await server.recorded(server.requests.length);
      assert.deepEqual(bundle.map((r) => r.status), [200, 304], 'the page downloads the bundle, the worker revalidates it');
      await worksOffline(page, server);
      assert.deepEqual(errors, [], 'uncaught page errors');
    } finally {
      await server.close();
      await context.close();
    }
  });

  it('in a sandboxed iframe (no service worker allowed) the site works and throws nothing', { timeout: TIMEOUT }, async () => {
    const site = copySite({ files: { 'frame.html': '<!doctype html><iframe sandbox="allow-scripts" src="index.html"></iframe>' } });
    const server = await startServer({ root: site.dir, prefix: '/' });
    const { context, page, errors } = await openContext(browser);
    try {
      // The framed page has an opaque origin: its module script and bundle are cross-origin
      // requests, which the test server answers without CORS headers, so they are added here.
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
      });
      await page.goto(`${server.url}frame.html`);
      const frame = page.frames()[1];
      await frame.waitForSelector('article.entry', { timeout: 30_000 });
      // The entries are prerendered: the app itself has run once it marks the page.
      await frame.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 30_000 });
      const access = await frame.evaluate(() => {
        try {
          return typeof navigator.serviceWorker;
        } catch (e) {
          return e.name;
        }
      });
      assert.equal(access, 'SecurityError', 'reading navigator.serviceWorker throws in the sandbox');
      assert.deepEqual(errors, [], 'uncaught page errors');
    } finally {
      await server.close();
      await context.close();
      site.remove();
    }
  });

  it('without service workers the site works and shows no error', { timeout: TIMEOUT }, async () => {
    const server = await startServer({ root: DIST_DIR, prefix: '/' });
    const { context, page, errors } = await openContext(browser);
    const consoleErrors = [];
    page.on('console', (msg) => {
      // CSP violations are install.test.mjs's concern; this test is about the missing worker.
      if (msg.type() === 'error' && !/Content.Security.Policy/i.test(msg.text())) consoleErrors.push(msg.text());
    });
    try {
      // As on plain http off localhost, where browsers leave navigator.serviceWorker undefined.
      await page.addInitScript(() => delete Navigator.prototype.serviceWorker);
      await page.goto(server.url);
      await entryCount(page, ENTRY_COUNT);
      await searchWorks(page);
      assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
      assert.deepEqual([...errors, ...consoleErrors], [], 'errors on the page');
    } finally {
      await server.close();
      await context.close();
    }
  });
});
