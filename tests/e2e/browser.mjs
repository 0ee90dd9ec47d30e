// Headless Chromium launcher for end-to-end tests (playwright-core + system Chromium).
//
// Env overrides:
//   CHROMIUM_PATH  path to the Chromium binary (default /usr/bin/chromium)

import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch headless Chromium. Plain `launch` uses a fresh temporary profile
 * (user-data-dir) that playwright deletes on close.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser({ executablePath = CHROMIUM_PATH, args = [], timeout = 60_000 } = {}) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    timeout,
  });
}

/**
 * Open `url` in a new isolated context and page, collecting errors.
 * consoleErrors: text of console messages of type "error" (with source location when known).
 * pageErrors: uncaught exceptions / unhandled rejections in the page.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ waitUntil?: 'load'|'domcontentloaded'|'networkidle'|'commit', timeout?: number }} [opts]
 */
export async function openPage(browser, url, { waitUntil = 'load', timeout = 30_000 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Closing the page also disposes of its private context.
  page.once('close', () => {
    context.close().catch(() => {});
  });
  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber}:${loc.columnNumber})` : '';
    consoleErrors.push(`${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => {
    pageErrors.push(err && err.stack ? err.stack : String(err));
  });
  await page.goto(url, { waitUntil, timeout });
  return { page, consoleErrors, pageErrors };
}
