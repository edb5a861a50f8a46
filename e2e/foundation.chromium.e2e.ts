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
      // Article addresses with pages the content script does not expect.
      if (path === '/no-body/1234567') return { html: '<!doctype html><title>x</title>' };
      if (path === '/enormous/1234567') return { html: enormousPage() };
      if (path === '/odd-markup/1234567') return { html: oddMarkup() };
      return undefined;
    },
  });
});

/** Five megabytes of paragraphs with no article markup at all. */
function enormousPage(): string {
  const paragraph = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40)}</p>`;
  return `<!doctype html><html><head><title>Huge</title></head><body>${paragraph.repeat(2200)}</body></html>`;
}

/** Broken, nested and misleading markup: an articleBody with nothing in it, stray headlines. */
function oddMarkup(): string {
  return `<!doctype html><html><head><meta property="og:type" content="article"><title> - Global Research</title></head>
<body><h2 itemprop="headline"></h2><div itemprop="articleBody"><div><div><span>&nbsp;</span></div></div></div>
<table><tr><td><h1><h1><p>unclosed <b>tags <i>everywhere</table><svg><text>svg</text></svg><template><p>hidden</p></template>
<script>window.__pageScriptRan = true</script></body></html>`;
}

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
    await popup
      .getByRole('status')
      .filter({ hasText: 'works on Global Research articles' })
      .waitFor();
    expect(await session.badgeText(tabId)).toBe('');
    await popup.close();
    await page.close();
  });

  it('stays quiet on pages it does not expect: no body, an enormous page, odd markup', async () => {
    for (const path of ['/no-body/1234567', '/enormous/1234567', '/odd-markup/1234567']) {
      const errors: string[] = [];
      const page = await session.context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
      });
      await page.goto(`https://www.globalresearch.ca${path}`, { waitUntil: 'load' });
      await page.bringToFront();
      const tabId = await session.tabIdOf(page);
      const popup = await session.openPopup(tabId);
      await popup
        .getByRole('status')
        .filter({ hasText: 'works on Global Research articles' })
        .waitFor();
      expect(await session.badgeText(tabId)).toBe('');
      expect(
        await page.evaluate(
          // Our hosts are plain elements with a closed shadow root, the one kind of element that
          // refuses a second root (this check spoils the page, which is closed right after).
          () =>
            [...document.querySelectorAll('div, span')].filter((element) => {
              try {
                element.attachShadow({ mode: 'open' });
                return false;
              } catch {
                return true;
              }
            }).length,
        ),
      ).toBe(0);
      expect(errors).toEqual([]);
      await popup.close();
      await page.close();
    }
  });

  it('made no network request of its own during the run', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
