/**
 * The foundation in real Firefox (ESR): the add-on installs, recognises the article at its real
 * address (also on the bare domain with a query and a fragment, and when the body arrives late),
 * labels the toolbar button, says so in the popup, paints the claims, leaves other pages alone,
 * and makes no network request of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_HEADLINE, ARTICLE_PATH, ARTICLE_URL, THEME_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { ARTICLE_URL_VARIANT } from './harness/offline-site';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
let session: FirefoxSession;

beforeAll(async () => {
  session = await launchFirefox({
    site: (url) => {
      const path = url.pathname.replace(/\/+$/, '');
      const copy = url.searchParams.get('copy');
      if (path === ARTICLE_PATH && copy === 'late') return 'article-late.html';
      if (path === ARTICLE_PATH) return 'article.html';
      if (path === '/theme/culture-society-history') return 'theme-page.html';
      return undefined;
    },
  });
});

afterAll(async () => {
  await session?.close();
});

/** The id of the tab showing an address, asked of the extension. */
async function tabIdFor(address: string): Promise<number> {
  return waitUntil(
    () =>
      session.inExtension<number>(
        `async () => ((await browser.tabs.query({})).find((tab) => tab.url === ${JSON.stringify(address)}) ?? { id: -1 }).id`,
      ),
    (id) => id >= 0,
    { what: `a tab showing ${address}` },
  );
}

async function badge(tabId: number): Promise<string> {
  return session.inExtension<string>(
    `() => browser.browserAction.getBadgeText({ tabId: ${tabId} })`,
  );
}

describe('Counterpoint in Firefox', () => {
  it('recognises the article, paints every claim and labels the toolbar button', async () => {
    const page = await session.open(ARTICLE_URL);
    const tabId = await tabIdFor(ARTICLE_URL);
    const text = await waitUntil(
      () => badge(tabId),
      (value) => value !== '' && value !== '0',
      {
        what: 'the badge',
      },
    );
    expect(Number(text)).toBe(pack?.claims.length);
    const highlighted = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      if (!registry) return -1;
      let count = 0;
      for (const [name, highlight] of registry) if (name.includes('claim')) count += highlight.size;
      return count;
    });
    expect(highlighted).toBe(pack?.claims.length);
    expect(
      await page.evaluate(() => (window as unknown as { __siteScriptOk?: boolean }).__siteScriptOk),
    ).toBe(true);

    const popup = await session.openPopup(tabId);
    await popup.waitForSelector('::-p-aria([role="status"])');
    await waitUntil(
      () => popup.evaluate(() => document.body.innerText),
      (value) => value.includes('Global Research article recognised'),
      { what: 'the popup status' },
    );
    expect(await popup.evaluate(() => document.body.innerText)).toContain(ARTICLE_HEADLINE);
    await popup.close();
    await page.close();
  });

  it('recognises the article on the bare domain over http, with a query and a fragment', async () => {
    const page = await session.open(ARTICLE_URL_VARIANT);
    const tabId = await tabIdFor(ARTICLE_URL_VARIANT);
    await waitUntil(
      () => badge(tabId),
      (value) => Number(value) > 0,
      { what: 'the badge' },
    );
    await page.close();
  });

  it('recognises the article when its body arrives after load', async () => {
    const address = `${ARTICLE_URL}?copy=late`;
    const page = await session.open(address);
    const tabId = await tabIdFor(address);
    await waitUntil(
      () => badge(tabId),
      (value) => Number(value) > 0,
      { what: 'the badge' },
    );
    await page.close();
  });

  it('leaves a non-article page alone', async () => {
    const page = await session.open(THEME_URL);
    const tabId = await tabIdFor(THEME_URL);
    const popup = await session.openPopup(tabId);
    await waitUntil(
      () => popup.evaluate(() => document.body.innerText),
      (value) => value.includes('no context yet'),
      { what: 'the popup status' },
    );
    expect(await badge(tabId)).toBe('');
    await popup.close();
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
