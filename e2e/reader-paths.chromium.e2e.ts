/**
 * The reader's paths on the article in real Chromium, as a reader takes them: printing gives a
 * clean copy; the highlights command says what it did.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts, setSettings } from './harness/page-ui';
import { PROJECT_ROOT } from './harness/paths';
import { differingPixels } from './harness/pixels';
import { pressBrowserShortcut } from './harness/shortcuts';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const claims = pack.claims;
const SCREENSHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');

let session: ChromiumSession;
let page: Page;

async function claimHighlightCount(): Promise<number> {
  const byName = await highlightedTexts(page);
  return Object.entries(byName)
    .filter(([name]) => name.includes('claim'))
    .reduce((sum, [, texts]) => sum + texts.length, 0);
}

async function markerCount(): Promise<number> {
  const probe = await probeAccessibility(page);
  try {
    return (await probe.find('button', /^Claim: /)).length;
  } finally {
    await probe.detach();
  }
}

/** The box of the article's paragraph that holds the first claim, in page coordinates. */
async function firstClaimParagraph(): Promise<{
  x: number;
  y: number;
  width: number;
  height: number;
}> {
  return page.evaluate((exact) => {
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const paragraph of document.querySelectorAll('p')) {
      if (squash(paragraph.textContent ?? '').includes(squash(exact))) {
        paragraph.scrollIntoView({ block: 'center' });
        const rect = paragraph.getBoundingClientRect();
        return {
          x: Math.floor(rect.left) - 30,
          y: Math.floor(rect.top) - 10,
          width: Math.ceil(rect.width) + 60,
          height: Math.ceil(rect.height) + 20,
        };
      }
    }
    throw new Error('no paragraph holds the first claim');
  }, claims[0]!.quote.exact);
}

beforeAll(async () => {
  session = await launchChromium();
  page = await session.open(ARTICLE_URL);
  await waitUntil(claimHighlightCount, (count) => count === claims.length, {
    what: 'all claims to be highlighted',
  });
  await waitUntil(markerCount, (count) => count === claims.length, { what: 'every marker' });
});

afterAll(async () => {
  await session?.close();
});

describe('printing the article', () => {
  it('prints a clean copy: the same pixels as the article with Counterpoint off', async () => {
    await page.emulateMedia({ media: 'print' });
    const clip = await firstClaimParagraph();
    const printedWithMarks = await page.screenshot({ clip });
    // On screen the same paragraph shows the claim's wash, underline and marker.
    await page.emulateMedia({ media: 'screen' });
    const onScreen = await page.screenshot({ clip });

    await setSettings(session, { claimHighlights: false, noteHighlights: false });
    await waitUntil(claimHighlightCount, (count) => count === 0, { what: 'highlights off' });
    await waitUntil(markerCount, (count) => count === 0, { what: 'markers gone' });
    await page.emulateMedia({ media: 'print' });
    const printedClean = await page.screenshot({ clip });
    // Chromium paints a highlighted range's text in a pass of its own, so a few glyph-edge pixels
    // may differ (194 of the paragraph's 207,828 when measured); the marks change a fifth of them.
    const printed = await differingPixels(session.context, printedWithMarks, printedClean);
    const shown = await differingPixels(session.context, onScreen, printedClean);
    const allowed = printed.total / 100;
    expect(shown.differing).toBeGreaterThan(10 * allowed);
    expect(printed.differing).toBeLessThan(allowed);

    await page.emulateMedia({ media: 'screen' });
    await setSettings(session, { claimHighlights: true, noteHighlights: true });
    await waitUntil(markerCount, (count) => count === claims.length, { what: 'markers back' });
  });
});

describe('the highlights command', () => {
  it('says the highlights are off and how to bring them back, then that they are on', async () => {
    await page.bringToFront();
    await pressBrowserShortcut(page, 'Alt+Shift+H');
    await waitUntil(markerCount, (count) => count === 0, { what: 'the highlights to go' });
    const probe = await probeAccessibility(page);
    try {
      await probe.waitFor('StaticText', 'Highlights off — Alt+Shift+H to turn them back on.');
      await page.screenshot({ path: join(SCREENSHOTS, 'highlights-off-toast.png') });
      await pressBrowserShortcut(page, 'Alt+Shift+H');
      await probe.waitFor('StaticText', 'Highlights on.');
      await waitUntil(markerCount, (count) => count === claims.length, { what: 'markers back' });
    } finally {
      await probe.detach();
    }
  });
});
