// End-to-end test of the "Related" links under an opened entry, in the built site (dist/).
// Expectations come from the built bundle, never from the words of the content.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { launchBrowser, openPage } from './browser.mjs';
import { DIST_DIR, readBundle } from './support.mjs';
const RELATED = 'article.entry.open nav[aria-label="Related entries"]';

describe('related entries', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let entries;
  before(async () => {
    entries = readBundle().entries;
    server = await startServer({ root: DIST_DIR, prefix: '/learnings/' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an opened entry links to up to three other entries, and a link opens its entry', async () => {
    // The entry with the most text is the one surest to share an uncommon word with another.
    const size = (e) => JSON.stringify(e.answer).length;
    const opened = entries.reduce((best, e) => (size(e) > size(best) ? e : best));
    const ids = new Set(entries.map((e) => e.id));
    const { page, consoleErrors, pageErrors } = await openPage(browser, `${server.url}#${opened.id}`);
    await page.waitForSelector(RELATED, { timeout: 20_000 });
    assert.equal(await page.locator(`article.entry.open`).getAttribute('id'), opened.id);
    assert.equal(await page.locator('nav[aria-label="Related entries"]').count(), 1, 'only the open entry has them');
    assert.equal((await page.locator(`${RELATED} h4`).textContent()).trim(), 'Related');

    const links = page.locator(`${RELATED} a`);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length >= 1 && hrefs.length <= 3, `${hrefs.length} related links`);
    // Links to the entries' own pages, e/<id>.html.
    const targets = hrefs.map((href) => decodeURIComponent(href.match(/(?:^|\/)e\/([^/]+)\.html$/)?.[1] ?? href));
    for (const target of targets) {
      assert.ok(ids.has(target), `${target} is an entry of the bundle`);
      assert.notEqual(target, opened.id, 'an entry is not related to itself');
    }
    assert.equal(new Set(targets).size, targets.length, 'no entry twice');

    const label = (await links.first().textContent()).trim();
    assert.ok(label.length > 0, 'a link names its entry');
    await links.first().click();
    // The app opens it in place.
    const now = page.locator(`article.entry.open[id="${targets[0]}"]`);
    await now.waitFor();
    assert.equal((await now.locator('h3').textContent()).replace(/\s+/g, ' ').trim(), label.replace(/\s+/g, ' '));
    assert.deepEqual([...consoleErrors, ...pageErrors], []);
  });
});
