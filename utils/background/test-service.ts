/**
 * Test support for the background service's unit tests: a fresh database seeded with the bundled
 * pack, a service over it with a ticking clock, and the browser's sender records of the article
 * tab, its popover frame and the popup.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARTICLE_HEADLINE, readFixture } from '../../e2e/fixtures';
import type { Browser, Runtime } from '../browser';
import type { UiWords } from '../i18n/ui-words';
import { loadBundledPacks } from '../packs';
import { articleText } from '../page/fingerprint';
import { recogniseArticle } from '../page/recognise';
import { openStore } from '../store/db';
import type { InPageBundle } from './inject-ui';
import { seedPacks } from './seed-packs';
import { createBackgroundService } from './service';

/** WXT's fake browser, as the service's type. */
export const browser = fakeBrowser as unknown as Browser;
/** The published article's address. */
export const ARTICLE =
  'https://www.globalresearch.ca/mexico-president-amlo-meets-vice-president-kamala-harris/5746160';
/** Another Global Research article, which no pack knows. */
export const OTHER_ARTICLE = 'https://www.globalresearch.ca/another-story/5800001';
const { packs } = loadBundledPacks();
/** The bundled pack of the article. */
export const pack = packs[0]!;
/** The article's text as the content script sends it. */
export const ARTICLE_TEXT = (() => {
  const doc = new DOMParser().parseFromString(readFixture('article.html'), 'text/html');
  const recognition = recogniseArticle(doc, ARTICLE);
  if (!recognition) throw new Error('fixture not recognised');
  return articleText(recognition.body);
})();

let databaseCount = 0;

/**
 * A service over a new database holding the bundled packs; `injected` lists the tabs given the
 * UI, `injections` what each injection was given.
 */
export async function setUp() {
  const db = await openStore({ name: `service-test-${databaseCount++}` });
  await seedPacks(db, { packs, errors: [] }, '2026-11-27T00:00:00.000Z');
  let clock = Date.parse('2026-11-27T10:00:00.000Z');
  const injected: number[] = [];
  const injections: { tabId: number; bundle?: InPageBundle; words?: UiWords }[] = [];
  const service = createBackgroundService({
    getDatabase: async () => db,
    browser,
    injectUi: async (tabId, bundle, words) => {
      injected.push(tabId);
      injections.push({ tabId, ...(bundle ? { bundle } : {}), ...(words ? { words } : {}) });
    },
    now: () => {
      clock += 1000;
      return new Date(clock);
    },
  });
  return { db, service, injected, injections };
}

/** {@link setUp}, then the article opened in tab 7. */
export async function openedArticle() {
  const context = await setUp();
  await context.service.handle(
    {
      type: 'page.opened',
      payload: { headline: ARTICLE_HEADLINE, text: ARTICLE_TEXT },
    },
    fromTab(ARTICLE),
  );
  return context;
}

/** The content script of a tab showing this address. */
export function fromTab(url: string, tabId = 7): Runtime.MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    url,
    tab: { id: tabId } as Runtime.MessageSender['tab'],
    frameId: 0,
  };
}

/** The popover frame (an extension page) inside a tab. */
export function fromFrame(tabId = 7): Runtime.MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('/popover.html'),
    tab: { id: tabId } as Runtime.MessageSender['tab'],
    frameId: 3,
  };
}

/** The toolbar popup. */
export const fromPopup: Runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};

/** A note's target quoting these words. */
export const quote = (exact: string) => ({
  selectors: [
    { type: 'TextQuoteSelector' as const, exact, prefix: 'before ', suffix: ' after' },
    { type: 'TextPositionSelector' as const, start: 10, end: 10 + exact.length },
  ],
});
