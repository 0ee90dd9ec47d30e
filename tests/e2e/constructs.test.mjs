// End-to-end tests of the Markdown constructs an answer may hold, on a site rebuilt from the
// fixture day that holds every one of them (crates/bundle/tests/fixtures/constructs/), served
// under a sub-path: a table, a quote, a struck word, a task list, footnotes linked both ways,
// MathML and an image. axe-core checks the page in both themes.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { REPO_ROOT, openApp, readBundle, rebuiltSite } from './support.mjs';

const CONSTRUCTS = path.join(REPO_ROOT, 'crates', 'bundle', 'tests', 'fixtures', 'constructs');
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MATHML = 'http://www.w3.org/1998/Math/MathML';

describe('answer constructs', { timeout: 180_000 }, () => {
  let site;
  let server;
  let browser;
  let first;
  before(async () => {
    site = rebuiltSite(CONSTRUCTS);
    server = await startServer({ root: site.dir, prefix: '/learnings/' });
    browser = await launchBrowser();
    first = readBundle(site.dir).entries.find((e) => e.question.startsWith('How do the Markdown'));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  const open = (viewport) => openApp(browser, server.url, { ready: 'article.entry .table-scroll', viewport });
  const article = () => `article[id="${first.id}"]`;

  it('renders the table with its alignment, scrolling sideways inside the entry on a phone', async () => {
    const { page, consoleErrors, pageErrors } = await open({ width: 320, height: 640 });
    const table = `${article()} .table-scroll`;
    assert.deepEqual(await page.locator(`${table} th`).allInnerTexts(), ['Bin', 'Expected count', 'Note']);
    assert.deepEqual(await page.locator(`${table} tbody tr:nth-child(2) td`).allInnerTexts(), ['high', '7', 'code cell']);
    assert.equal(await page.locator(`${table} tbody td.align-center`).count(), 2);
    assert.equal(await page.locator(`${table} tbody td.align-right`).count(), 2);
    const geometry = await page.evaluate((selector) => {
      const scroller = document.querySelector(selector);
      return {
        overflowX: getComputedStyle(scroller).overflowX,
        tableWider: scroller.scrollWidth > scroller.clientWidth,
        pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    }, table);
    assert.deepEqual(geometry, { overflowX: 'auto', tableWider: true, pageScrolls: false });
    assert.deepEqual([...consoleErrors, ...pageErrors], []);
  });

  it('renders a quote, a struck word, a sub-heading and two read-only labelled checkboxes', async () => {
    const { page } = await open();
    assert.match(await page.locator(`${article()} blockquote`).innerText(), /marmalade[\s\S]*second paragraph/);
    assert.equal(await page.locator(`${article()} del`).innerText(), 'struck');
    assert.equal(await page.locator(`${article()} h4.subheading`).innerText(), 'Tables of bins');
    assert.equal(await page.locator(`${article()} h5.subheading`).innerText(), 'A deeper heading');
    const done = page.getByRole('checkbox', { name: 'Checked task' });
    const open_ = page.getByRole('checkbox', { name: 'Open task' });
    assert.deepEqual([await done.isChecked(), await done.isDisabled()], [true, true]);
    assert.deepEqual([await open_.isChecked(), await open_.isDisabled()], [false, true]);
  });

  it('links a footnote citation to its note and back, with ids unique on the page', async () => {
    const { page } = await open();
    const citation = page.locator(`${article()} sup.footnote-ref a`);
    const note = `${first.id}--note-1`;
    assert.equal(await citation.getAttribute('href'), `#${note}`);
    await citation.click();
    await page.waitForFunction((id) => document.activeElement?.id === id, note);
    assert.match(await page.locator(`li[id="${note}"]`).innerText(), /zeppelins/);
    await page.locator(`li[id="${note}"] a.footnote-back`).click();
    await page.waitForFunction((id) => document.activeElement?.id === id, `${first.id}--cite-1`);
    assert.equal(new URL(page.url()).hash, '', 'the URL still names no entry');
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id twice');
    assert.equal(await page.locator('.footnotes li').count(), 2, 'each entry has its own note');
  });

  it('renders formulas as MathML elements with their TeX source', async () => {
    const { page } = await open();
    const math = await page.evaluate((selector) => [...document.querySelectorAll(`${selector} math`)].map((m) => ({
      namespace: m.namespaceURI,
      display: m.getAttribute('display'),
      tex: m.querySelector('annotation')?.textContent,
      fraction: m.querySelector('mfrac')?.namespaceURI ?? null,
      width: m.getBoundingClientRect().width > 0,
    })), article());
    assert.equal(math.length, 2);
    assert.deepEqual(math[0], { namespace: MATHML, display: 'inline', tex: 'N \\gtrsim 5 \\times k', fraction: null, width: true });
    assert.equal(math[1].display, 'block');
    assert.equal(math[1].fraction, MATHML);
  });

  it('loads the image under the sub-path with its size, alt text and lazy loading', async () => {
    const { page, consoleErrors } = await open();
    const image = page.locator(`${article()} img`);
    assert.deepEqual(
      await image.evaluate((img) => [img.alt, img.getAttribute('width'), img.getAttribute('height'), img.loading]),
      ['A blue rectangle of bars', '24', '16', 'lazy'],
    );
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction((selector) => document.querySelector(selector)?.complete, `${article()} img`);
    assert.equal(await image.evaluate((img) => img.naturalWidth), 24, 'the file loaded');
    assert.match(await image.getAttribute('src'), /^media\/[0-9a-f]{16}\.png$/);
    const worker = fs.readFileSync(path.join(site.dir, 'sw.js'), 'utf8');
    assert.ok(worker.includes(await image.getAttribute('src')), 'the image is precached for offline reading');
    assert.deepEqual(consoleErrors, []);
  });

  it('shows the image offline once the worker has precached it', async () => {
    const own = await startServer({ root: site.dir, prefix: '/learnings/' });
    try {
      const { page } = await openApp(browser, own.url, { ready: 'article.entry .table-scroll' });
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
      await own.close();
      await page.reload();
      const image = page.locator(`${article()} img`);
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction((selector) => document.querySelector(selector)?.complete, `${article()} img`);
      assert.equal(await image.evaluate((img) => img.naturalWidth), 24, 'the image came from the worker\'s cache');
    } finally {
      await own.close();
    }
  });

  for (const scheme of ['light', 'dark']) {
    it(`has no axe-core violations in the ${scheme} theme`, async () => {
      const { page } = await open();
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(() => window.axe.run(document));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
    });
  }
});
