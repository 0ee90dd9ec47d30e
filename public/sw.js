// Learnings' service worker: keeps one whole build in a cache and serves it, online or not.
//
// - install: precaches every file of the build, each fetched with its Subresource Integrity
//   hash, so a file of any other build (a deploy in progress, a stale CDN copy) fails the install
//   instead of getting mixed in. Files already cached by an install that was cut short are kept.
//   Content-hashed files (Trunk's js, wasm and css) are taken from the HTTP cache when the page
//   has just downloaded them (their names change when their content does); every other file is
//   revalidated with the server (a 304 when unchanged). The home page is fetched as the scope's
//   URL (`./`), the one a visit navigates to, so that it too is a 304 after a first visit to it;
//   it is kept as index.html.
// - activate: deletes this site's caches of other builds and takes control of open pages.
// - fetch: the build's files come from its cache, the prerendered home and month pages among
//   them; entry pages (e/<id>.html, too many to precache) come from the network and are kept in
//   the build's cache as they are visited; offline, one never visited gets the entry shell, in
//   which the app renders the entry from the cached bundle; other navigations get the cached
//   index.html; the bundle (learnings.json) comes from the cache and is checked against the network afterwards:
//   when it changed, a new build is out and the browser is asked to fetch the new worker.
// - A new worker waits until a page posts "skipWaiting" (the reader pressed Reload).
//
// Every URL is relative to the registration's scope: the site works under any sub-path and on
// any origin. The post_build tool (crates/bundle/src/postbuild.rs) replaces the next line with
// the build's file list; the list's hash is in the cache name.
const PRECACHE = { version: 'unbuilt', files: [] };

const SCOPE = new URL(self.registration.scope);
// Caches are per origin, so the scope's path keeps two sites on one origin apart.
const CACHE_PREFIX = `learnings:${SCOPE.pathname}:`;
const CACHE = CACHE_PREFIX + PRECACHE.version;
const INDEX = new URL('index.html', SCOPE).href;
const BUNDLE = new URL('learnings.json', SCOPE).href;
const ENTRY_PAGES = new URL('e/', SCOPE).href;
const ENTRY_SHELL = new URL('e/_shell.html', SCOPE).href;
/** Trunk's content-hashed names: `learnings-<hex>.js`, `learnings-<hex>_bg.wasm`, `styles-<hex>.css`. */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
/** URL -> integrity (`sha256-<base64>`) of each file of this build. */
const FILES = new Map(PRECACHE.files.map((f) => [new URL(f.url, SCOPE).href, f.integrity]));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
      await Promise.all(old.map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request, url));
  } else if (url.href === BUNDLE) {
    event.respondWith(bundle(event));
  } else if (FILES.has(url.href)) {
    event.respondWith(cached(url.href, request));
  }
  // Anything else goes to the network as if there were no worker.
});

/** Fetches every file of the build into this build's cache; any failure fails the install. */
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...FILES].map(async ([url, integrity]) => {
      if (await cache.match(url)) return; // checked against the same hash by an earlier attempt
      const mode = HASHED.test(url) ? 'default' : 'no-cache';
      const source = url === INDEX ? SCOPE.href : url;
      const response = await fetch(new Request(source, { cache: mode, integrity }));
      if (!response.ok) throw new Error(`precaching ${url}: the server answered ${response.status}`);
      await cache.put(url, response.redirected ? await unredirected(response) : response);
    }),
  );
}

/**
 * A copy of a redirected response that may answer a navigation (a host that redirects
 * `index.html` to `./` would otherwise make the cached page unusable).
 */
async function unredirected(response) {
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

/** The cached copy of `url`, or the network when the cache has lost it. */
async function cached(url, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(url)) ?? fetch(request);
}

/**
 * Pages: the home page is index.html whatever the query (`?q=`, `?day=`); the build's pages
 * come from the cache; entry pages as described above; anything else is tried online and falls
 * back to the cached index.html.
 */
async function navigate(request, url) {
  const path = url.pathname.slice(SCOPE.pathname.length);
  const target = path === '' ? INDEX : url.origin + url.pathname;
  if (FILES.has(target)) return cached(target, request);
  if (target.startsWith(ENTRY_PAGES) && target.endsWith('.html')) return entryPage(target);
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const index = await cache.match(INDEX);
    if (index) return index;
    throw error;
  }
}

/**
 * An entry page: from the network, kept in this build's cache (so it goes with the build it
 * belongs to); offline, the kept copy, or the shell when the page was never visited.
 */
async function entryPage(target) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(target);
    if (response.ok) await cache.put(target, response.clone());
    return response;
  } catch (error) {
    const copy = (await cache.match(target)) ?? (await cache.match(ENTRY_SHELL));
    if (copy) return copy;
    throw error;
  }
}

/** The bundle from the cache, then a check in the background for a newer one. */
async function bundle(event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(BUNDLE);
  if (!hit) return fetch(event.request);
  event.waitUntil(revalidate());
  return hit;
}

/**
 * Compares the server's bundle with this build's. A different one belongs to a new build: the
 * browser is asked to fetch the new worker (which precaches that build whole), rather than
 * mixing a new bundle into this build's cache. Offline or failing, nothing happens.
 */
async function revalidate() {
  try {
    const response = await fetch(BUNDLE, { cache: 'no-cache' });
    if (!response.ok) return;
    const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
    const integrity = 'sha256-' + btoa(String.fromCharCode(...new Uint8Array(digest)));
    if (integrity !== FILES.get(BUNDLE)) await self.registration.update();
  } catch {
    // Offline, or the server is down: the cached build stays, as it should.
  }
}
