// End-to-end tests of installability and the Content-Security-Policy of the built site (dist/).
//
// Installable: the criteria Lighthouse checks (name/short_name, 192 and 512 px PNG icons,
// start_url, display, a service worker with a fetch handler controlling the page), plus what
// Chromium itself reports through the DevTools protocol (Page.getInstallabilityErrors).
// CSP: index.html carries the policy with the hash of Trunk's inline loader, and using the app
// (search, open an entry, timeline, theme, help) raises no violation. The search is for the
// newest entry's question, read from the bundle, so any content does.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from './browser.mjs';
import { DIST_DIR, readBundle } from './support.mjs';
const TIMEOUT = 90_000;
const THEME_COLOR = '#0b57d0';
const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'HASH'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'self'; form-action 'none'";

/** Width and height from a PNG's IHDR chunk, or null when `bytes` is not a PNG. */
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function get(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  return { type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

let server;
before(async () => {
  server = await startServer({ root: DIST_DIR, prefix: '/app/' });
});
after(async () => {
  await server?.close();
});

describe('installable', { timeout: 3 * TIMEOUT }, () => {
  it('the web app manifest has what installation needs', { timeout: TIMEOUT }, async () => {
    const html = fs.readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8');
    const href = html.match(/<link rel="manifest" href="([^"]+)">/)?.[1];
    assert.equal(href, 'manifest.webmanifest', '<link rel="manifest">');
    assert.match(html, new RegExp(`<meta name="theme-color" content="${THEME_COLOR}">`), 'theme-color meta');
    const touch = html.match(/<link rel="apple-touch-icon" href="([^"]+)">/)?.[1];
    assert.ok(touch, 'apple-touch-icon link');
    const touchIcon = await get(new URL(touch, server.url));
    assert.deepEqual(pngSize(touchIcon.bytes), { width: 180, height: 180 }, 'apple-touch-icon is a 180 px PNG');

    const { type, bytes } = await get(new URL(href, server.url));
    assert.match(type, /^application\/manifest\+json/, 'manifest content type');
    const manifest = JSON.parse(bytes.toString('utf8'));
    // Named by the build from learnings.toml, as the bundle carries it.
    const { site } = readBundle();
    assert.deepEqual([manifest.name, manifest.short_name, manifest.description], [site.title, site.title, site.tagline]);
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.ok(['standalone', 'minimal-ui'].includes(manifest.display), `display: ${manifest.display}`);
    assert.equal(manifest.theme_color, THEME_COLOR);
    assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i, 'background_color');

    const manifestUrl = new URL(href, server.url);
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
      assert.ok(icon, `a ${size}x${size} PNG icon`);
      const { bytes: png } = await get(new URL(icon.src, manifestUrl));
      assert.deepEqual(pngSize(png), { width: size, height: size }, `${icon.src} is ${size} px square`);
    }
    const svg = manifest.icons.find((i) => i.type === 'image/svg+xml');
    assert.ok(svg, 'the SVG icon');
    assert.match((await get(new URL(svg.src, manifestUrl))).type, /^image\/svg\+xml/);
  });

  it('Chromium finds the page installable, controlled by a worker with a fetch handler', { timeout: TIMEOUT }, async () => {
    // A persistent profile: the default contexts are off the record, which is never installable.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'learnings-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url);
      await page.waitForSelector('article.entry', { timeout: 20_000 });
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
      const worker = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
      assert.equal(worker, new URL('sw.js', server.url).href, 'the controlling worker');
      const script = fs.readFileSync(path.join(DIST_DIR, 'sw.js'), 'utf8');
      assert.match(script, /addEventListener\('fetch'/, 'the worker has a fetch handler');

      const cdp = await context.newCDPSession(page);
      const { url, errors } = await cdp.send('Page.getAppManifest');
      assert.equal(url, new URL('manifest.webmanifest', server.url).href, 'the manifest Chromium found');
      assert.deepEqual(errors, [], 'manifest parse errors');
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], 'installability errors');
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('Content-Security-Policy', { timeout: 2 * TIMEOUT }, () => {
  it('index.html allows only its own files and its inline scripts by hash', { timeout: TIMEOUT }, () => {
    const html = fs.readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
    assert.equal(metas.length, 1, 'one CSP meta');
    const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(scripts.length, 2, "Trunk's inline loader and the early theme script");
    const hashes = scripts.map((s) => `sha256-${crypto.createHash('sha256').update(s).digest('base64')}`);
    assert.equal(metas[0][1], POLICY.replace('HASH', hashes.join("' '")));
    assert.ok(!html.includes('unsafe-inline'), "no 'unsafe-inline'");
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes the scripts');
    assert.match(html, /<link rel="modulepreload" href="\.\/learnings-[0-9a-f]+\.js"/, 'the js glue is preloaded');
    assert.doesNotMatch(html, /rel="preload"[^>]*\.wasm/, 'the wasm waits for the first paint (Trunk.toml), it is not preloaded');
  });

  it('using the app raises no violation', { timeout: TIMEOUT }, async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.stack ?? err}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' || /Content.Security.Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
        });
      });
      await page.goto(server.url);
      await page.waitForSelector('article.entry', { timeout: 20_000 });
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
      await page.click('.theme-toggle');
      await page.click('.help-toggle');
      await page.keyboard.press('Escape');
      await page.fill('#search', readBundle().entries[0].question);
      await page.waitForSelector('.result');
      await page.locator('.result a, .result button').first().click();
      await page.waitForSelector('article.entry');
      await page.fill('#search', '');
      await page.locator('.timeline button[data-day]').first().click();
      await page.waitForSelector('.filter-chip');
      await page.reload();
      await page.waitForSelector('article.entry', { timeout: 20_000 });
      assert.deepEqual(problems, [], 'CSP violations and errors');
    } finally {
      await browser.close();
    }
  });
});
