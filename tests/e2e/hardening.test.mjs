// Hostile content, hostile queries and accessibility, in headless Chromium: the built app with
// a hostile bundle, and serving the frozen seed days (whose text the axe-checked query finds).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { copySite, fixtureSite, openApp, readBundle } from './support.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SCRIPT = '<script>window.__pwned = 1</script>';
const IMG = '<img src=x onerror="window.__pwned = 2">';
const text = (t) => ({ text: t });

/** A bundle whose every string tries to inject markup or script. */
function hostileBundle() {
  return {
    schema_version: 3,
    days: [{ date: '2026-02-24', count: 1 }],
    entries: [
      {
        id: 'hostile',
        day: '2026-02-24',
        question_inlines: [text(`${SCRIPT} &amp; ?`)],
        answer: [
          { paragraph: [text(IMG), { code: SCRIPT }] },
          { paragraph: [{ link: { href: 'javascript:window.__pwned=3', children: [text('click <b>me</b>')] } }] },
          { code: { lang: 'html', spans: [['k', IMG], ['', SCRIPT]] } },
        ],
        sources: [{ title: 'data link', url: 'data:text/html,<script>window.__pwned=4</script>' }],
      },
    ],
  };
}

// One browser and one server of the seed days serve every test in this file.
let browser;
let fixture;
let site;
before(async () => {
  browser = await launchBrowser();
  fixture = fixtureSite();
  site = await startServer({ root: fixture.dir });
});
after(async () => {
  await browser?.close();
  await site?.close();
  fixture?.remove();
});

describe('hostile content and queries', { timeout: 180_000 }, () => {
  let server;
  let hostile;
  before(async () => {
    hostile = copySite({ files: { 'learnings.json': JSON.stringify(hostileBundle()) } });
    server = await startServer({ root: hostile.dir });
  });
  after(async () => {
    await server?.close();
    hostile?.remove();
  });

  it('shows markup in content as literal text and runs none of it', async () => {
    const { page, pageErrors } = await openApp(browser, server.url);
    const article = page.locator('article#hostile');
    assert.equal(await article.locator('h3').textContent(), `${SCRIPT} &amp; ?`);
    assert.ok((await article.textContent()).includes(IMG));
    assert.equal(await page.locator('main img, main script, main b').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"], a[href^="data:"]').count(), 0);
    assert.ok((await article.textContent()).includes('click <b>me</b>'));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(pageErrors, []);
  });
});

describe('any query string', { timeout: 180_000 }, () => {
  let entries;
  before(() => {
    entries = readBundle(fixture.dir).entries.length;
  });
  for (const [name, query] of [
    ['10,000 characters', 'asyncio to_thread '.repeat(556)],
    ['emoji', '🦀 rust 👩‍💻 async 🎉'],
    ['right-to-left text', 'مرحبا بالعالم שלום async'],
    ['unbalanced syntax', '"unclosed -  day:2026-13 -- \\ ( [ *'],
  ]) {
    it(`${name}: neither panics nor freezes`, async () => {
      const { page, consoleErrors, pageErrors } = await openApp(browser, site.url);
      await page.fill('#search', query);
      await page.waitForSelector('.result, .no-results', { timeout: 10_000 });
      // Still answering: Esc clears the query and every entry comes back.
      await page.keyboard.press('Escape');
      await page.waitForFunction((n) => document.querySelectorAll('article.entry').length === n, entries, {
        timeout: 10_000,
      });
      assert.equal(await page.inputValue('#search'), '');
      assert.equal(await page.locator('.crash').count(), 0);
      assert.deepEqual([...consoleErrors, ...pageErrors], []);
    });
  }
});

describe('after a panic', { timeout: 180_000 }, () => {
  // The release wasm turns every panic into a WebAssembly trap, which the browser reports as an
  // uncaught WebAssembly.RuntimeError: from an event handler as an `error` event, from a
  // promise callback as an unhandled rejection. No input makes the app panic, so the tests
  // report such errors themselves.
  it('says once that the app stopped, and says nothing for other script errors', async () => {
    const { page } = await openApp(browser, site.url);
    const report = (kind) =>
      page.evaluate((kind) => {
        const error = kind === 'trap' ? new WebAssembly.RuntimeError('unreachable') : new TypeError('elsewhere');
        window.dispatchEvent(new ErrorEvent('error', { error, message: error.message }));
      }, kind);
    await report('other');
    assert.equal(await page.locator('.crash').count(), 0);
    await report('trap');
    await report('trap');
    assert.equal(await page.locator('.crash').count(), 1);
    assert.match(await page.locator('.crash').textContent(), /stopped because of an internal error/);
    assert.equal(await page.locator('.crash a').getAttribute('href'), '');
  });

  it('says so for a trap in a promise callback too', async () => {
    const { page } = await openApp(browser, site.url);
    await page.evaluate(() => {
      Promise.reject(new WebAssembly.RuntimeError('unreachable'));
    });
    await page.waitForSelector('.crash[role="alert"]', { timeout: 10_000 });
  });
});

describe('accessibility (axe-core)', { timeout: 180_000 }, () => {
  for (const scheme of ['light', 'dark']) {
    for (const [label, suffix, ready] of [
      ['reader', '', 'article.entry'],
      ['results', '?q=async', '.result'],
    ]) {
      it(`${label} in the ${scheme} theme has no violations`, async () => {
        const { page } = await openApp(browser, site.url + suffix, { ready });
        await page.emulateMedia({ colorScheme: scheme });
        // Evaluated through the DevTools protocol: the page's CSP rightly refuses inline scripts.
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(() => window.axe.run(document));
        const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
        assert.deepEqual(summary, []);
      });
    }
  }
});
