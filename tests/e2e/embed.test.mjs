// Embedding: a host page on another port embeds the site in iframes (protocol version 1). The
// site is the built app serving the frozen seed days, whose text the preset queries look for.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { launchBrowser, openPage } from './browser.mjs';
import { copySite, fixtureSite, grantClipboard, openApp } from './support.mjs';

/** The host page: the embed, a frame from another window, a sandboxed embed, one without search. */
function hostPage(site) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>A host page</h1>
<iframe id="site" name="site" src="${site}?embed=1&amp;q=bktree" title="Learnings" style="width:100%;height:100px;border:0"></iframe>
<iframe id="other" name="other" srcdoc="<p>another window</p>" title="Other"></iframe>
<iframe id="sandboxed" name="sandboxed" sandbox="allow-scripts allow-popups" src="${site}?embed=1" title="Sandboxed"></iframe>
<iframe id="nosearch" name="nosearch" src="${site}?embed=1&amp;search=0&amp;theme=dark" title="No search"></iframe>
<script>
addEventListener("message", (e) => {
  const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source);
  if (frame && e.data && e.data.type === "learnings:resize") frame.style.height = e.data.height + "px";
});
</script></body></html>`;
}

describe('embedding in an iframe', { timeout: 180_000 }, () => {
  let browser;
  let fixture;
  let site;
  let host;
  let hostSite;
  let page;
  let errors;
  before(async () => {
    browser = await launchBrowser();
    fixture = fixtureSite();
    // CORS as GitHub Pages sends it: the sandboxed embed has an opaque origin.
    site = await startServer({ root: fixture.dir, prefix: '/learnings/', cors: true });
    hostSite = copySite({ from: null, files: { 'index.html': hostPage(site.url) } });
    host = await startServer({ root: hostSite.dir });
    const opened = await openPage(browser, host.url);
    page = opened.page;
    errors = [...opened.consoleErrors, ...opened.pageErrors];
    await page.frame({ name: 'site' }).waitForSelector('.result', { timeout: 20_000 });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await host?.close();
    hostSite?.remove();
    fixture?.remove();
  });

  const frame = (name) => page.frame({ name });

  it('shows the compact view with the preset query and a link to the full site', async () => {
    const f = frame('site');
    assert.equal(await f.locator('.result').count(), 3);
    assert.equal(await f.locator('.site-header, .timeline').count(), 0);
    const open = f.locator('a.open-full');
    assert.equal(await open.getAttribute('target'), '_blank');
    const href = await open.getAttribute('href');
    assert.ok(href.startsWith(site.url) && href.includes('q=bktree') && !href.includes('embed'), href);
  });

  it('resizes the iframe to its content', async () => {
    await page.waitForFunction(() => document.getElementById('site').getBoundingClientRect().height > 200);
    const [frameHeight, contentHeight] = await Promise.all([
      page.evaluate(() => document.getElementById('site').getBoundingClientRect().height),
      frame('site').evaluate(() => document.documentElement.scrollHeight),
    ]);
    assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `${frameHeight} vs ${contentHeight}`);
  });

  it('accepts learnings:set from its parent', async () => {
    await page.evaluate(() =>
      document.getElementById('site').contentWindow.postMessage({ type: 'learnings:set', q: 'asyncio.to_thread', theme: 'dark' }, '*'),
    );
    const f = frame('site');
    await f.waitForFunction(() => document.querySelector('#search')?.value === 'asyncio.to_thread');
    await f.waitForSelector('.result');
    assert.match(await f.locator('.result .result-q').first().textContent(), /to_thread|asyncio/i);
    assert.equal(await f.evaluate(() => document.documentElement.dataset.theme), 'dark');
  });

  it('ignores messages from another window and malformed ones', async () => {
    const f = frame('site');
    // Count what reaches the embed, to know when the ignored messages have all been delivered.
    await f.evaluate(() => {
      window.__delivered = 0;
      addEventListener('message', () => window.__delivered++);
    });
    await frame('other').evaluate(() =>
      parent.document.getElementById('site').contentWindow.postMessage({ type: 'learnings:set', q: 'zzz from elsewhere' }, '*'),
    );
    await page.evaluate(() => {
      const w = document.getElementById('site').contentWindow;
      w.postMessage({ type: 'learnings:set', q: 42, day: 'yesterday', theme: 'purple' }, '*');
      w.postMessage('learnings:set', '*');
      w.postMessage({ type: 'learnings:nope', q: 'nope', day: '2026-02-24' }, '*');
    });
    await f.waitForFunction(() => window.__delivered === 4);
    // A valid message after them: once it shows, the embed has handled every one before it.
    await page.evaluate(() =>
      document.getElementById('site').contentWindow.postMessage({ type: 'learnings:set', theme: 'light' }, '*'),
    );
    await f.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.equal(await f.inputValue('#search'), 'asyncio.to_thread', 'the query is the one set before');
    assert.equal(await f.locator('.filter-chip').count(), 0, 'no day filter');
  });

  it('renders and searches in a sandboxed iframe (no storage, no service worker)', async () => {
    const f = frame('sandboxed');
    await f.waitForSelector('article.entry', { timeout: 20_000 });
    await f.fill('#search', 'bk-tree');
    await f.waitForSelector('.result');
    assert.equal(await f.locator('.crash, [role="alert"]').count(), 0);
  });

  it('search=0 hides the search box and theme presets the theme', async () => {
    const f = frame('nosearch');
    // The prerendered page is the full site; the compact view comes once the app runs.
    await f.waitForSelector('.embedded article.entry', { timeout: 20_000 });
    assert.equal(await f.locator('#search').count(), 0);
    assert.equal(await f.evaluate(() => document.documentElement.dataset.theme), 'dark');
  });

  it('caused no page errors in the host', () => {
    assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  });
});

describe('the full site offers the embed snippet', { timeout: 120_000 }, () => {
  it('copies an iframe snippet for the current view', async () => {
    const browser = await launchBrowser();
    const fixture = fixtureSite();
    const site = await startServer({ root: fixture.dir });
    try {
      const { page } = await openApp(browser, `${site.url}?q=bktree`, { ready: '.result' });
      await grantClipboard(page, site.url);
      await page.click('.copy-embed');
      await page.waitForSelector('.copy-embed:text("Snippet copied")');
      const snippet = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(snippet.startsWith(`<iframe src="${site.url}?q=bktree&amp;embed=1"`), snippet);
      assert.match(snippet, /learnings:resize/);
    } finally {
      await browser.close();
      await site.close();
      fixture.remove();
    }
  });
});
