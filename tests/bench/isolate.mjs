// Serves pages cross-origin isolated without touching the server: adds COOP/COEP headers by
// request interception. Isolated pages get performance.now() at 5 µs resolution, not 100 µs.

/**
 * A new browser context whose responses carry the cross-origin isolation headers.
 * @param {import('playwright-core').Browser} browser
 */
export async function isolatedContext(browser) {
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      },
    });
  });
  return context;
}
