// What the end-to-end tests share: where the built site is, what it holds, copies of it (with
// other files or rebuilt from other content), opening the app, and clipboard grants.
//
// Tests never assume what content/ says: they read the expectations from the bundle they serve,
// or serve a fixture site built from the frozen seed days (`fixtureSite`).
//
// Env: DIST_DIR  the built site to test (default <repo>/dist)

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { inlineText } from '../inline-text.mjs';
import { openPage } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The repository's root directory. */
export const REPO_ROOT = path.resolve(HERE, '..', '..');

/** The built site under test. */
export const DIST_DIR = path.resolve(process.env.DIST_DIR || path.join(REPO_ROOT, 'dist'));

/** The frozen copy of the six imported seed days: real text that edits to content/ never change. */
export const SEED_CONTENT = path.join(REPO_ROOT, 'crates', 'bundle', 'tests', 'fixtures', 'seed-content');

/**
 * The bundle a site serves, each entry with its question as plain text.
 * @returns {{ days: { date: string, count: number }[], entries: { id: string, day: string, question: string }[] }}
 */
export function readBundle(site = DIST_DIR) {
  const bundle = JSON.parse(fs.readFileSync(path.join(site, 'learnings.json'), 'utf8'));
  for (const entry of bundle.entries) entry.question = inlineText(entry.question_inlines);
  return bundle;
}

/** The ISO day after `day` (YYYY-MM-DD). */
export function nextDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * A temporary directory holding a copy of `from` (when given) with `files` written over it
 * (name → text or bytes; null deletes). `remove()` deletes it.
 */
export function copySite({ from = DIST_DIR, files = {} } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'learnings-site-'));
  if (from) fs.cpSync(from, dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (body === null) fs.rmSync(file);
    else fs.writeFileSync(file, body);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function cargoRun(args) {
  execFileSync('cargo', ['run', '--quiet', '--release', '--package', 'learnings-bundle', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * A copy of the built site rebuilt from `content` the way a content-only change rebuilds it:
 * the bundle builder writes learnings.json and feed.xml, then the post-build tool rewrites the
 * CSP and the precache list (Trunk's hashed js/wasm/css do not change when only content does).
 * Needs `cargo` on PATH.
 */
export function rebuiltSite(content, { from = DIST_DIR } = {}) {
  const copy = copySite({ from });
  cargoRun(['--', content, '-o', copy.dir]);
  cargoRun(['--bin', 'learnings-postbuild', '--', copy.dir]);
  return copy;
}

/** The built app serving the frozen seed days: for tests that search or read known text. */
export function fixtureSite() {
  return rebuiltSite(SEED_CONTENT);
}

/**
 * Opens `url` in its own context (see `openPage`), at `viewport` size when given, and waits
 * for `ready` to show and, unless `takeOver` is false, for the app to have taken the
 * prerendered page over (the entries show before it runs).
 * @returns {Promise<{ page: import('playwright-core').Page, consoleErrors: string[], pageErrors: string[] }>}
 */
export async function openApp(browser, url, { ready = 'article.entry', viewport, timeout = 20_000, takeOver = true } = {}) {
  const opened = await openPage(browser, url);
  if (viewport) await opened.page.setViewportSize(viewport);
  await opened.page.waitForSelector(ready, { timeout });
  // Without a bundle there is nothing to take over with: the prerendered page stays.
  if (takeOver) await opened.page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout });
  return opened;
}

/** Lets `page` read and write the clipboard of the site at `url`. */
export function grantClipboard(page, url) {
  return page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
}
