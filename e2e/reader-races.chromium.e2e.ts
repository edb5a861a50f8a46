/**
 * The quick-reader suite (`suites/reader-races.ts`) in real Chromium, and two paths only Chromium
 * lets a test watch: a passage selected while the article is still loading (its last script held
 * back), before Counterpoint has started on it, gets its "Add note" once Counterpoint is there;
 * and the editor opened from a claim's "Add note to this claim" takes the caret without the
 * popover frame ever losing focus on the way (it used to, for the page to give it back).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_PATH, ARTICLE_URL, readFixture } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { chromiumDriver } from './harness/driver-chromium';
import {
  focusInPopover,
  popoverFrame,
  waitForPopover,
  waitForPopoverClosed,
} from './harness/popover';
import { waitForEditorFocus } from './harness/reader';
import { selectWithMouse } from './harness/selection';
import { waitUntil } from './harness/wait';
import { defineReaderRacesSuite } from './suites/reader-races';

defineReaderRacesSuite(chromiumDriver);

/** A passage that no claim covers. */
const PASSAGE = 'any optimism regarding this topic should be carefully considered';
/** A script at the end of the article, held back by the test: the page stays loading. */
const HELD_SCRIPT = '/counterpoint-test-held-script.js';

describe('a passage selected while the article loads, in Chromium', () => {
  let session: ChromiumSession;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    const article = readFixture('article.html').replace(
      '</body>',
      `<script src="${HELD_SCRIPT}"></script></body>`,
    );
    session = await launchChromium({
      site: (url) =>
        url.pathname.replace(/\/+$/, '') === ARTICLE_PATH ? { html: article } : undefined,
    });
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Registered after the session's own routes, so it answers first.
    await session.context.route(
      (url) => url.pathname === HELD_SCRIPT,
      async (route) => {
        await held;
        await route.fulfill({ contentType: 'text/javascript', body: 'void 0;' });
      },
    );
  });

  afterAll(async () => {
    release();
    await session?.close();
  });

  it('offers "Add note" for it once Counterpoint has painted, with no further input', async () => {
    const page: Page = await session.context.newPage();
    await page.goto(ARTICLE_URL, { waitUntil: 'commit' });
    await page.bringToFront();
    await waitUntil(
      () =>
        page.evaluate((wanted) => document.body?.textContent?.includes(wanted) ?? false, PASSAGE),
      (found) => found,
      { what: 'the passage parsed' },
    );
    await selectWithMouse(page, PASSAGE);
    // The document is still loading (the held script blocks its parser): Counterpoint, which
    // starts once the document is idle, has not run, so it saw none of that drag.
    const state = await page.evaluate(() => ({
      loading: document.readyState === 'loading',
      selected: document.getSelection()?.toString() ?? '',
      highlights: (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size,
    }));
    expect(state).toEqual({ loading: true, selected: PASSAGE, highlights: 0 });
    release();
    const probe = await probeAccessibility(page);
    try {
      // Counterpoint paints the claims, then its interface arrives: the selection is offered.
      await probe.click(await probe.waitFor('button', 'Add note', 15_000));
      await waitForEditorFocus(page);
      const quote = await waitUntil(
        async () => {
          const frame = page
            .frames()
            .find((candidate) => candidate.url().includes('/popover.html'));
          return frame
            ? frame.evaluate(() => document.querySelector('blockquote')?.textContent ?? '')
            : '';
        },
        (text) => text !== '',
        { what: 'the passage in the editor' },
      );
      expect(quote.replace(/\s+/g, ' ').trim()).toBe(PASSAGE);
    } finally {
      await probe.detach();
    }
  });
});

describe('the editor opened from a claim, in Chromium', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('takes the caret from "Add note to this claim" without the frame ever losing focus', async () => {
    const page = await session.open(ARTICLE_URL);
    const probe = await probeAccessibility(page);
    try {
      for (let round = 0; round < 3; round++) {
        await probe.click(await probe.waitFor('button', /^Claim: /, 15_000));
        await waitForPopover(page, /^Claim: /);
        await waitUntil(
          () => focusInPopover(page),
          (focus) => focus?.role === 'dialog',
          { what: 'focus in the claim popover' },
        );
        const frame = await popoverFrame(page);
        // Every time the frame's window loses focus while the editor replaces the popover.
        await frame.evaluate(() => {
          const counted = window as unknown as { blurs?: number };
          counted.blurs = 0;
          window.addEventListener('blur', () => {
            counted.blurs = (counted.blurs ?? 0) + 1;
          });
        });
        await frame
          .getByRole('dialog')
          .getByRole('button', { name: 'Add note to this claim', exact: true })
          .click();
        await waitForEditorFocus(page);
        expect(
          await frame.evaluate(() => (window as unknown as { blurs?: number }).blurs),
          'the frame lost focus on its way to the editor',
        ).toBe(0);
        await page.keyboard.press('Escape');
        await waitForPopoverClosed(page);
      }
    } finally {
      await probe.detach();
    }
  });
});
