// A new reader on a slow phone, for the benches that time the site as one meets it: DevTools'
// Slow 4G figures and 4x CPU slowdown set through the Chrome DevTools Protocol, a phone-sized
// viewport, a fresh context (empty caches, no service worker) per load, and in-page observers
// of the paint timings, layout shifts and the app's take-over.

/** 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (CDP Network.emulateNetworkConditions). */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
/** CDP Emulation.setCPUThrottlingRate. */
export const CPU_SLOWDOWN = 4;
export const VIEWPORT = { width: 412, height: 823 };
/** Loads per page and figure; the tables give their median. */
export const RUNS = 3;
/** A load on this profile on a busy machine takes seconds; none takes this long. */
export const SLOW_TIMEOUT = 120_000;

/** The profile, for the tables' captions. */
export const PROFILE =
  `headless Chromium with CDP network emulation (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency) and ` +
  `${CPU_SLOWDOWN}x CPU slowdown, ${VIEWPORT.width}×${VIEWPORT.height}, a fresh context per load, the files ` +
  'served gzipped by tests/e2e/server.mjs with the Deploy table\'s caching headers';

// Installed before any page script: first contentful paint, the latest largest-contentful-paint
// candidate and its element, layout shifts without recent input (CLS), and when the app marks
// the page `data-app="ready"`.
const VITALS = `(() => {
  const v = window.__vitals = { fcp: null, lcp: null, lcpElement: null, cls: 0, shifts: 0, readyAt: null };
  const describe = (el) => el ? el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') : null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') v.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) { v.lcp = e.startTime; v.lcpElement = describe(e.element); }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) { v.cls += e.value; v.shifts += 1; }
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    if (v.readyAt === null && document.documentElement.dataset.app === 'ready') v.readyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });
})();`;

/**
 * A fresh context and page on the slow profile, with the observers installed (and `init`
 * scripts after them). Uncaught page errors collect in `errors`.
 * @param {import('playwright-core').Browser} browser
 */
export async function slowPage(browser, init = []) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(VITALS);
  for (const script of init) await context.addInitScript(script);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, errors };
}

/** Waits for two frames to be rendered, so that paint and layout-shift entries are in. */
export function afterFrames(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Waits for the app to take the page over (or to show its error). */
export async function takenOver(page) {
  await page.waitForFunction(
    () => document.documentElement.dataset.app === 'ready' || document.querySelector('[role="alert"]'),
    null,
    { timeout: SLOW_TIMEOUT, polling: 100 },
  );
  const alert = await page.evaluate(() => document.querySelector('[role="alert"]')?.textContent?.trim() ?? null);
  if (alert) throw new Error(`${page.url()}: the app showed an error: ${alert}`);
  await afterFrames(page);
}

/**
 * The observers' figures so far, and the page's bytes before the first paint: the document
 * and the resources that blocked rendering (Resource Timing's renderBlockingStatus), each as
 * transferred (headers and compressed body).
 */
export function vitals(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const blocking = performance
      .getEntriesByType('resource')
      .filter((r) => r.renderBlockingStatus === 'blocking')
      .map((r) => ({ path: new URL(r.name).pathname.split('/').pop(), bytes: r.transferSize }));
    return { ...window.__vitals, htmlBytes: nav.transferSize, blocking };
  });
}
