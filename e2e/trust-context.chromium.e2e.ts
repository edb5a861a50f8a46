/**
 * What lets a reader check a verdict, in real Chromium: the review date and the "How
 * Counterpoint checks" page reached from a claim popover by keyboard alone; the Contradicted
 * verdict painted and announced as itself; each source listed once per popover; and "Copy link
 * to this claim" putting a text-fragment link on the clipboard that opens the article at the
 * passage.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatPartialDate } from '../components/dates';
import { textFragmentLink } from '../utils/anchoring/text-fragment';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_URL } from './fixtures';
import { type AccessibilityProbe, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts } from './harness/page-ui';
import { artifactsDir } from './harness/paths';
import {
  focusInPopover,
  openPopovers,
  popoverBox,
  popoverFrame,
  waitForPopover,
  waitForPopoverClosed,
} from './harness/popover';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const claims = pack.claims;
const contradicted = claims.filter((claim) => claim.verdict === 'contradicted');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

let session: ChromiumSession;
let page: Page;
let probe: AccessibilityProbe;

async function claimHighlights(): Promise<Record<string, string[]>> {
  const byName = await highlightedTexts(page);
  return Object.fromEntries(
    Object.entries(byName)
      .filter(([name]) => name.includes('claim'))
      .map(([name, texts]) => [name, texts.map(squash)]),
  );
}

/** The text of what has focus inside the popover frame, if focus is there. */
function focusedText(frame: Frame): Promise<string | null> {
  return frame.evaluate(() =>
    document.hasFocus() && document.activeElement !== document.body
      ? (document.activeElement?.textContent ?? '').trim()
      : null,
  );
}

/** Opens a claim's popover from its marker with the keyboard (focus the marker, Enter). */
async function openByKeyboard(markerName: string | RegExp) {
  const [marker] = await probe.find('button', markerName);
  if (!marker) throw new Error(`no marker named ${String(markerName)}`);
  await probe.focus(marker);
  await page.keyboard.press('Enter');
  const dialog = await waitForPopover(page, /^Claim: /);
  await waitUntil(
    () => focusInPopover(page),
    (focus) => focus?.role === 'dialog',
    { what: 'focus in the dialog' },
  );
  return dialog;
}

async function close(): Promise<void> {
  await page.keyboard.press('Escape');
  await waitForPopoverClosed(page);
}

beforeAll(async () => {
  session = await launchChromium();
  page = await session.open(ARTICLE_URL);
  await waitUntil(
    async () => Object.values(await claimHighlights()).flat(),
    (texts) => texts.length === claims.length,
    { what: 'all claims to be highlighted' },
  );
  probe = await probeAccessibility(page);
});

// A test that fails with a popover open leaves the next one a clean page.
afterEach(async () => {
  if ((await openPopovers(page)) > 0) await close();
});

afterAll(async () => {
  await probe?.detach();
  await session?.close();
});

describe('trust context in Chromium', () => {
  it('shows the review date, and Tab then Enter open the method page in a new tab', async () => {
    const dialog = await openByKeyboard(/^Claim: /);
    expect(squash((await dialog.textContent()) ?? '')).toContain(
      `Reviewed ${formatPartialDate(pack.lastReviewed)}`,
    );
    const frame = await popoverFrame(page);
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = (await focusedText(frame)) === 'How Counterpoint checks';
    }
    expect(reached).toBe(true);
    const opened = session.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const method = await opened;
    await method
      .getByRole('heading', { level: 1, name: 'How Counterpoint checks' })
      .waitFor({ timeout: 10_000 });
    expect(method.url()).toBe(`chrome-extension://${session.extensionId}/method.html`);
    await method.close();
    await page.bringToFront();
    await close();
  });

  it('paints the Contradicted verdict as its own highlight and announces it', async () => {
    expect(contradicted.length).toBeGreaterThan(0);
    const highlights = await claimHighlights();
    const painted = Object.entries(highlights)
      .filter(([name]) => name.includes('contradicted'))
      .flatMap(([, texts]) => texts);
    expect(painted.sort()).toEqual(contradicted.map((claim) => squash(claim.quote.exact)).sort());
    const markers = await probe.find('button', /^Claim: Contradicted/);
    expect(markers).toHaveLength(contradicted.length);
    for (const marker of markers) {
      expect(marker.name?.value).toBe('Claim: Contradicted. Open context');
    }
    await openByKeyboard(/^Claim: Contradicted/);
    // The dialog is named by its heading, then its summary: "Claim: Contradicted <summary>".
    const dialog = await waitForPopover(page, /^Claim: Contradicted /);
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toContain('Contradicted');
    await close();
  });

  it('lists each source once per popover', async () => {
    const markers = await probe.find('button', /^Claim: /);
    expect(markers).toHaveLength(claims.length);
    for (const marker of markers) {
      await probe.focus(marker);
      await page.keyboard.press('Enter');
      const dialog = await waitForPopover(page, /^Claim: /);
      const hrefs = await Promise.all(
        (await dialog.getByRole('link').all()).map((link) => link.getAttribute('href')),
      );
      expect(hrefs.length).toBeGreaterThan(1);
      expect(new Set(hrefs).size, `duplicated source in ${marker.name?.value}`).toBe(hrefs.length);
      await close();
    }
  });

  it('copies a text-fragment link to the claim with a real click, and says "Link copied"', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const claim = contradicted[0] ?? claims[0]!;
    const dialog = await openByKeyboard(/^Claim: Contradicted/);
    const button = dialog.getByRole('button', { name: 'Copy link to this claim' });
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    if (!box) throw new Error('the copy button is not laid out');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const frame = await popoverFrame(page);
    await waitUntil(
      () => frame.getByRole('status').textContent(),
      (text) => text === 'Link copied',
      { what: '"Link copied"' },
    );
    const expected = textFragmentLink(ARTICLE_URL, claim.quote.exact);
    expect(expected).toContain('#:~:text=');
    // The frame may write to the clipboard but not read it; the test reads it from the page.
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(expected);
    // The link opens the article at the passage: the browser scrolls the claim's text into view.
    const linked = await session.context.newPage();
    await linked.goto(copied);
    const inView = await waitUntil(
      () =>
        linked.evaluate((start) => {
          const paragraph = [...document.querySelectorAll('p')].find((p) =>
            (p.textContent ?? '').replace(/\s+/g, ' ').includes(start),
          );
          const box = paragraph?.getBoundingClientRect();
          return box !== undefined && window.scrollY > 0 && box.top >= 0 && box.top < innerHeight;
        }, squash(claim.quote.exact).split(' ').slice(0, 4).join(' ')),
      (visible) => visible,
      { what: 'the linked passage in view' },
    );
    expect(inView).toBe(true);
    await linked.close();
    await page.bringToFront();
    // Pictures of the popover with "Link copied", light and dark, to look at.
    const dir = artifactsDir('screenshots');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(250);
      await page.screenshot({
        path: join(dir, `claim-link-copied-${scheme}.png`),
        clip: await popoverBox(page),
      });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await close();
  });
});
