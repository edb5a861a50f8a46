/**
 * The claims layer in real Chromium: every claim of the pack is highlighted, each popover opens
 * by click and by keyboard, shows its sources, closes with Escape and gives focus back; Tab
 * reaches the markers in reading order; the highlights shift nothing on the page; screenshots
 * in light and dark mode are saved as artefacts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { VERDICT_LABELS } from '../utils/packs/verdicts';
import { ARTICLE_URL } from './fixtures';
import { type AccessibilityProbe, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts, setSettings } from './harness/page-ui';
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
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

let session: ChromiumSession;
let page: Page;
let probe: AccessibilityProbe;

async function claimHighlightTexts(): Promise<string[]> {
  const byName = await highlightedTexts(page);
  return Object.entries(byName)
    .filter(([name]) => name.includes('claim'))
    .flatMap(([, texts]) => texts.map(squash));
}

beforeAll(async () => {
  session = await launchChromium();
  page = await session.open(ARTICLE_URL);
  await waitUntil(claimHighlightTexts, (texts) => texts.length === claims.length, {
    what: 'all claims to be highlighted',
  });
  probe = await probeAccessibility(page);
});

afterAll(async () => {
  await probe?.detach();
  await session?.close();
});

/** The middle of the first line of a claim's highlighted text, in viewport coordinates. */
async function pointInClaim(exact: string): Promise<{ x: number; y: number }> {
  return page.evaluate((wanted) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const highlight of registry.values()) {
      for (const range of highlight) {
        if (range.toString().replace(/\s+/g, ' ').trim() === wanted) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0];
          if (rect)
            return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
        }
      }
    }
    throw new Error(`claim not highlighted: ${wanted}`);
  }, squash(exact));
}

describe('claims in Chromium', () => {
  it('highlights every claim of the pack, once each, on exactly its words', async () => {
    const texts = await claimHighlightTexts();
    expect(texts.sort()).toEqual(claims.map((claim) => squash(claim.quote.exact)).sort());
  });

  it('gives every claim a marker button named for its verdict', async () => {
    const markers = await probe.find('button', /^Claim: /);
    expect(markers).toHaveLength(claims.length);
    const names = markers.map((marker) => marker.name?.value);
    for (const claim of claims) {
      expect(names).toContain(`Claim: ${VERDICT_LABELS[claim.verdict]}. Open context`);
    }
  });

  it('opens each claim by a click on its text, with its sources as links', async () => {
    for (const claim of claims) {
      const point = await pointInClaim(claim.quote.exact);
      await page.mouse.click(point.x, point.y);
      const dialog = await waitForPopover(
        page,
        new RegExp(`^Claim: ${VERDICT_LABELS[claim.verdict]}`),
      );
      expect(squash((await dialog.getAttribute('aria-labelledby')) ?? '')).not.toBe('');
      expect(squash((await dialog.textContent()) ?? '')).toContain(squash(claim.summary));
      // The popover stays inside the viewport, wherever its claim is.
      const box = await popoverBox(page);
      const viewport = page.viewportSize()!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      const links = await dialog.getByRole('link').all();
      const hrefs = new Set(await Promise.all(links.map((link) => link.getAttribute('href'))));
      for (const source of claim.sources) expect(hrefs).toContain(source.url);
      await page.keyboard.press('Escape');
      await waitForPopoverClosed(page);
    }
  });

  it('opens from the marker with Enter and with Space, and Escape gives focus back to the marker', async () => {
    const markers = await probe.find('button', /^Claim: /);
    for (const key of ['Enter', ' ']) {
      const marker = markers[0]!;
      await probe.focus(marker);
      await page.keyboard.press(key);
      await waitForPopover(page, /^Claim: /);
      // Focus moves into the dialog once it has rendered.
      const focusedInside = await waitUntil(
        () => focusInPopover(page),
        (focus) => focus?.role === 'dialog',
        { what: 'focus in the dialog' },
      );
      expect(focusedInside?.tag).toBe('div');
      // Escape is pressed where focus is: inside the frame.
      await page.keyboard.press('Escape');
      await waitForPopoverClosed(page);
      const focusedAfter = await waitUntil(
        () => probe.focused(),
        (node) => node?.backendDOMNodeId === marker.backendDOMNodeId,
        { what: 'focus back on the marker' },
      );
      expect(focusedAfter?.name?.value).toBe(marker.name?.value);
    }
  });

  it('reaches the markers with Tab in reading order', async () => {
    // Start from the top of the page, as a reader arriving on it: a click on the headline sets
    // where sequential focus navigation begins.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('heading', { level: 2 }).first().click();
    await page.keyboard.press('Escape');
    const inDocumentOrder = (await probe.find('button', /^Claim: /)).map(
      (node) => node.backendDOMNodeId,
    );
    const reached: number[] = [];
    for (let presses = 0; presses < 200 && reached.length < inDocumentOrder.length; presses++) {
      await page.keyboard.press('Tab');
      const focused = await probe.focused();
      if (focused?.name?.value?.startsWith('Claim: ') && focused.backendDOMNodeId !== undefined) {
        if (!reached.includes(focused.backendDOMNodeId)) reached.push(focused.backendDOMNodeId);
      }
    }
    expect(reached).toEqual(inDocumentOrder);
  });

  it('goes to the next claim with Alt+Shift+J and opens it', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Alt+Shift+J');
    const dialog = await waitForPopover(page, /^Claim: /);
    const firstText = squash((await dialog.textContent()) ?? '');
    // Focus is in the popover, so the keys keep working there: J again reaches another claim,
    // K comes back, and Escape closes.
    await waitUntil(
      () => focusInPopover(page),
      (focus) => focus?.role === 'dialog',
      { what: 'focus in the popover' },
    );
    await page.keyboard.press('Alt+Shift+J');
    await waitUntil(
      async () => squash((await (await waitForPopover(page, /^Claim: /)).textContent()) ?? ''),
      (text) => text !== firstText,
      { what: 'the next claim' },
    );
    await page.keyboard.press('Alt+Shift+K');
    await waitUntil(
      async () => squash((await (await waitForPopover(page, /^Claim: /)).textContent()) ?? ''),
      (text) => text === firstText,
      { what: 'the first claim again' },
    );
    await page.keyboard.press('Escape');
    await waitForPopoverClosed(page);
  });

  it('saves screenshots of the highlighted article and an open popover, light and dark', async () => {
    const dir = artifactsDir('screenshots');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const claim = claims.find((c) => c.verdict === 'misleading') ?? claims[0]!;
      await pointInClaim(claim.quote.exact);
      await page.screenshot({ path: join(dir, `article-${scheme}.png`) });
      const point = await pointInClaim(claim.quote.exact);
      await page.mouse.click(point.x, point.y);
      await waitForPopover(page, /^Claim: Misleading/);
      // The site is white: the popover stays light when only the system theme is dark.
      const frame = await popoverFrame(page);
      expect(await frame.evaluate(() => document.getElementById('app')?.dataset.theme)).toBe(
        'light',
      );
      expect(
        await frame.evaluate(() => {
          const dialog = document.querySelector('[role="dialog"]');
          return dialog ? getComputedStyle(dialog).backgroundColor : '';
        }),
      ).toBe('rgb(255, 255, 255)');
      // Let the popover's entrance animation finish before the picture.
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(dir, `claim-popover-${scheme}.png`) });
      await page.keyboard.press('Escape');
      await waitForPopoverClosed(page);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shifts nothing: every element of the page stays where it was with highlights on and off', async () => {
    // The page cannot tell our hosts from its own elements (that is the point of them), so the
    // page's elements are taken with highlights off, then measured with them on.
    const positions = () =>
      page.evaluate(() => {
        window.scrollTo(0, 0);
        const memory = window as unknown as { pageElements?: Element[] };
        if (!memory.pageElements) memory.pageElements = [...document.body.querySelectorAll('*')];
        const known = memory.pageElements;
        return known.map((element) => {
          const rect = element.getBoundingClientRect();
          return `${element.tagName} ${rect.x.toFixed(1)},${rect.y.toFixed(1)} ${rect.width.toFixed(1)}x${rect.height.toFixed(1)}`;
        });
      });
    await setSettings(session, { claimHighlights: false, noteHighlights: false });
    await waitUntil(claimHighlightTexts, (texts) => texts.length === 0, {
      what: 'highlights to go',
    });
    const without = await positions();
    await setSettings(session, { claimHighlights: true, noteHighlights: true });
    await waitUntil(claimHighlightTexts, (texts) => texts.length === claims.length, {
      what: 'highlights to return',
    });
    const withHighlights = await positions();
    expect(without.length).toBeGreaterThan(100);
    expect(withHighlights).toEqual(without);
  });

  it('opens on hover after a short delay, stays while the pointer travels into it, and closes after', async () => {
    const claim = claims.find((c) => c.verdict === 'supported') ?? claims[0]!;
    await page.mouse.move(5, 5);
    const point = await pointInClaim(claim.quote.exact);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await waitForPopover(page, /^Claim: /);
    // Hovering does not take focus from where the reader was.
    expect(await focusInPopover(page)).toBeNull();
    // Travel from the text into the popover: it stays open.
    const box = await popoverBox(page);
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 5 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await openPopovers(page)).toBe(1);
    // Away from both: it closes.
    await page.mouse.move(5, page.viewportSize()!.height - 5, { steps: 5 });
    await waitForPopoverClosed(page);
  });

  it('follows its claim when the page scrolls', async () => {
    const claim = claims[0]!;
    const point = await pointInClaim(claim.quote.exact);
    await page.mouse.click(point.x, point.y);
    await waitForPopover(page, /^Claim: /);
    // Where the popover settles once placed: two readings in a row agree.
    let previous = { x: Number.NaN, y: Number.NaN };
    const before = await waitUntil(
      () => popoverBox(page),
      (box) => {
        const settled = box.x === previous.x && box.y === previous.y;
        previous = box;
        return settled;
      },
      { what: 'the popover to settle' },
    );
    await page.mouse.wheel(0, 120);
    const after = await waitUntil(
      () => popoverBox(page),
      (box) => Math.abs(box.y - (before.y - 120)) < 2,
      { what: 'the popover to move with the page' },
    );
    expect(after.x).toBeCloseTo(before.x, 0);
    await page.keyboard.press('Escape');
  });

  it('made no network request of its own', () => {
    expect(session.unexpectedRequests).toEqual([]);
  });

  it('leaves the site’s own script working', async () => {
    expect(
      await page.evaluate(() => (window as unknown as { __siteScriptOk?: boolean }).__siteScriptOk),
    ).toBe(true);
  });
});
