/**
 * Counterpoint in real Firefox (ESR), installed as a temporary add-on: it recognises the article
 * at its real address (also on the bare domain with a query and a fragment, and when the body
 * arrives late), paints every claim with a keyboard marker, opens a claim's popover from the
 * keyboard and gives focus back, leaves other pages alone, and makes no network request.
 *
 * The popover is an extension page (`popover.html`) in a frame inside a closed shadow root: the
 * test finds that frame, checks its dialog by role and name there, and acts with the real
 * keyboard and mouse. Markers sit in closed shadow roots too: they are counted by role and name
 * (WebDriver BiDi reaches into closed roots as the accessibility tree does) and as the focus stops
 * a reader tabs through. Notes are added with the mouse, typed in the frame, kept out of the
 * page's reach, and survive a reload. The popup and the badge: `toolbar.firefox.e2e.ts`.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_PATH, ARTICLE_URL, THEME_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import {
  frameDialog,
  openNoteByClick,
  saveNoteOnSelection,
  waitForPopoverFrame,
} from './harness/firefox-popover';
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

/**
 * How many claim ranges the page's highlight registry holds, and how many claim markers (buttons
 * named "Claim: …" in closed shadow roots) the page has.
 */
async function paintedClaims(page: Page): Promise<{ highlighted: number; markers: number }> {
  const highlighted = await page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    let count = 0;
    for (const [name, highlight] of registry ?? [])
      if (name.includes('claim')) count += highlight.size;
    return count;
  });
  const buttons = await session.findControls(page, 'button');
  const markers = buttons.filter((button) =>
    (button.attributes['aria-label'] ?? '').startsWith('Claim: '),
  ).length;
  return { highlighted, markers };
}

async function waitForClaims(page: Page) {
  return waitUntil(
    () => paintedClaims(page),
    (painted) => painted.highlighted === claimCount && painted.markers === claimCount,
    { what: 'every claim to be painted', timeoutMs: 15_000 },
  );
}

/**
 * What has focus, as the page sees it: a marker is a `span` the page cannot focus by itself (no
 * tabindex, not editable), so focus on one means focus inside its shadow root. The reading
 * guide's host is such a `span` too (the headline's last child), but a zero-size box taken out of
 * the flow; markers sit in the article's text.
 */
function focusedIsMarkerHost(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return (
      active instanceof HTMLSpanElement &&
      !active.hasAttribute('tabindex') &&
      !active.isContentEditable &&
      active.shadowRoot === null &&
      getComputedStyle(active).position !== 'absolute'
    );
  });
}

describe('Counterpoint in Firefox', () => {
  it('recognises the article and paints every claim with its marker', async () => {
    const page = await session.open(ARTICLE_URL);
    expect(await waitForClaims(page)).toEqual({ highlighted: claimCount, markers: claimCount });
    expect(
      await page.evaluate(() => (window as unknown as { __siteScriptOk?: boolean }).__siteScriptOk),
    ).toBe(true);
    // Every marker is a stop for the keyboard: tab through the whole page and count them.
    await page.evaluate(() => {
      (window as unknown as { __markerStops: Set<Element> }).__markerStops = new Set();
    });
    let markerStops = 0;
    let entered = false;
    for (let presses = 0; presses < 400; presses++) {
      await page.keyboard.press('Tab');
      const onMarker = await focusedIsMarkerHost(page);
      const stop = await page.evaluate((marker) => {
        const stops = (window as unknown as { __markerStops: Set<Element> }).__markerStops;
        const active = document.activeElement;
        if (marker && active) stops.add(active);
        return { markers: stops.size, inPage: active !== null && active !== document.body };
      }, onMarker);
      markerStops = stop.markers;
      // Out of the page again, into the browser's own UI: every stop has been visited.
      if (entered && !stop.inPage) break;
      entered ||= stop.inPage;
    }
    expect(markerStops).toBe(claimCount);
    await page.close();
  });

  it('opens a claim from its marker with Enter, and Escape gives focus back', async () => {
    const page = await session.open(ARTICLE_URL);
    await waitForClaims(page);
    // Tab from the top of the page until a claim marker has focus.
    let onMarker = false;
    for (let presses = 0; presses < 80 && !onMarker; presses++) {
      await page.keyboard.press('Tab');
      onMarker = await focusedIsMarkerHost(page);
    }
    expect(onMarker).toBe(true);
    const marker = await page.evaluateHandle(() => document.activeElement);
    await page.keyboard.press('Enter');
    // The claim's popover opens in the popover frame, and focus moves to its dialog.
    const frame = await waitForPopoverFrame(session, page);
    const dialog = await waitUntil(
      () => frameDialog(frame),
      (state) => state?.focused === true,
      { what: 'focus in the claim popover' },
    );
    expect(dialog?.name).toMatch(/^Claim: /);
    // The page sees focus on the frame's host (a plain div), never what is inside the frame.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('div');
    await page.keyboard.press('Escape');
    await waitUntil(
      () => frameDialog(frame),
      (state) => state === null,
      { what: 'the popover to close' },
    );
    expect(
      await waitUntil(
        () => page.evaluate((host) => document.activeElement === host, marker),
        (back) => back,
        { what: 'focus back on the marker' },
      ),
    ).toBe(true);
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
    expect(await session.findControls(page, 'button')).toEqual([]);
    expect(page.frames()).toHaveLength(1);
    await page.close();
  });
});

describe('notes in Firefox', () => {
  const NOTE = 'Firefox private note 5b1e: check this';
  const PASSAGE = 'the more poverty in these countries';

  /** Whether the page can find the note's text anywhere it can read, or notes in the registry. */
  function pageSees(page: Page): Promise<{ text: boolean; noteHighlights: number }> {
    return page.evaluate((secret) => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      let noteHighlights = 0;
      for (const [name, highlight] of registry ?? [])
        if (name.includes('note')) noteHighlights += highlight.size;
      return {
        text:
          document.documentElement.outerHTML.includes(secret) ||
          (document.body.textContent ?? '').includes(secret),
        noteHighlights,
      };
    }, NOTE);
  }

  /** Saves a note on a passage with the mouse and keyboard, in the given page. */
  async function addNote(page: Page, passage: string, text: string): Promise<void> {
    await selectWithMouse(page, passage);
    const editor = await saveNoteOnSelection(session, page, text);
    expect(editor?.name).toBe('Add note');
    expect(editor?.text).toContain(passage);
  }

  it('adds a note from a mouse selection, keeps its text from the page, and keeps the note across a reload', async () => {
    const page = await session.open(ARTICLE_URL);
    await waitForClaims(page);
    await addNote(page, PASSAGE, NOTE);
    expect(await pageSees(page)).toEqual({ text: false, noteHighlights: 0 });

    await page.reload({ waitUntil: 'load' });
    await waitForClaims(page);
    const note = await openNoteByClick(session, page, PASSAGE);
    expect(note?.text).toContain(NOTE);
    expect(note?.text).toContain(PASSAGE);
    expect(await pageSees(page)).toEqual({ text: false, noteHighlights: 0 });
    await page.close();
  });

  it('saves a note on the bare domain over http too', async () => {
    const passage = 'a protective state for the developing nations';
    const text = 'Firefox http note 9c2d';
    const page = await session.open(ARTICLE_URL_VARIANT);
    await waitForClaims(page);
    await addNote(page, passage, text);
    const note = await openNoteByClick(session, page, passage);
    expect(note?.text).toContain(text);
    await page.close();
  });
});

describe('the whole Firefox run', () => {
  it('made no network request of its own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });
});
