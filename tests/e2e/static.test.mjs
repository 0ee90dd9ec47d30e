// End-to-end tests of the static site the build prerenders (learnings-render): every entry is
// readable without JavaScript and reachable by links from the home page, each entry page has its
// link-preview tags, and the app takes a prerendered page over without changing what is on
// screen. Expectations come from the build itself (dist/learnings.json and the pages written),
// never from the live content.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST_DIR = path.resolve(process.env.DIST_DIR || path.join(HERE, '..', '..', 'dist'));
const SUB_PATH = '/static/sub/path/';
const TIMEOUT = 180_000;

const bundle = JSON.parse(fs.readFileSync(path.join(DIST_DIR, 'learnings.json'), 'utf8'));
const ids = bundle.entries.map((e) => e.id);
/** How many entries the build put on the home page. */
const homeCount = (fs.readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8').match(/<article /g) ?? []).length;

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startServer({ root: DIST_DIR, prefix: SUB_PATH });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

/** A fresh context and page; `hold` delays learnings.json until the returned release() runs. */
async function openPage(url, { javaScriptEnabled = true, hold = false } = {}) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err.stack ?? err)));
  let release = () => {};
  if (hold) {
    const gate = new Promise((resolve) => (release = resolve));
    await page.route('**/learnings.json', async (route) => {
      await gate;
      await route.continue();
    });
  }
  await page.goto(url);
  return { context, page, errors, release };
}

async function appReady(page) {
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 30_000 });
}

describe('without JavaScript', { timeout: TIMEOUT }, () => {
  it('every entry is reachable by links from the home page and readable', async () => {
    const { context, page } = await openPage(server.url, { javaScriptEnabled: false });
    try {
      assert.equal(await page.locator('article.entry').count(), homeCount);
      assert.ok(homeCount > 0 && homeCount <= 200, `${homeCount} entries on the home page`);
      // Named as learnings.toml says, through the bundle.
      assert.equal(await page.title(), bundle.site.title);
      assert.equal(await page.locator('.site-header h1').textContent(), bundle.site.title);
      assert.equal(await page.locator('.site-header .tagline').textContent(), bundle.site.tagline);
      assert.equal(await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('title'), bundle.site.title);
      assert.equal(await page.locator('html').getAttribute('lang'), bundle.site.lang);
      const homeDescription = await page.locator('meta[name="description"]').getAttribute('content');
      assert.ok(homeDescription.startsWith(bundle.site.tagline), homeDescription);
      assert.equal(await page.locator('#search').isVisible(), false, 'no dead search box');
      assert.equal(await page.locator('.theme-toggle').isVisible(), false, 'no dead theme button');
      const buttons = await page.locator('button:visible').allTextContents();
      assert.deepEqual(buttons, [], 'buttons that would need the app');
      const links = async () =>
        page.$$eval('a[href]', (as) => as.map((a) => new URL(a.getAttribute('href'), document.baseURI).href));
      const reached = new Set();
      const note = (hrefs) =>
        hrefs.filter((h) => h.includes('/e/')).forEach((h) => reached.add(decodeURIComponent(h.split('/e/')[1])));
      const home = await links();
      note(home);
      for (const month of home.filter((h) => /\/m\/\d{4}-\d{2}\.html$/.test(h))) {
        await page.goto(month);
        note(await links());
      }
      const missing = ids.filter((id) => !reached.has(`${id}.html`));
      assert.deepEqual(missing, [], 'entries without a link from the home page or a month page it links to');

      const entry = bundle.entries[Math.floor(bundle.entries.length / 2)];
      await page.goto(new URL(`e/${entry.id}.html`, server.url).href);
      const meta = (key) => page.locator(`meta[property="${key}"]`).getAttribute('content');
      const question = await page.locator(`article#${entry.id} h3`).textContent();
      assert.equal(await page.title(), question);
      assert.equal(await meta('og:title'), question);
      assert.equal(await meta('og:type'), 'article');
      assert.equal(await meta('article:published_time'), entry.day);
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      assert.ok(description.length > 0 && description.length <= 160, description);
      assert.equal(await meta('og:description'), description);
      assert.equal(await page.locator('link[rel="canonical"]').count(), 0, 'no canonical URL is guessed');
      assert.ok(await page.locator(`article#${entry.id}`).isVisible());
      assert.deepEqual(await page.locator('button:visible').allTextContents(), [], 'dead buttons on the entry page');
      // Its neighbours and the home page are links too.
      const nav = await page.$$eval('.entry-nav a, .all-entries a', (as) => as.map((a) => a.href));
      assert.ok(nav.some((h) => h.endsWith(SUB_PATH)), `a link home in ${nav}`);
      assert.ok(nav.some((h) => h.includes('/e/')), `a neighbour in ${nav}`);
    } finally {
      await context.close();
    }
  });
});

describe('the app takes the prerendered page over', { timeout: TIMEOUT }, () => {
  it('without removing or re-adding an entry; scroll position, selection and focus hold', async () => {
    const { context, page, errors, release } = await openPage(server.url, { hold: true });
    try {
      await page.evaluate(() => {
        window.__changed = [];
        const articles = (nodes) => [...nodes].some((n) => n.nodeType === 1 && (n.matches('article') || n.querySelector('article')));
        new MutationObserver((records) => {
          for (const r of records) {
            if (articles(r.removedNodes)) window.__changed.push('removed');
            if (articles(r.addedNodes)) window.__changed.push('added');
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
      const scrolled = await page.evaluate(() => window.scrollY);
      assert.ok(scrolled > 0, 'the prerendered page scrolls');
      // The reader selects some text and focuses a link while the app is loading.
      const held = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
        let text;
        while ((text = walker.nextNode()) && text.length < 20);
        getSelection().setBaseAndExtent(text, 2, text, 12);
        document.querySelectorAll('article.entry a.permalink')[1].focus({ preventScroll: true });
        return { selected: getSelection().toString(), focused: document.activeElement.textContent };
      });
      const before = await page.locator('article.entry').count();
      const header = () => page.locator('.site-header h1, .site-header .tagline').allTextContents();
      assert.deepEqual(await header(), [bundle.site.title, bundle.site.tagline], 'the prerendered header');
      release();
      await appReady(page);
      assert.equal(await page.locator('article.entry').count(), before);
      assert.deepEqual(await header(), [bundle.site.title, bundle.site.tagline], 'the header the app took over');
      assert.deepEqual(await page.evaluate(() => window.__changed), []);
      assert.equal(await page.evaluate(() => window.scrollY), scrolled);
      const kept = await page.evaluate(() => ({
        selected: getSelection().toString(),
        focused: document.activeElement.textContent,
      }));
      assert.deepEqual(kept, held, 'the selection and the focus survive');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('hydrates the entries a few at a time, after which the last one works as in the app', async () => {
    const { context, page, errors } = await openPage(server.url);
    try {
      const islands = await page.locator('.listing .day-island').count();
      assert.ok(islands > 1, `the home page's entries come in islands (${islands})`);
      await appReady(page);
      await page.waitForSelector('.listing[data-islands="hydrated"]', { state: 'attached', timeout: 30_000 });
      assert.equal(await page.locator('article.entry').count(), homeCount);
      const last = page.locator('.listing article.entry').last();
      const id = await last.getAttribute('id');
      await page.evaluate(() => (window.__samePage = true));
      await last.locator('a.permalink').click();
      await page.waitForSelector(`article[id="${id}"].open`);
      assert.equal(await page.evaluate(() => window.__samePage), true, 'opened in place, not by loading its page');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('searches what was typed before the app started', async () => {
    const { context, page, errors, release } = await openPage(server.url, { hold: true });
    try {
      await page.locator('#search').pressSequentially('bk-tree');
      release();
      await appReady(page);
      await page.waitForSelector('.result');
      assert.equal(await page.inputValue('#search'), 'bk-tree');
      assert.match(await page.locator('.result-count').textContent(), /\d+ results?/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('an old #id link opens its entry', async () => {
    const id = ids[ids.length - 1];
    const { context, page } = await openPage(`${server.url}#${id}`);
    try {
      await page.waitForSelector(`article#${id}.open`);
    } finally {
      await context.close();
    }
  });

  it('an entry page under a sub-path becomes the app with that entry open', async () => {
    const [first, second] = ids;
    const { context, page, errors } = await openPage(new URL(`e/${second}.html`, server.url).href);
    try {
      await appReady(page);
      await page.waitForSelector(`article#${second}.open`);
      // The previous entry opens in place, at its own page's URL.
      await page.click(`article#${second} a[rel="prev"]`);
      await page.waitForSelector(`article#${first}.open`);
      assert.equal(new URL(page.url()).pathname, `${SUB_PATH}e/${first}.html`);
      await page.fill('#search', 'git');
      await page.waitForSelector('.result');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('a bundle that fails to load leaves the prerendered entries readable', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.route('**/learnings.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(server.url);
      await page.waitForSelector('[role="alert"]');
      assert.match(await page.locator('[role="alert"]').textContent(), /not found.*404/);
      assert.equal(await page.locator('article.entry').count(), homeCount);
      assert.ok(await page.locator('article.entry').first().isVisible());
    } finally {
      await context.close();
    }
  });
});

describe('related entries on an entry page', { timeout: TIMEOUT }, () => {
  const RELATED = 'article.entry.open nav[aria-label="Related entries"]';
  // The entry with the most text is the one surest to share an uncommon word with another.
  const size = (e) => JSON.stringify(e.answer).length;
  const entry = bundle.entries.reduce((best, e) => (size(e) > size(best) ? e : best));
  const pageUrl = () => new URL(`e/${entry.id}.html`, server.url).href;
  /** The related links on screen, as [href, question] pairs, in order. */
  const relatedLinks = (page) =>
    page.$$eval(`${RELATED} a`, (as) => as.map((a) => [a.getAttribute('href'), a.textContent.trim()]));
  /** The entry id an entry page's link names (`../e/<id>.html` or `e/<id>.html`). */
  const target = (href) => decodeURIComponent(href.match(/^(?:\.\.\/)?e\/([^/]+)\.html$/)?.[1] ?? href);

  it('lists up to three related entries without JavaScript, each a link to its page', async () => {
    const { context, page } = await openPage(pageUrl(), { javaScriptEnabled: false });
    try {
      assert.equal(await page.locator('nav[aria-label="Related entries"]').count(), 1);
      assert.ok(await page.locator(RELATED).isVisible());
      assert.equal((await page.locator(`${RELATED} h4`).textContent()).trim(), 'Related');
      const links = await relatedLinks(page);
      assert.ok(links.length >= 1 && links.length <= 3, `${links.length} related links`);
      const targets = links.map(([href]) => target(href));
      for (const id of targets) {
        assert.ok(ids.includes(id), `${id} is an entry of the bundle`);
        assert.notEqual(id, entry.id, 'an entry is not related to itself');
      }
      assert.equal(new Set(targets).size, targets.length, 'no entry twice');
      // Each leads to its entry's own page, readable without JavaScript.
      const from = page.url();
      for (const [i, [href, question]] of links.entries()) {
        await page.goto(new URL(href, from).href);
        const heading = page.locator(`article.open[id="${targets[i]}"] h3`);
        assert.equal((await heading.textContent()).replace(/\s+/g, ' ').trim(), question.replace(/\s+/g, ' '));
      }
    } finally {
      await context.close();
    }
  });

  it('the take-over keeps the same links, which are those the app works out for the entry', async () => {
    const { context, page, errors, release } = await openPage(pageUrl(), { hold: true });
    let built;
    try {
      built = await relatedLinks(page);
      assert.ok(built.length >= 1, 'the page has related links');
      await page.evaluate((selector) => {
        const nav = document.querySelector(selector);
        window.__related = { nav, links: [...nav.querySelectorAll('a')], removed: 0 };
        new MutationObserver((records) => {
          // Elements: hydration may re-split a link's text into the nodes the app renders
          // (the same characters), which changes nothing on screen.
          for (const r of records) {
            window.__related.removed += [...r.removedNodes].filter((n) => n.nodeType === Node.ELEMENT_NODE).length;
          }
        }).observe(nav, { childList: true, subtree: true });
      }, RELATED);
      release();
      await appReady(page);
      assert.deepEqual(await relatedLinks(page), built);
      const kept = await page.evaluate((selector) => {
        const { nav, links, removed } = window.__related;
        const now = document.querySelector(selector);
        return { same: now === nav && links.every((a) => a.isConnected), removed };
      }, RELATED);
      assert.deepEqual(kept, { same: true, removed: 0 }, 'no prerendered element replaced or removed');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
    // The app's own index gives the same entries, in the same order, when it opens the entry
    // in place on the home page.
    const home = await openPage(`${server.url}#${entry.id}`);
    try {
      await home.page.waitForSelector(RELATED, { timeout: 20_000 });
      const inApp = (await relatedLinks(home.page)).map(([href, question]) => [target(href), question]);
      assert.deepEqual(inApp, built.map(([href, question]) => [target(href), question]));
      assert.deepEqual(home.errors, []);
    } finally {
      await home.context.close();
    }
  });
});

describe('entry pages offline', { timeout: TIMEOUT }, () => {
  it('a visited one from the cache, one never visited from the shell and the cached bundle', async () => {
    const offline = await startServer({ root: DIST_DIR, prefix: SUB_PATH });
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const [visited, unvisited] = [ids[1], ids[ids.length - 2]];
      await page.goto(offline.url);
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
      await page.goto(new URL(`e/${visited}.html`, offline.url).href);
      await appReady(page);
      await offline.close();
      await page.reload();
      await page.waitForSelector(`article#${visited}`);
      await appReady(page);
      await context.setOffline(true);
      assert.match(await page.locator('.offline-note').textContent(), /^Offline: content as of /);
      await context.setOffline(false);
      await page.goto(new URL(`e/${unvisited}.html`, offline.url).href);
      await page.waitForSelector(`article#${unvisited}.open`);
      await page.goto(offline.url);
      assert.equal(await page.locator('article.entry').count(), homeCount);
    } finally {
      await context.close();
      await offline.close().catch(() => {});
    }
  });
});
