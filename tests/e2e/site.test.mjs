// End-to-end tests of the built static site (dist/) in headless Chromium.
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

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const DIST_DIR = path.resolve(process.env.DIST_DIR || path.join(REPO_ROOT, 'dist'));
const OUT_DIR = path.join(HERE, '.out');

const FIRST_RENDER_TIMEOUT = 20_000;
const HOOK_TIMEOUT = 90_000;
const TEST_TIMEOUT = 60_000;

const EXPECTED_ENTRY_COUNT = 116;
const EXPECTED_DAYS = ['2026-02-24', '2026-02-23', '2026-02-22', '2026-02-20', '2026-02-19', '2026-02-18'];
const EXPECTED_FIRST_QUESTION =
  'What is the pattern called when you store every state change as an append-only log?';
const EXPECTED_FEED_ENTRIES = 50;
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
 * Wait until the app has rendered at least one entry, then until the entry count
 * is stable (in case rendering is incremental). Throws a descriptive error on timeout.
 */
async function waitForRender(opened, label) {
  const { page, consoleErrors, pageErrors } = opened;
  try {
    // Resolve as soon as entries render, or fail fast if the app shows its error (role=alert).
    const outcome = await page.waitForFunction(
      () => {
        if (document.querySelectorAll('article.entry').length > 0) return 'rendered';
        if (document.querySelector('[role="alert"]')) return 'alert';
        return false;
      },
      null,
      { timeout: FIRST_RENDER_TIMEOUT, polling: 100 },
    );
    if ((await outcome.jsonValue()) === 'alert') throw new Error('the app displayed an error (role="alert")');
  } catch (err) {
    const state = await page
      .evaluate(() => ({
        alert: document.querySelector('[role="alert"]')?.textContent?.trim() ?? null,
        status: document.querySelector('[role="status"]')?.textContent?.trim() ?? null,
        body: (document.body?.innerText ?? '').slice(0, 500),
      }))
      .catch(() => ({}));
    const artifacts = await dumpArtifacts(page, `render-failed-${label}`);
    throw new Error(
      [
        `app did not render any article.entry (waited up to ${FIRST_RENDER_TIMEOUT} ms) at ${page.url()}`,
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
  // Stability: the count must stay unchanged for ~500 ms (max 5 s extra).
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const n = await page.locator('article.entry').count();
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 500) {
      break;
    }
    await page.waitForTimeout(100);
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

function assertContract(dom) {
  const { articles, sections } = dom;

  assert.equal(articles.length, EXPECTED_ENTRY_COUNT, 'number of article.entry elements');
  const missingIds = articles.map((a, i) => (a.id.trim() ? null : i)).filter((i) => i !== null);
  assert.deepEqual(missingIds, [], 'indexes of article.entry elements without a non-empty id');
  const seen = new Set();
  const dupes = articles.map((a) => a.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  assert.deepEqual(dupes, [], 'duplicate article ids');

  assert.equal(sections.length, EXPECTED_DAYS.length, 'number of section.day elements');
  assert.deepEqual(
    sections.map((s) => s.day),
    EXPECTED_DAYS,
    'data-day of section.day elements, in order',
  );
  for (const s of sections) {
    assert.ok(s.inMain, `section.day[data-day=${s.day}] is inside <main>`);
    assert.ok(s.h2, `section.day[data-day=${s.day}] has a non-empty <h2> date heading`);
  }
  assert.equal(
    sections.reduce((n, s) => n + s.entries, 0),
    EXPECTED_ENTRY_COUNT,
    'every article.entry sits inside a section.day',
  );

  const noQuestion = articles.filter((a) => !a.question).map((a) => a.id);
  assert.deepEqual(noQuestion, [], 'ids of articles without a non-empty <h3> question');
  assert.equal(articles[0].question, EXPECTED_FIRST_QUESTION, 'first article question');
  assert.equal(articles[0].day, EXPECTED_DAYS[0], 'first article belongs to the newest day');
}

function assertNoErrors(opened, label) {
  assert.deepEqual(opened.consoleErrors, [], `console errors (${label})`);
  assert.deepEqual(opened.pageErrors, [], `uncaught page errors (${label})`);
}

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
    await waitForRender(opened, 'root');
    dom = await readDom(opened.page);
  }, { timeout: HOOK_TIMEOUT });

  after(async () => {
    await opened?.page.close().catch(() => {});
  });

  it('renders 116 entries in 6 day sections, newest first', { timeout: TEST_TIMEOUT }, () => {
    assertContract(dom);
  });

  it('code blocks show highlighted tokens', { timeout: TEST_TIMEOUT }, async () => {
    const counts = await opened.page.evaluate(() => ({
      pre: document.querySelectorAll('pre.code').length,
      keyword: document.querySelectorAll('pre.code code span.tok-k').length,
      stringOrComment: document.querySelectorAll('pre.code code span.tok-s, pre.code code span.tok-c').length,
    }));
    assert.ok(counts.pre > 0, 'at least one pre.code block');
    assert.ok(counts.keyword > 0, 'at least one keyword token (pre.code code span.tok-k)');
    assert.ok(counts.stringOrComment > 0, 'at least one string or comment token (span.tok-s / span.tok-c)');
  });

  it('has no console errors and no uncaught page errors', { timeout: TEST_TIMEOUT }, () => {
    assertNoErrors(opened, 'root');
  });

  it('feed.xml is a valid Atom feed of 50 entries linking to articles on the page', { timeout: TEST_TIMEOUT }, async () => {
    const ids = dom.articles.map((a) => a.id);
    const feed = await opened.page.evaluate(
      async ({ ids, atomNs }) => {
        const res = await fetch(new URL('feed.xml', document.baseURI), { cache: 'no-store' });
        const text = await res.text();
        const out = { status: res.status, contentType: res.headers.get('content-type') ?? '' };
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const perr = doc.getElementsByTagName('parsererror')[0];
        if (perr) return { ...out, parseError: perr.textContent.slice(0, 500) };
        const root = doc.documentElement;
        out.root = { localName: root.localName, ns: root.namespaceURI };
        const known = new Set(ids);
        const entries = [...doc.getElementsByTagNameNS(atomNs, 'entry')];
        out.entryCount = entries.length;
        out.bad = [];
        entries.forEach((e, i) => {
          const hrefs = [...e.getElementsByTagNameNS(atomNs, 'link')]
            .map((l) => l.getAttribute('href'))
            .filter(Boolean);
          // Each entry links to its own page, e/<id>.html.
          const ok = hrefs.some((h) => {
            const page = h.match(/(?:^|\/)e\/([^/]+)\.html$/);
            if (!page) return false;
            let id = page[1];
            try {
              id = decodeURIComponent(id);
            } catch {}
            return known.has(id);
          });
          if (!ok) out.bad.push({ index: i, hrefs });
        });
        return out;
      },
      { ids, atomNs: ATOM_NS },
    );

    assert.equal(feed.status, 200, 'HTTP status of feed.xml');
    assert.match(feed.contentType, /xml/, 'Content-Type of feed.xml');
    assert.equal(feed.parseError, undefined, 'feed.xml parses as XML');
    assert.deepEqual(feed.root, { localName: 'feed', ns: ATOM_NS }, 'root element is an Atom <feed>');
    assert.equal(feed.entryCount, EXPECTED_FEED_ENTRIES, 'number of Atom <entry> elements');
    assert.deepEqual(
      feed.bad,
      [],
      'feed entries without a <link href> to "e/<id of an article on the page>.html"',
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
    await waitForRender(opened, 'subpath');
    dom = await readDom(opened.page);
  }, { timeout: HOOK_TIMEOUT });

  after(async () => {
    await opened?.page.close().catch(() => {});
  });

  it('renders the same 116 entries', { timeout: TEST_TIMEOUT }, () => {
    assertContract(dom);
  });

  it('has no console errors and no uncaught page errors', { timeout: TEST_TIMEOUT }, () => {
    assertNoErrors(opened, 'sub-path');
  });
});
