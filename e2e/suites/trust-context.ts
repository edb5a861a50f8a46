/**
 * What lets a reader check a verdict, one suite for every browser: the review date and the "How
 * Counterpoint checks" page reached from a claim popover by keyboard alone; the Contradicted
 * verdict painted and announced as itself; each source listed once per popover; and "Copy link
 * to this claim" putting a text-fragment link on the clipboard that opens the article at the
 * passage. `trust-context.chromium.e2e.ts` and `trust-context.firefox.e2e.ts` run it.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatPartialDate } from '../../components/dates';
import { textFragmentLink } from '../../utils/anchoring/text-fragment';
import { loadBundledPacks } from '../../utils/packs';
import { ARTICLE_URL } from '../fixtures';
import type { ArticleTab, BrowserDriver, BrowserSession, PopoverReading } from '../harness/driver';
import { artifactsDir } from '../harness/paths';
import { waitUntil } from '../harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const claims = pack.claims;
const lastReviewed = pack.lastReviewed;
const contradicted = claims.filter((claim) => claim.verdict === 'contradicted');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The texts of the page's claim highlights, by highlight name. */
function claimHighlights(tab: ArticleTab): Promise<Record<string, string[]>> {
  return tab.evaluate(() => {
    const result: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    for (const [name, highlight] of registry ?? []) {
      if (!name.includes('claim')) continue;
      result[name] = [...highlight].map((range) => range.toString().replace(/\s+/g, ' ').trim());
    }
    return result;
  }, undefined);
}

/** Defines the trust-context suite for one browser. */
export function defineTrustContextSuite(driver: BrowserDriver): void {
  let session: BrowserSession;
  let tab: ArticleTab;

  /** Opens a claim's popover from its marker with the keyboard (focus the marker, Enter). */
  async function openByKeyboard(markerName: string | RegExp): Promise<PopoverReading> {
    const [marker] = await tab.controls('button', markerName);
    if (!marker) throw new Error(`no marker named ${String(markerName)}`);
    await tab.focus(marker);
    await tab.keyboard.press('Enter');
    const dialog = await tab.popover.waitFor(/^Claim: /);
    await waitUntil(
      () => tab.popover.focus(),
      (focus) => focus?.role === 'dialog',
      { what: 'focus in the dialog' },
    );
    return dialog;
  }

  async function close(): Promise<void> {
    await tab.keyboard.press('Escape');
    await tab.popover.waitClosed();
  }

  beforeAll(async () => {
    session = await driver.launch();
    tab = await session.open(ARTICLE_URL);
    await waitUntil(
      async () => Object.values(await claimHighlights(tab)).flat(),
      (texts) => texts.length === claims.length,
      { what: 'all claims to be highlighted', timeoutMs: 15_000 },
    );
  });

  // A test that fails with a popover open leaves the next one a clean page.
  afterEach(async () => {
    if ((await tab.popover.openCount()) > 0) await close();
  });

  afterAll(async () => {
    await session?.close();
  });

  describe(`trust context in ${driver.name}`, () => {
    it('shows the review date, and Tab then Enter open the method page in a new tab', async () => {
      const dialog = await openByKeyboard(/^Claim: /);
      expect(squash(dialog.text)).toContain(`Reviewed ${formatPartialDate(lastReviewed)}`);
      let reached = false;
      for (let presses = 0; presses < 40 && !reached; presses++) {
        await tab.keyboard.press('Tab');
        reached = (await tab.popover.focus())?.text === 'How Counterpoint checks';
      }
      expect(reached).toBe(true);
      const method = await session.waitForNewTab(() => tab.keyboard.press('Enter'));
      await method.waitForHeading(1, 'How Counterpoint checks');
      expect(await method.url()).toBe(session.extensionUrl('method.html'));
      await method.close();
      await tab.bringToFront();
      await close();
    });

    it('paints the Contradicted verdict as its own highlight and announces it', async () => {
      expect(contradicted.length).toBeGreaterThan(0);
      const highlights = await claimHighlights(tab);
      const painted = Object.entries(highlights)
        .filter(([name]) => name.includes('contradicted'))
        .flatMap(([, texts]) => texts);
      expect(painted.sort()).toEqual(contradicted.map((claim) => squash(claim.quote.exact)).sort());
      const markers = await tab.controls('button', /^Claim: Contradicted/);
      expect(markers).toHaveLength(contradicted.length);
      for (const marker of markers) {
        expect(marker.name).toBe('Claim: Contradicted. Open context');
      }
      await openByKeyboard(/^Claim: Contradicted/);
      // The dialog is named by its heading, then its summary: "Claim: Contradicted <summary>".
      const dialog = await tab.popover.waitFor(/^Claim: Contradicted /);
      expect(dialog.heading).toContain('Contradicted');
      await close();
    });

    it('lists each source once per popover', async () => {
      const markers = await tab.controls('button', /^Claim: /);
      expect(markers).toHaveLength(claims.length);
      for (const marker of markers) {
        await tab.focus(marker);
        await tab.keyboard.press('Enter');
        const dialog = await tab.popover.waitFor(/^Claim: /);
        const hrefs = dialog.links;
        expect(hrefs.length).toBeGreaterThan(1);
        expect(new Set(hrefs).size, `duplicated source in ${marker.name}`).toBe(hrefs.length);
        await close();
      }
    });

    it('copies a text-fragment link to the claim with a real click, and says "Link copied"', async () => {
      const claim = contradicted[0] ?? claims[0];
      if (!claim) throw new Error('no claim');
      await openByKeyboard(/^Claim: Contradicted/);
      await tab.popover.clickByRole('button', 'Copy link to this claim');
      await waitUntil(
        () => tab.popover.status(),
        (text) => text === 'Link copied',
        { what: '"Link copied"' },
      );
      const expected = textFragmentLink(ARTICLE_URL, claim.quote.exact);
      expect(expected).toContain('#:~:text=');
      const copied = await tab.readClipboard();
      expect(copied).toBe(expected);
      // The link opens the article at the passage: the browser scrolls the claim's text into view.
      const linked = await session.open(copied);
      const inView = await waitUntil(
        () =>
          linked.evaluate((start: string) => {
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
      await tab.bringToFront();
      // Pictures of the popover with "Link copied", light and dark, to look at.
      const dir = artifactsDir('screenshots');
      const prefix = driver.name === 'Chromium' ? '' : `${driver.name.toLowerCase()}-`;
      for (const scheme of ['light', 'dark'] as const) {
        await tab.emulateColorScheme(scheme);
        await new Promise((resolve) => setTimeout(resolve, 250));
        await tab.screenshot(
          join(dir, `${prefix}claim-link-copied-${scheme}.png`),
          await tab.popover.box(),
        );
      }
      await tab.emulateColorScheme('light');
      await close();
    });
  });
}
