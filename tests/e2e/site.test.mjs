// End-to-end tests of the built static site (dist/) in headless Chromium: the live content
// renders whole. Every expectation comes from the bundle the site serves (dist/learnings.json),
// so authors add, reword and delete entries freely.
//
// Run:   node --test tests/e2e/            (or: npm run test:e2e)
// Env:   DIST_DIR       built site to test (default: <repo>/dist)
//        CHROMIUM_PATH  Chromium binary (default: /usr/bin/chromium)
// On a failed first render a screenshot and HTML dump go to tests/e2e/.out/.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { launchBrowser, openPage } from './browser.mjs';
import { DIST_DIR, readBundle } from './support.mjs';

const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '.out');

const FIRST_RENDER_TIMEOUT = 20_000;
const HOOK_TIMEOUT = 90_000;
const TEST_TIMEOUT = 60_000;

const FEED_SIZE = 50;
const SUB_PATH = '/some/sub/path/';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

function assertDistExists() {
  const index = path.join(DIST_DIR, 'index.html');
  assert.ok(
    fs.existsSync(index),
    `no built site at ${DIST_DIR} (missing index.html); build it first or set DIST_DIR`,
  );
}

function safeName(s) {
  return s.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '').slice(0, 80) || 'page';
}

async function dumpArtifacts(page, label) {
  try {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const base = path.join(OUT_DIR, safeName(label));
    await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 }).catch(() => {});
    fs.writeFileSync(`${base}.html`, await page.content());
    return base;
  } catch {
    return null;
  }
}

/**
 * Wait until the app has rendered every entry of the bundle, failing fast if it shows its
 * error (role=alert). Throws a descriptive error on timeout.
 */
async function waitForRender(opened, label, count) {
  const { page, consoleErrors, pageErrors } = opened;
  try {
    const outcome = await page.waitForFunction(
      (n) => {
        if (document.querySelectorAll('article.entry').length === n) return 'rendered';
        if (document.querySelector('[role="alert"]')) return 'alert';
        return false;
      },
      count,
      { timeout: FIRST_RENDER_TIMEOUT },
    );
    if ((await outcome.jsonValue()) === 'alert') throw new Error('the app displayed an error (role="alert")');
  } catch (err) {
    const state = await page
      .evaluate(() => ({
        alert: document.querySelector('[role="alert"]')?.textContent?.trim() ?? null,
        status: document.querySelector('[role="status"]')?.textContent?.trim() ?? null,
        entries: document.querySelectorAll('article.entry').length,
        body: (document.body?.innerText ?? '').slice(0, 500),
      }))
      .catch(() => ({}));
    const artifacts = await dumpArtifacts(page, `render-failed-${label}`);
    throw new Error(
      [
        `app did not render the bundle's ${count} article.entry (waited up to ${FIRST_RENDER_TIMEOUT} ms) at ${page.url()}`,
        `article.entry rendered: ${state.entries}`,
        `role=alert: ${JSON.stringify(state.alert)}`,
        `role=status: ${JSON.stringify(state.status)}`,
        `body: ${JSON.stringify(state.body)}`,
        `console errors: ${JSON.stringify(consoleErrors, null, 2)}`,
        `page errors: ${JSON.stringify(pageErrors, null, 2)}`,
        artifacts ? `artifacts: ${artifacts}.{png,html}` : '',
        `cause: ${err.message}`,
      ].join('\n'),
    );
  }
}

/** Snapshot of the rendered DOM contract. */
function readDom(page) {
  return page.evaluate(() => {
    const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
    const articles = [...document.querySelectorAll('article.entry')].map((a) => {
      const h3 = a.querySelector('h3');
      return {
        id: a.id,
        question: h3 ? norm(h3.textContent) : null,
        inMainSection: !!a.closest('main section.day'),
        day: a.closest('section.day')?.getAttribute('data-day') ?? null,
      };
    });
    const sections = [...document.querySelectorAll('section.day')].map((s) => ({
      day: s.getAttribute('data-day'),
      h2: norm(s.querySelector('h2')?.textContent),
      inMain: !!s.closest('main'),
      entries: s.querySelectorAll('article.entry').length,
    }));
    return { articles, sections };
  });
}

/** How many code spans of each highlight class the bundle holds, e.g. { k: 120, s: 80 }. */
function tokenCounts(bundle) {
  const counts = {};
  const visit = (blocks) => {
    for (const block of blocks) {
      if (block.list) block.list.items.forEach(visit);
      for (const [cls] of block.code?.spans ?? []) if (cls) counts[cls] = (counts[cls] ?? 0) + 1;
    }
  };
  for (const entry of bundle.entries) visit(entry.answer);
  return counts;
}

/** The page shows every entry of the bundle, in its order, under its day, with its question. */
function assertContract(dom) {
  const { articles, sections } = dom;
  const norm = (s) => s.replace(/\s+/g, ' ').trim();

  assert.deepEqual(
    articles.map((a) => ({ id: a.id, day: a.day, question: a.question, inMainSection: a.inMainSection })),
    bundle.entries.map((e) => ({ id: e.id, day: e.day, question: norm(e.question), inMainSection: true })),
    'article.entry elements: id, section.day and <h3> question of every entry, in bundle order',
  );
  assert.deepEqual(
    sections.map((s) => ({ day: s.day, entries: s.entries, inMain: s.inMain })),
    bundle.days.map((d) => ({ day: d.date, entries: d.count, inMain: true })),
    'section.day elements: data-day and entry count of every day, newest first, inside <main>',
  );
  const noHeading = sections.filter((s) => !s.h2).map((s) => s.day);
  assert.deepEqual(noHeading, [], 'days whose section.day has no <h2> date heading');
}

function assertNoErrors(opened, label) {
  assert.deepEqual(opened.consoleErrors, [], `console errors (${label})`);
  assert.deepEqual(opened.pageErrors, [], `uncaught page errors (${label})`);
}

const bundle = readBundle();

let browser;
let rootServer;
let subServer;

before(async () => {
  assertDistExists();
  browser = await launchBrowser();
}, { timeout: HOOK_TIMEOUT });

after(async () => {
  await browser?.close().catch(() => {});
  await rootServer?.close().catch(() => {});
  await subServer?.close().catch(() => {});
}, { timeout: HOOK_TIMEOUT });

describe('site served at /', { timeout: HOOK_TIMEOUT + 3 * TEST_TIMEOUT }, () => {
  let opened;
  let dom;

  before(async () => {
    rootServer = await startServer({ root: DIST_DIR, prefix: '/' });
    opened = await openPage(browser, rootServer.url);
    await waitForRender(opened, 'root', bundle.entries.length);
    dom = await readDom(opened.page);
  }, { timeout: HOOK_TIMEOUT });

  after(async () => {
    await opened?.page.close().catch(() => {});
  });

  it('renders every entry of the bundle in its day section, newest first', { timeout: TEST_TIMEOUT }, () => {
    assertContract(dom);
  });

  it('code blocks show every highlighted token of the bundle', { timeout: TEST_TIMEOUT }, async () => {
    const expected = tokenCounts(bundle);
    const shown = await opened.page.evaluate((classes) => {
      const counts = {};
      for (const cls of classes) counts[cls] = document.querySelectorAll(`pre.code code span.tok-${cls}`).length;
      return counts;
    }, Object.keys(expected));
    assert.deepEqual(shown, expected, 'span.tok-<class> elements per highlight class');
  });

  it('has no console errors and no uncaught page errors', { timeout: TEST_TIMEOUT }, () => {
    assertNoErrors(opened, 'root');
  });

  it('feed.xml is a valid Atom feed of the newest entries linking to their articles', { timeout: TEST_TIMEOUT }, async () => {
    const feed = await opened.page.evaluate(async (atomNs) => {
      const res = await fetch(new URL('feed.xml', document.baseURI), { cache: 'no-store' });
      const text = await res.text();
      const out = { status: res.status, contentType: res.headers.get('content-type') ?? '' };
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const perr = doc.getElementsByTagName('parsererror')[0];
      if (perr) return { ...out, parseError: perr.textContent.slice(0, 500) };
      const root = doc.documentElement;
      out.root = { localName: root.localName, ns: root.namespaceURI };
      // Each entry's page, e/<id>.html, as the id, or its links when none is one.
      out.links = [...doc.getElementsByTagNameNS(atomNs, 'entry')].map((e) => {
        const hrefs = [...e.getElementsByTagNameNS(atomNs, 'link')].map((l) => l.getAttribute('href')).filter(Boolean);
        const page = hrefs.map((h) => h.match(/(?:^|\/)e\/([^/]+)\.html$/)).find(Boolean);
        return page ? decodeURIComponent(page[1]) : { hrefs };
      });
      return out;
    }, ATOM_NS);

    assert.equal(feed.status, 200, 'HTTP status of feed.xml');
    assert.match(feed.contentType, /xml/, 'Content-Type of feed.xml');
    assert.equal(feed.parseError, undefined, 'feed.xml parses as XML');
    assert.deepEqual(feed.root, { localName: 'feed', ns: ATOM_NS }, 'root element is an Atom <feed>');
    assert.deepEqual(
      feed.links,
      dom.articles.slice(0, FEED_SIZE).map((a) => a.id),
      `the feed's entries link to the first ${FEED_SIZE} articles on the page, in order`,
    );
  });
});

describe(`site served under the sub-path ${SUB_PATH}`, { timeout: HOOK_TIMEOUT + 2 * TEST_TIMEOUT }, () => {
  let opened;
  let dom;

  before(async () => {
    subServer = await startServer({ root: DIST_DIR, prefix: SUB_PATH });
    assert.ok(subServer.url.endsWith(SUB_PATH), `server URL ends with ${SUB_PATH}: ${subServer.url}`);
    opened = await openPage(browser, subServer.url);
    await waitForRender(opened, 'subpath', bundle.entries.length);
    dom = await readDom(opened.page);
  }, { timeout: HOOK_TIMEOUT });

  after(async () => {
    await opened?.page.close().catch(() => {});
  });

  it('renders every entry of the bundle the same way', { timeout: TEST_TIMEOUT }, () => {
    assertContract(dom);
  });

  it('has no console errors and no uncaught page errors', { timeout: TEST_TIMEOUT }, () => {
    assertNoErrors(opened, 'sub-path');
  });
});
