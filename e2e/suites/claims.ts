/**
 * The claims layer, one suite for every browser: every claim of the pack is highlighted, each
 * popover opens by click and by keyboard, shows its sources, closes with Escape and gives focus
 * back; Tab reaches the markers in reading order; the highlights shift nothing on the page;
 * screenshots in light and dark mode are saved as artefacts. `claims.chromium.e2e.ts` and
 * `claims.firefox.e2e.ts` run it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../../utils/packs';
import { VERDICT_LABELS } from '../../utils/packs/verdicts';
import { ARTICLE_URL } from '../fixtures';
import { claimHighlightTexts, pointInClaim, waitForEveryClaim } from '../harness/claim-highlights';
import type { ArticleTab, Box, BrowserDriver, BrowserSession } from '../harness/driver';
import { artifactsDir } from '../harness/paths';
import { waitUntil } from '../harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const claims = pack.claims;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Sets the reader's settings through the extension's storage, as the popup does. */
function setSettings(
  session: BrowserSession,
  settings: { claimHighlights: boolean; noteHighlights: boolean },
): Promise<void> {
  return session.inExtension(async (value) => {
    const api =
      (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ??
      (globalThis as unknown as { chrome: unknown }).chrome;
    await (api as { storage: { local: { set(items: object): Promise<void> } } }).storage.local.set({
      settings: { pausedHosts: [], ...value },
    });
  }, settings);
}

/** Defines the claims suite for one browser. */
export function defineClaimsSuite(driver: BrowserDriver): void {
  let session: BrowserSession;
  let tab: ArticleTab;

  beforeAll(async () => {
    session = await driver.launch();
    tab = await session.open(ARTICLE_URL);
    await waitForEveryClaim(tab, claims.length);
  });

  afterAll(async () => {
    await session?.close();
  });

  describe(`claims in ${driver.name}`, () => {
    it('highlights every claim of the pack, once each, on exactly its words', async () => {
      const texts = await claimHighlightTexts(tab);
      expect(texts.sort()).toEqual(claims.map((claim) => squash(claim.quote.exact)).sort());
    });

    it('gives every claim a marker button named for its verdict', async () => {
      const markers = await tab.controls('button', /^Claim: /);
      expect(markers).toHaveLength(claims.length);
      const names = markers.map((marker) => marker.name);
      for (const claim of claims) {
        expect(names).toContain(`Claim: ${VERDICT_LABELS[claim.verdict]}. Open context`);
      }
    });

    it('opens each claim by a click on its text, with its sources as links', async () => {
      for (const claim of claims) {
        const point = await pointInClaim(tab, claim.quote.exact);
        await tab.mouse.click(point.x, point.y);
        const dialog = await tab.popover.waitFor(
          new RegExp(`^Claim: ${VERDICT_LABELS[claim.verdict]}`),
        );
        expect(squash(dialog.labelledBy)).not.toBe('');
        expect(squash(dialog.text)).toContain(squash(claim.summary));
        // The popover stays inside the viewport, wherever its claim is.
        const box = await tab.popover.box();
        const viewport = await tab.viewport();
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        const hrefs = new Set(dialog.links);
        for (const source of claim.sources) expect(hrefs).toContain(source.url);
        await tab.keyboard.press('Escape');
        await tab.popover.waitClosed();
      }
    });

    it('opens from the marker with Enter and with Space, and Escape gives focus back to the marker', async () => {
      const markers = await tab.controls('button', /^Claim: /);
      for (const key of ['Enter', ' ']) {
        const marker = markers[0]!;
        await tab.focus(marker);
        await tab.keyboard.press(key);
        await tab.popover.waitFor(/^Claim: /);
        // Focus moves into the dialog once it has rendered.
        const focusedInside = await waitUntil(
          () => tab.popover.focus(),
          (focus) => focus?.role === 'dialog',
          { what: 'focus in the dialog' },
        );
        expect(focusedInside?.tag).toBe('div');
        // Escape is pressed where focus is: inside the frame.
        await tab.keyboard.press('Escape');
        await tab.popover.waitClosed();
        const focusedAfter = await waitUntil(
          () => tab.focused(),
          (control) => control?.id === marker.id,
          { what: 'focus back on the marker' },
        );
        expect(focusedAfter?.name).toBe(marker.name);
      }
    });

    it('reaches the markers with Tab in reading order', async () => {
      // Start from the top of the page, as a reader arriving on it: a click on the headline sets
      // where sequential focus navigation begins.
      const headline = await tab.evaluate(() => {
        window.scrollTo(0, 0);
        const box = document.querySelector('h2')?.getBoundingClientRect();
        if (!box) throw new Error('no headline');
        return { x: box.left + Math.min(box.width / 2, 60), y: box.top + box.height / 2 };
      }, undefined);
      await tab.mouse.click(headline.x, headline.y);
      await tab.keyboard.press('Escape');
      const inDocumentOrder = (await tab.controls('button', /^Claim: /)).map((node) => node.id);
      const reached: string[] = [];
      for (let presses = 0; presses < 200 && reached.length < inDocumentOrder.length; presses++) {
        await tab.keyboard.press('Tab');
        const focused = await tab.focused();
        if (focused?.name.startsWith('Claim: ') && !reached.includes(focused.id)) {
          reached.push(focused.id);
        }
      }
      expect(reached).toEqual(inDocumentOrder);
    });

    it('goes to the next claim with Alt+Shift+J and opens it', async () => {
      await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), undefined);
      await tab.keyboard.press('Alt+Shift+J');
      const dialog = await tab.popover.waitFor(/^Claim: /);
      const firstText = squash(dialog.text);
      // Focus is in the popover, so the keys keep working there: J again reaches another claim,
      // K comes back, and Escape closes.
      await waitUntil(
        () => tab.popover.focus(),
        (focus) => focus?.role === 'dialog',
        { what: 'focus in the popover' },
      );
      await tab.keyboard.press('Alt+Shift+J');
      await waitUntil(
        async () => squash((await tab.popover.waitFor(/^Claim: /)).text),
        (text) => text !== firstText,
        { what: 'the next claim' },
      );
      await tab.keyboard.press('Alt+Shift+K');
      await waitUntil(
        async () => squash((await tab.popover.waitFor(/^Claim: /)).text),
        (text) => text === firstText,
        { what: 'the first claim again' },
      );
      await tab.keyboard.press('Escape');
      await tab.popover.waitClosed();
    });

    it('saves screenshots of the highlighted article and an open popover, light and dark', async () => {
      const dir = artifactsDir('screenshots');
      const prefix = driver.name === 'Chromium' ? '' : `${driver.name.toLowerCase()}-`;
      for (const scheme of ['light', 'dark'] as const) {
        await tab.emulateColorScheme(scheme);
        const claim = claims.find((c) => c.verdict === 'misleading') ?? claims[0]!;
        await pointInClaim(tab, claim.quote.exact);
        await tab.screenshot(join(dir, `${prefix}article-${scheme}.png`));
        const point = await pointInClaim(tab, claim.quote.exact);
        await tab.mouse.click(point.x, point.y);
        const dialog = await tab.popover.waitFor(/^Claim: Misleading/);
        // The site is white: the popover stays light when only the system theme is dark.
        expect(dialog.theme).toBe('light');
        expect(dialog.background).toBe('rgb(255, 255, 255)');
        // Let the popover's entrance animation finish before the picture.
        await new Promise((resolve) => setTimeout(resolve, 250));
        await tab.screenshot(join(dir, `${prefix}claim-popover-${scheme}.png`));
        await tab.keyboard.press('Escape');
        await tab.popover.waitClosed();
      }
      await tab.emulateColorScheme('light');
    });

    it('shifts nothing: every element of the page stays where it was with highlights on and off', async () => {
      // The page cannot tell our hosts from its own elements (that is the point of them), so the
      // page's elements are taken with highlights off, then measured with them on.
      const positions = () =>
        tab.evaluate(() => {
          window.scrollTo(0, 0);
          const memory = window as unknown as { pageElements?: Element[] };
          if (!memory.pageElements) memory.pageElements = [...document.body.querySelectorAll('*')];
          const known = memory.pageElements;
          return known.map((element) => {
            const rect = element.getBoundingClientRect();
            return `${element.tagName} ${rect.x.toFixed(1)},${rect.y.toFixed(1)} ${rect.width.toFixed(1)}x${rect.height.toFixed(1)}`;
          });
        }, undefined);
      await setSettings(session, { claimHighlights: false, noteHighlights: false });
      await waitUntil(
        () => claimHighlightTexts(tab),
        (texts) => texts.length === 0,
        { what: 'highlights to go' },
      );
      const without = await positions();
      await setSettings(session, { claimHighlights: true, noteHighlights: true });
      await waitUntil(
        () => claimHighlightTexts(tab),
        (texts) => texts.length === claims.length,
        { what: 'highlights to return' },
      );
      const withHighlights = await positions();
      expect(without.length).toBeGreaterThan(100);
      expect(withHighlights).toEqual(without);
    });

    it('opens on hover after a short delay, stays while the pointer travels into it, and closes after', async () => {
      const claim = claims.find((c) => c.verdict === 'supported') ?? claims[0]!;
      await tab.mouse.move(5, 5);
      const point = await pointInClaim(tab, claim.quote.exact);
      await tab.mouse.move(point.x, point.y, 3);
      await tab.popover.waitFor(/^Claim: /);
      // Hovering does not take focus from where the reader was.
      expect(await tab.popover.focus()).toBeNull();
      // Travel from the text into the popover: it stays open.
      const box = await tab.popover.box();
      await tab.mouse.move(box.x + box.width / 2, box.y + 20, 5);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await tab.popover.openCount()).toBe(1);
      // Away from both: it closes.
      await tab.mouse.move(5, (await tab.viewport()).height - 5, 5);
      await tab.popover.waitClosed();
    });

    it('follows its claim when the page scrolls', async () => {
      const claim = claims[0]!;
      const point = await pointInClaim(tab, claim.quote.exact);
      await tab.mouse.click(point.x, point.y);
      await tab.popover.waitFor(/^Claim: /);
      // Where the popover settles once placed: two readings in a row agree.
      let previous: Box = { x: Number.NaN, y: Number.NaN, width: 0, height: 0 };
      const before = await waitUntil(
        () => tab.popover.box(),
        (box) => {
          const settled = box.x === previous.x && box.y === previous.y;
          previous = box;
          return settled;
        },
        { what: 'the popover to settle' },
      );
      await tab.mouse.wheel(120);
      const after = await waitUntil(
        () => tab.popover.box(),
        (box) => Math.abs(box.y - (before.y - 120)) < 2,
        { what: 'the popover to move with the page' },
      );
      expect(after.x).toBeCloseTo(before.x, 0);
      await tab.keyboard.press('Escape');
    });

    it('made no network request of its own', () => {
      expect(session.unexpectedRequests).toEqual([]);
    });

    it('leaves the site’s own script working', async () => {
      expect(
        await tab.evaluate(
          () => (window as unknown as { __siteScriptOk?: boolean }).__siteScriptOk,
          undefined,
        ),
      ).toBe(true);
    });
  });
}
