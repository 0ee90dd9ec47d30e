// Hostile content, hostile queries and accessibility, in headless Chromium against dist/.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';
import { launchBrowser, openPage } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST_DIR = path.resolve(process.env.DIST_DIR || path.join(HERE, '..', '..', 'dist'));
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SCRIPT = '<script>window.__pwned = 1</script>';
const IMG = '<img src=x onerror="window.__pwned = 2">';
const text = (t) => ({ text: t });

/** A bundle whose every string tries to inject markup or script. */
function hostileBundle() {
  return {
    schema_version: 2,
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

// One browser and one server of the real site serve every test in this file.
let browser;
let site;
before(async () => {
  browser = await launchBrowser();
  site = await startServer({ root: DIST_DIR });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('hostile content and queries', { timeout: 180_000 }, () => {
  let server;
  let dir;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'learnings-hostile-'));
    fs.cpSync(DIST_DIR, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'learnings.json'), JSON.stringify(hostileBundle()));
    server = await startServer({ root: dir });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows markup in content as literal text and runs none of it', async () => {
    const { page, pageErrors } = await openPage(browser, server.url);
    await page.waitForSelector('article.entry');
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
  for (const [name, query] of [
    ['10,000 characters', 'asyncio to_thread '.repeat(556)],
    ['emoji', '🦀 rust 👩‍💻 async 🎉'],
    ['right-to-left text', 'مرحبا بالعالم שלום async'],
    ['unbalanced syntax', '"unclosed -  day:2026-13 -- \\ ( [ *'],
  ]) {
    it(`${name}: neither panics nor freezes`, async () => {
      const { page, consoleErrors, pageErrors } = await openPage(browser, site.url);
      await page.waitForSelector('article.entry');
      const started = Date.now();
      await page.fill('#search', query);
      await page.waitForSelector('.result, .no-results', { timeout: 10_000 });
      assert.ok(Date.now() - started < 5_000, 'answers quickly');
      assert.equal(await page.evaluate(() => 1 + 1), 2, 'the page still responds');
      assert.equal(await page.locator('.crash').count(), 0);
      assert.deepEqual([...consoleErrors, ...pageErrors], []);
    });
  }
});

describe('accessibility (axe-core)', { timeout: 180_000 }, () => {
  for (const scheme of ['light', 'dark']) {
    for (const [label, suffix, ready] of [
      ['reader', '', 'article.entry'],
      ['results', '?q=async', '.result'],
    ]) {
      it(`${label} in the ${scheme} theme has no violations`, async () => {
        const { page } = await openPage(browser, site.url + suffix);
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForSelector(ready);
        // Evaluated through the DevTools protocol: the page's CSP rightly refuses inline scripts.
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(() => window.axe.run(document));
        const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
        assert.deepEqual(summary, []);
      });
    }
  }
});
