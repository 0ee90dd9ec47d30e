// End-to-end tests of the page's geometry in the built site (dist/), in headless Chromium:
// it fits a 320 px phone, keeps a readable measure on a desktop, and nothing above the
// results moves while they change under the user's typing. The app serves the frozen seed
// days, so the queries below always find what they expect.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { fixtureSite, openApp } from './support.mjs';

/** Queries whose result lists differ a lot: many hits, a handful, one, none, many again. */
const QUERIES = ['python', 'bk tree', 'asyncio.to_thread', 'zzqxv', 'the'];

describe('layout', { timeout: 120_000 }, () => {
  let site;
  let server;
  let browser;
  before(async () => {
    site = fixtureSite();
    server = await startServer({ root: site.dir });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  const open = (width, height, suffix = '', ready = 'article.entry') =>
    openApp(browser, server.url + suffix, { ready, viewport: { width, height } });

  /** Elements wider than the viewport, or reaching past its right edge, as short descriptions. */
  function overflowing(page) {
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const out = [];
      if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
      for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || el.closest('pre, .heatmap')) continue;
        if (box.right > width + 0.5) out.push(`${el.tagName.toLowerCase()}.${el.className}: right edge ${Math.round(box.right)}px`);
      }
      return out;
    });
  }

  it('fits 320 px wide: reading, searching and an open entry with code never scroll sideways', async () => {
    const { page, consoleErrors, pageErrors } = await open(320, 640);
    assert.deepEqual(await overflowing(page), [], 'the reading view');
    await page.fill('#search', 'asyncio.to_thread');
    await page.waitForSelector('.result');
    assert.deepEqual(await overflowing(page), [], 'the results');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.entry.open pre');
    assert.deepEqual(await overflowing(page), [], 'the open entry');
    const code = await page.evaluate(() => {
      const pre = document.querySelector('article.entry.open pre');
      return { overflowX: getComputedStyle(pre).overflowX, right: pre.getBoundingClientRect().right };
    });
    assert.equal(code.overflowX, 'auto', 'long code lines scroll inside their block');
    assert.ok(code.right <= 320, `the code block ends inside the screen (${code.right}px)`);
    const target = await page.evaluate(() => {
      const box = document.getElementById('search').getBoundingClientRect();
      return { width: box.width, height: box.height };
    });
    assert.ok(target.width >= 200 && target.height >= 32, `the search box is usable: ${JSON.stringify(target)}`);
    assert.deepEqual([...consoleErrors, ...pageErrors], []);
  });

  it('on a 390 px phone the day list folds away and the first entry\'s question is on the first screen', async () => {
    const { page, consoleErrors, pageErrors } = await open(390, 844);
    const firstQuestion = page.locator('article.entry h3').first();
    const box = await firstQuestion.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844, `the first question spans ${box?.y}..${box && box.y + box.height}px`);
    assert.equal(await page.locator('.day-pick').first().isVisible(), false, 'the day list starts folded');
    const summary = page.locator('.timeline-days > summary');
    assert.match(await summary.textContent(), /^Browse by day\d+ days?$/);
    await summary.click();
    await page.locator('.day-pick').first().waitFor({ state: 'visible' });
    assert.deepEqual(await overflowing(page), [], 'the open day list fits');
    assert.deepEqual([...consoleErrors, ...pageErrors], []);
  });

  it('on a wide screen the day list shows open, without its summary', async () => {
    const { page } = await open(1280, 800);
    assert.ok(await page.locator('.day-pick').first().isVisible(), 'the day list');
    assert.equal(await page.locator('.timeline-days > summary').isVisible(), false, 'its summary');
  });

  it('keeps answers to a readable measure on a wide screen', async () => {
    const { page } = await open(1600, 900);
    const chars = await page.evaluate(() => {
      const p = document.querySelector('article.entry p');
      const probe = document.createElement('span');
      probe.textContent = 'x'.repeat(100);
      Object.assign(probe.style, { position: 'absolute', whiteSpace: 'nowrap', visibility: 'hidden' });
      p.append(probe);
      const perChar = probe.getBoundingClientRect().width / 100;
      probe.remove();
      return p.getBoundingClientRect().width / perChar;
    });
    assert.ok(chars >= 55 && chars <= 85, `a paragraph line holds about ${Math.round(chars)} characters`);
  });

  it('shows where keyboard focus is on every control, and keeps it on screen', async () => {
    const { page } = await open(1280, 800, '?q=python', '.result');
    const seen = new Set();
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          name: el.closest('.result') ? 'result link' : `${el.tagName.toLowerCase()}.${el.className || el.id}`,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
        };
      });
      if (!focus) continue;
      seen.add(focus.name);
      assert.ok(focus.outline, `${focus.name} shows no focus outline`);
      assert.ok(focus.onScreen, `${focus.name} has focus off screen`);
    }
    for (const control of ['input.search', 'button.theme-toggle', 'button.day-pick', 'result link']) {
      assert.ok([...seen].some((name) => name.startsWith(control)), `Tab reached ${control}: ${[...seen].join(', ')}`);
    }
  });

  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ]) {
    it(`nothing above the results moves while they change (${width} px)`, async () => {
      const { page } = await open(width, height);
      const geometry = () =>
        page.evaluate(() => {
          const box = (selector) => {
            const el = document.querySelector(selector);
            if (!el) return null;
            const r = el.getBoundingClientRect();
            return [Math.round(r.left), Math.round(r.top + window.scrollY), Math.round(r.width), Math.round(r.height)];
          };
          return {
            header: box('.site-header'),
            search: box('#search'),
            timeline: box('.sidebar'),
            count: box('.result-count'),
          };
        });
      const seen = [];
      for (const query of QUERIES) {
        await page.fill('#search', query);
        await page.waitForFunction(
          (q) => new URLSearchParams(location.search).get('q') === q && document.querySelector('.result-count')?.textContent.match(/result/),
          query,
        );
        // Counts and marks land in the same frame as the results; give a frame more anyway.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        seen.push({ query, ...(await geometry()) });
      }
      for (const later of seen.slice(1)) {
        for (const part of ['header', 'search', 'timeline', 'count']) {
          assert.deepEqual(later[part], seen[0][part], `${part} moved between "${seen[0].query}" and "${later.query}"`);
        }
      }
    });
  }
});
