/**
 * Counterpoint in real Firefox (ESR), installed as a temporary add-on: it recognises the article
 * at its real address (also on the bare domain with a query and a fragment, and when the body
 * arrives late), paints every claim with a keyboard marker, opens a claim's popover from the
 * keyboard and gives focus back, leaves other pages alone, and makes no network request.
 *
 * WebDriver BiDi will not open moz-extension:// pages, so the popup and the badge are checked in
 * Chromium; here everything is observed from the page, as a reader meets it. Notes are added
 * with the mouse and survive a reload.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_PATH, ARTICLE_URL, THEME_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { ARTICLE_URL_VARIANT } from './harness/offline-site';
import { selectWithMouse } from './harness/selection';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;
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

/** How many claim ranges the page's highlight registry holds, and how many markers the page has. */
function paintedClaims(page: Page): Promise<{ highlighted: number; markers: number }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    let highlighted = 0;
    for (const [name, highlight] of registry ?? [])
      if (name.includes('claim')) highlighted += highlight.size;
    return { highlighted, markers: document.querySelectorAll('counterpoint-marker').length };
  });
}

async function waitForClaims(page: Page) {
  return waitUntil(
    () => paintedClaims(page),
    (painted) => painted.highlighted === claimCount && painted.markers === claimCount,
    { what: 'every claim to be painted', timeoutMs: 15_000 },
  );
}

describe('Counterpoint in Firefox', () => {
  it('recognises the article and paints every claim with its marker', async () => {
    const page = await session.open(ARTICLE_URL);
    expect(await waitForClaims(page)).toEqual({ highlighted: claimCount, markers: claimCount });
    expect(
      await page.evaluate(() => (window as unknown as { __siteScriptOk?: boolean }).__siteScriptOk),
    ).toBe(true);
    await page.close();
  });

  it('opens a claim from its marker with Enter, and Escape gives focus back', async () => {
    const page = await session.open(ARTICLE_URL);
    await waitForClaims(page);
    const focusedTag = () =>
      page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '');
    // Tab from the top of the page until a claim marker has focus.
    let tag = '';
    for (let presses = 0; presses < 80 && tag !== 'counterpoint-marker'; presses++) {
      await page.keyboard.press('Tab');
      tag = await focusedTag();
    }
    expect(tag).toBe('counterpoint-marker');
    await page.keyboard.press('Enter');
    // Focus moves into the popover, inside Counterpoint's own (closed) overlay.
    expect(
      await waitUntil(focusedTag, (value) => value === 'counterpoint-overlay', {
        what: 'focus in the popover',
      }),
    ).toBe('counterpoint-overlay');
    await page.keyboard.press('Escape');
    expect(
      await waitUntil(focusedTag, (value) => value === 'counterpoint-marker', {
        what: 'focus back on the marker',
      }),
    ).toBe('counterpoint-marker');
    await page.close();
  });

  it('recognises the article on the bare domain over http, with a query and a fragment', async () => {
    const page = await session.open(ARTICLE_URL_VARIANT);
    await waitForClaims(page);
    await page.close();
  });

  it('recognises the article when its body arrives after load', async () => {
    const page = await session.open(`${ARTICLE_URL}?copy=late`);
    await waitForClaims(page);
    await page.close();
  });

  it('leaves a non-article page alone', async () => {
    const page = await session.open(THEME_URL);
    // Give the content script time to decide; the theme page must stay untouched.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await paintedClaims(page)).toEqual({ highlighted: 0, markers: 0 });
    expect(
      await page.evaluate(() => document.querySelectorAll('counterpoint-overlay').length),
    ).toBe(0);
    await page.close();
  });
});

describe('notes in Firefox', () => {
  const NOTE = 'Firefox private note 5b1e: check this';

  function noteHighlights(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      const texts: string[] = [];
      for (const [name, highlight] of registry ?? []) {
        if (name.includes('note')) for (const range of highlight) texts.push(range.toString());
      }
      return texts;
    });
  }

  it('adds a note from a mouse selection, keeps its text from the page, and keeps the note across a reload', async () => {
    const passage = 'the more poverty in these countries';
    const page = await session.open(ARTICLE_URL);
    await waitForClaims(page);
    const box = await selectWithMouse(page, passage);
    // The "Add note" button sits centred just above the selection (in a closed shadow root, so
    // the test clicks where a reader would see it).
    await new Promise((resolve) => setTimeout(resolve, 600));
    await page.mouse.click(box.centre, box.top - 6 - 14);
    const focusedTag = () =>
      page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '');
    await waitUntil(focusedTag, (tag) => tag === 'counterpoint-overlay', {
      what: 'the note editor',
    });
    await page.keyboard.type(NOTE);
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    expect(
      await waitUntil(
        () => noteHighlights(page),
        (texts) => texts.length === 1,
        { what: 'the note highlight' },
      ),
    ).toEqual([passage]);
    const visible = await page.evaluate(
      (secret) =>
        document.documentElement.outerHTML.includes(secret) ||
        (document.body.textContent ?? '').includes(secret),
      NOTE,
    );
    expect(visible).toBe(false);
    await page.reload({ waitUntil: 'load' });
    expect(
      await waitUntil(
        () => noteHighlights(page),
        (texts) => texts.length === 1,
        { what: 'the note after reload' },
      ),
    ).toEqual([passage]);
    await page.close();
  });
});

describe('the whole Firefox run', () => {
  it('made no network request of its own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
