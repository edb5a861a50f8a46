/**
 * Firefox's browser console stays clean of Counterpoint's traces over a reader's visit: open the
 * article, scroll it, open a claim and scroll with it open, close the tab. Two messages used to
 * appear there: "sendRemoveListener on closed conduit" (once for each `storage.onChanged`
 * listener the content script still held when the tab closed: Firefox removes them after their
 * channel has closed) and "This site appears to use a scroll-linked positioning effect" (our
 * popover and reading guide were moved from scroll events, so they lagged behind the page).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_URL } from './fixtures';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { type BrowserConsole, collectBrowserConsole } from './harness/firefox-console';
import { frameDialog, waitForPopoverFrame } from './harness/firefox-popover';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;
const UNWANTED = [/sendRemoveListener on closed conduit/, /scroll-linked positioning effect/];

let session: FirefoxSession;

/** Turns the mouse wheel until the page has scrolled by `distance` (either way) from here. */
async function scrollWithWheel(page: Page, distance: number): Promise<void> {
  const from = await page.evaluate(() => window.scrollY);
  const step = distance / 4;
  for (let turn = 0; turn < 4; turn++) await page.mouse.wheel({ deltaY: step });
  await waitUntil(
    () => page.evaluate(() => window.scrollY),
    (now) => Math.abs(now - from) >= Math.abs(distance) - 2,
    { what: 'the page to scroll' },
  );
}
let browserConsole: BrowserConsole;

beforeAll(async () => {
  session = await launchFirefox();
  browserConsole = await collectBrowserConsole(session);
});

afterAll(async () => {
  await session?.close();
});

describe('the browser console in Firefox', () => {
  it('shows no closed-conduit error and no scroll-linked positioning warning over open, scroll and close', async () => {
    const page = await session.open(ARTICLE_URL);
    await waitUntil(
      async () => (await session.findControls(page, 'button')).length,
      (markers) => markers >= claimCount,
      { what: 'the claim markers', timeoutMs: 15_000 },
    );
    const [marker] = (await session.findControls(page, 'button')).filter((control) =>
      (control.attributes['aria-label'] ?? '').startsWith('Claim: '),
    );
    if (!marker) throw new Error('no claim marker');
    // Open a claim and scroll with it open, then close it and scroll on (the reading guide is
    // on screen at the top).
    await session.click(page, marker);
    const frame = await waitForPopoverFrame(session, page);
    await waitUntil(
      () => frameDialog(frame),
      (dialog) => dialog?.name.startsWith('Claim: ') === true,
      { what: 'the claim popover' },
    );
    await page.mouse.move(5, 5);
    await scrollWithWheel(page, 120);
    await page.keyboard.press('Escape');
    await waitUntil(
      () => frameDialog(frame),
      (dialog) => dialog === null,
      { what: 'the popover to close' },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await scrollWithWheel(page, 400);
    await page.close();
    // The closed tab's scripts are torn down a moment after it closes, and the errors came then:
    // give the console that long to show one (a wait for something that must not happen).
    const shown = await waitUntil(
      () => browserConsole.messages(),
      (messages) => messages.some((message) => UNWANTED.some((pattern) => pattern.test(message))),
      { what: 'an unwanted console message', timeoutMs: 4000 },
    ).catch(() => null);
    const messages = shown ?? (await browserConsole.messages());
    expect(messages.filter((message) => UNWANTED.some((pattern) => pattern.test(message)))).toEqual(
      [],
    );
    // The console was read at all: the visit left other messages there (the site's own).
    expect(messages.length).toBeGreaterThan(0);
  });
});
