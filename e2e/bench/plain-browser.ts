/**
 * The comparison the benchmarks make "without the extension": a context of the plain headless
 * Chromium that serves the offline site as the extension's session does.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { defaultSite, isSiteAddress, pageFor } from '../harness/offline-site';

/** A context of the plain browser that serves the offline site and refuses everything else. */
export async function plainContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
  });
  await context.route('**/*', async (route) => {
    const address = route.request().url();
    const html = isSiteAddress(address) ? pageFor(defaultSite, address) : undefined;
    if (html === undefined) {
      await route.abort('blockedbyclient');
      return;
    }
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  return context;
}
