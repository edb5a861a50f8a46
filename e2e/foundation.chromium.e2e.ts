/**
 * The foundation in real Chromium: the extension loads, recognises the article at its real
 * address (in every address form, and when its body arrives late), labels the toolbar button,
 * says so in the popup, leaves other pages alone, and makes no network request of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_HEADLINE, ARTICLE_PATH, ARTICLE_URL, THEME_URL } from './fixtures';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { ARTICLE_URL_VARIANT } from './harness/offline-site';
import { waitUntil } from './harness/wait';

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium({
    site: (url) => {
      const path = url.pathname.replace(/\/+$/, '');
      // The same address serves other copies of the article when a test asks for them.
      const copy = url.searchParams.get('copy');
      if (path === ARTICLE_PATH && copy === 'late') return 'article-late.html';
      if (path === ARTICLE_PATH && copy === 'variant') return 'article-variant.html';
      if (path === ARTICLE_PATH) return 'article.html';
      if (path === '/theme/culture-society-history') return 'theme-page.html';
      return undefined;
    },
  });
});

afterAll(async () => {
  await session?.close();
});

async function badgeOnceSettled(tabId: number): Promise<string> {
  return waitUntil(
    () => session.badgeText(tabId),
    (text) => text !== '',
    {
      what: 'the toolbar badge',
    },
  );
}

describe('Counterpoint in Chromium', () => {
  it('loads its service worker from the build', async () => {
    const worker = await session.worker();
    expect(worker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
  });

  it('recognises the article at its real address: badge and popup say so', async () => {
    const page = await session.open(ARTICLE_URL);
    const tabId = await session.tabIdOf(page);
    const badge = await badgeOnceSettled(tabId);
    expect(Number(badge)).toBeGreaterThan(0);

    const popup = await session.openPopup(tabId);
    const status = popup.getByRole('status');
    await status.filter({ hasText: 'recognised' }).waitFor();
    expect(await status.textContent()).toContain('Global Research article recognised');
    expect(await status.textContent()).toContain(ARTICLE_HEADLINE);
    await popup.close();
    await page.close();
  });

  it('recognises the article on the bare domain over http, with a query and a fragment', async () => {
    const page = await session.open(ARTICLE_URL_VARIANT);
    const tabId = await session.tabIdOf(page);
    expect(Number(await badgeOnceSettled(tabId))).toBeGreaterThan(0);
    await page.close();
  });

  it('recognises the article when its body is inserted after the page loaded', async () => {
    const page = await session.open(`${ARTICLE_URL}?copy=late`);
    const tabId = await session.tabIdOf(page);
    expect(Number(await badgeOnceSettled(tabId))).toBeGreaterThan(0);
    await page.close();
  });

  it('recognises the same article in different markup', async () => {
    const page = await session.open(`${ARTICLE_URL}?copy=variant`);
    const tabId = await session.tabIdOf(page);
    expect(Number(await badgeOnceSettled(tabId))).toBeGreaterThan(0);
    await page.close();
  });

  it('leaves a non-article page alone: no badge, and the popup says there is no context', async () => {
    const page = await session.open(THEME_URL);
    const tabId = await session.tabIdOf(page);
    const popup = await session.openPopup(tabId);
    await popup.getByRole('status').filter({ hasText: 'no context yet' }).waitFor();
    expect(await session.badgeText(tabId)).toBe('');
    await popup.close();
    await page.close();
  });

  it('made no network request of its own during the run', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
