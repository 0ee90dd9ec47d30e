// End-to-end tests of searching and reading, in headless Chromium, against the built app
// serving the frozen seed days (the queries below look for their text), not content/.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { copySite, fixtureSite, grantClipboard, openApp, readBundle } from './support.mjs';

describe('search and reading', { timeout: 120_000 }, () => {
  let site;
  let server;
  let browser;
  /** How many entries the served bundle has on each of `days`. */
  let entriesOn;
  /** A day of the served bundle with exactly one entry (the seed fixture has one). */
  let singleDay;
  before(async () => {
    site = fixtureSite();
    const { days } = readBundle(site.dir);
    entriesOn = (...wanted) => days.filter((d) => wanted.includes(d.date)).reduce((n, d) => n + d.count, 0);
    singleDay = days.find((d) => d.count === 1)?.date;
    server = await startServer({ root: site.dir, prefix: '/learnings/' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  const open = (suffix = '', ready = 'article.entry') => openApp(browser, server.url + suffix, { ready });

  it('typing shows ranked results with highlighted question and snippet, and updates the URL', async () => {
    const { page, consoleErrors, pageErrors } = await open();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search', '/ focuses the search box');
    await page.keyboard.type('asyncio.to_thread');
    await page.waitForSelector('.result');
    const first = await page.locator('.result .result-q').first().textContent();
    assert.match(first, /to_thread|asyncio/i);
    assert.ok((await page.locator('.result mark').count()) > 0, 'matches are marked');
    assert.match(await page.locator('.result-count').textContent(), /\d+ results?/);
    // Copy link copies the view at once, though the URL follows typing only when it pauses.
    await grantClipboard(page, server.url);
    await page.click('.copy-link');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^http:\/\/127\.0\.0\.1:\d+\/learnings\/\?q=asyncio\.to_thread$/);
    await page.waitForURL(/\?q=asyncio\.to_thread$/);
    await page.focus('#search');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.entry.open');
    assert.ok((await page.locator('article.entry.open mark').count()) > 0, 'the opened entry marks the terms');
    assert.deepEqual([...consoleErrors, ...pageErrors], []);
  });

  it('a typo still finds the entry, and Esc clears the query', async () => {
    const { page } = await open();
    await page.fill('#search', 'condtion variabel');
    await page.waitForSelector('.result');
    assert.match(await page.locator('.result .result-q').first().textContent(), /condition variable/i);
    await page.focus('#search');
    await page.keyboard.press('Escape');
    assert.equal(await page.inputValue('#search'), '');
    await page.waitForSelector('article.entry');
  });

  it('restores a query from the URL and opens a result with Enter', async () => {
    const { page } = await open('?q=bktree', '.result');
    assert.equal(await page.inputValue('#search'), 'bktree');
    assert.equal(await page.locator('.result').count(), 3);
    await page.focus('#search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.entry.open');
    const id = await page.locator('article.entry.open').getAttribute('id');
    assert.equal(id, 'why-is-bk-tree-search-fast-in-practice-for-word-level-dedup');
    assert.ok(page.url().endsWith(`?q=bktree#${id}`));
    assert.equal(await page.evaluate(() => document.activeElement?.id), id, 'the opened entry has focus');
    await page.goBack();
    await page.waitForSelector('.result');
  });

  it('says so when nothing matches and offers a correction or dropping the day', async () => {
    const { page } = await open('?q=zzzzqqqq&day=2026-02-22', '.no-results');
    assert.match(await page.locator('.no-results').textContent(), /No entries match/);
    await page.click('.drop-day');
    await page.waitForFunction(() => !location.search.includes('day='));
  });

  it('the timeline filters by day, shows a chip, and counts follow the query', async () => {
    const { page } = await open();
    await page.click('.day-pick[data-day="2026-02-23"]');
    await page.waitForFunction((n) => document.querySelectorAll('article.entry').length === n, entriesOn('2026-02-23'));
    assert.match(await page.locator('.filter-chip').textContent(), /2026-02-23/);
    assert.match(page.url(), /\?day=2026-02-23$/);
    await page.fill('#search', 'bk-tree');
    await page.waitForSelector('.result');
    assert.equal(await page.locator('.day-pick[data-day="2026-02-23"] .count').textContent(), '3 entries');
    assert.equal(await page.locator('.day-pick[data-day="2026-02-24"] .count').textContent(), '0 entries');
    await page.click('.filter-chip button');
    await page.waitForFunction(() => !location.search.includes('day='));    // One is singular, in the page's count and in the day list alike.
    assert.ok(singleDay, 'the fixture has a day with one entry');
    await page.fill('#search', '');
    await page.click(`.day-pick[data-day="${singleDay}"]`);
    await page.waitForFunction(() => document.querySelectorAll('article.entry').length === 1);
    assert.equal(await page.locator('.result-count').textContent(), '1 entry');
    assert.equal(await page.locator(`.day-pick[data-day="${singleDay}"] .count`).textContent(), '1 entry');
  });

  it('shows ten results first, more on request, and ten again for a new query', async () => {
    const { page } = await open();
    await page.fill('#search', 'python');
    await page.waitForSelector('.result');
    const total = Number((await page.locator('.result-count').textContent()).match(/\d+/)[0]);
    assert.ok(total > 10, `"python" matches ${total} entries`);
    assert.equal(await page.locator('.result').count(), 10);
    await page.click('.show-more');
    await page.waitForFunction((n) => document.querySelectorAll('.result').length === n, Math.min(total, 40));
    // A new query (here a shorter prefix, with at least as many matches) starts at ten again.
    await page.fill('#search', 'pytho');
    await page.waitForURL(/\?q=pytho$/);
    assert.equal(await page.locator('.result').count(), 10);
  });

  it('the heatmap picks a day, shift-click a range, and a month label the month', async () => {
    const { page } = await open();
    await page.click('.heat[data-day="2026-02-24"]');
    await page.waitForURL(/\?day=2026-02-24$/);
    assert.equal(await page.locator('.heat.selected').count(), 1);
    await page.click('.heat[data-day="2026-02-22"]', { modifiers: ['Shift'] });
    await page.waitForURL(/\?day=2026-02-22\.\.2026-02-24$/);
    assert.match(await page.locator('.filter-chip').textContent(), /2026-02-22\.\.2026-02-24/);
    assert.equal(await page.locator('.heat.selected').count(), 3, 'the three days of the range are shaded as chosen');
    assert.equal(await page.locator('article.entry').count(), entriesOn('2026-02-22', '2026-02-23', '2026-02-24'));
    await page.click('.month-label[data-month="2026-02"]');
    await page.waitForURL(/\?day=2026-02$/);
    assert.equal(await page.locator('.month-label[data-month="2026-02"]').getAttribute('aria-pressed'), 'true');
    // The heatmap is a pointer shortcut: the list names every day with its count for everyone else.
    assert.equal(await page.locator('.heatmap').getAttribute('aria-hidden'), 'true');
    assert.equal(await page.locator('.heatmap button, .heatmap [tabindex]').count(), 0);
    assert.equal(
      await page.locator('.day-pick[data-day="2026-02-24"]').textContent(),
      `February 24, 2026${entriesOn('2026-02-24')} entries`,
    );
  });

  it('Back after typing and then choosing a day returns to the typed query', async () => {
    const { page } = await open();
    await page.fill('#search', 'bk-tree');
    await page.waitForSelector('.result');
    // Choose a day before the URL has caught up with the typing.
    await page.click('.day-pick[data-day="2026-02-23"]');
    await page.waitForURL(/\?q=bk-tree&day=2026-02-23$/);
    await page.goBack();
    await page.waitForURL(/\?q=bk-tree$/);
    assert.equal(await page.inputValue('#search'), 'bk-tree');
    await page.waitForFunction(() => !document.querySelector('.filter-chip'));
  });

  it('a permalink opens its entry scrolled into view', async () => {
    const id = 'how-do-you-stage-only-certain-lines-or-hunks-in-git';
    const { page } = await open(`#${id}`, `article.entry.open`);
    assert.equal(await page.locator('article.entry.open').getAttribute('id'), id);
    const inView = await page.evaluate((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    }, id);
    assert.ok(inView);
  });

  it('an open entry links to its neighbours, and code blocks copy their code', async () => {
    const id = 'how-do-you-stage-only-certain-lines-or-hunks-in-git';
    const { page } = await open(`#${id}`, 'article.entry.open');
    await grantClipboard(page, server.url);
    const next = page.locator('article.entry.open a[rel="next"]');
    assert.match(await next.textContent(), /BK-tree fast/);
    await page.locator('article.entry.open .copy-code').first().click();
    await page.waitForSelector('article.entry.open .copy-code:text("Copied")');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^git add -p\n# y = stage hunk/);
    await next.click();
    await page.waitForFunction(() => location.hash === '#what-is-the-one-pruning-rule-that-makes-bk-tree-fast');
    await page.waitForSelector('article#what-is-the-one-pruning-rule-that-makes-bk-tree-fast.open');
    await page.goBack();
    await page.waitForSelector(`article#${id}.open`);
  });

  it('the theme toggle is remembered', async () => {
    const { page } = await open();
    await page.click('.theme-toggle');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await page.reload();
    await page.waitForSelector('article.entry');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await background(), 'rgb(255, 255, 255)', 'a pinned light theme ignores the system');
    await page.click('.theme-toggle');
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(await background(), 'rgb(13, 17, 23)', 'a pinned dark theme ignores the system');
  });

  it('? shows the shortcuts panel with the query syntax', async () => {
    const { page } = await open();
    await page.keyboard.press('?');
    assert.match(await page.locator('.help-panel').textContent(), /exact phrase/);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.help-panel').count(), 0);
  });
});

describe('bad bundles get a clear message and a Retry button', { timeout: 120_000 }, () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  async function withBundle(content, expected) {
    const site = copySite({ files: { 'learnings.json': content } });
    const server = await startServer({ root: site.dir });
    try {
      const { page } = await openApp(browser, server.url, { ready: '[role="alert"]', takeOver: false });
      assert.match(await page.locator('[role="alert"]').textContent(), expected);
      assert.equal(await page.locator('[role="alert"] button').textContent(), 'Retry');
    } finally {
      await server.close();
      site.remove();
    }
  }

  it('missing (404)', () => withBundle(null, /not found.*404/));
  it('malformed JSON', () => withBundle('{"schema_version": 2, ', /could not be read/));
  it('unknown schema version', () => withBundle('{"schema_version": 99}', /schema version 99/));
});
