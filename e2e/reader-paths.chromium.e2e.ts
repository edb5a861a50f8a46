/**
 * The reader's paths on the article in real Chromium, as a reader takes them: printing gives a
 * clean copy; the highlights command says what it did; each claim's marker is a 24 px target
 * that stays out of the line above, names its verdict in a tooltip, and opens its claim on hover;
 * the reading guide starts open with its legend, stays in view below the site's header, does not
 * jump, folds on Escape and on a click elsewhere, shrinks beside a popover, and its verdict chips
 * open that verdict's claims.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { VERDICT_LABELS } from '../utils/packs/verdicts';
import { DEFAULT_SHORTCUTS } from '../utils/shortcuts';
import { ARTICLE_URL } from './fixtures';
import { type AxNode, isExpanded, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { intersects, untilStill } from './harness/layout';
import { highlightedTexts, setSettings } from './harness/page-ui';
import { PROJECT_ROOT } from './harness/paths';
import { openPhotoTab, PHOTO_LOOKS } from './harness/photo-tab';
import { differingPixels } from './harness/pixels';
import { openPopovers, popoverBox, waitForPopover, waitForPopoverClosed } from './harness/popover';
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
    await pressBrowserShortcut(page, DEFAULT_SHORTCUTS.toggleHighlights);
    await waitUntil(markerCount, (count) => count === 0, { what: 'the highlights to go' });
    const probe = await probeAccessibility(page);
    try {
      await probe.waitFor(
        'StaticText',
        `Highlights off — ${DEFAULT_SHORTCUTS.toggleHighlights} to turn them back on.`,
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'highlights-off-toast.png') });
      await pressBrowserShortcut(page, DEFAULT_SHORTCUTS.toggleHighlights);
      await probe.waitFor('StaticText', 'Highlights on.');
      await waitUntil(markerCount, (count) => count === claims.length, { what: 'markers back' });
    } finally {
      await probe.detach();
    }
  });
});

describe('the claim markers', () => {
  /** Where a marker is, and the bottom of the text of the line above it (null on a first line). */
  async function geometry(marker: AxNode) {
    const probe = await probeAccessibility(page);
    try {
      let box = await probe.box(marker);
      await page.evaluate((y) => window.scrollBy(0, y - 300), box.y);
      box = await probe.box(marker);
      const lineAboveBottom = await page.evaluate(
        ({ x, y }) => {
          // The marker's host is the page-side element at the marker's middle (its shadow root is
          // closed); its own line is where its zero-width box sits. Under the reading guide,
          // say, it is further down the stack.
          const host = document
            .elementsFromPoint(x, y)
            .find((element) => element.localName === 'span' && element.childNodes.length === 0);
          const own = host?.getClientRects()[0];
          const block = host?.closest('p, li, blockquote, div');
          if (!own || !block) throw new Error('no marker host there');
          const text = document.createRange();
          text.selectNodeContents(block);
          const above = [...text.getClientRects()].filter((rect) => rect.bottom <= own.top + 1);
          return above.length === 0 ? null : Math.max(...above.map((rect) => rect.bottom));
        },
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      return { box, lineAboveBottom };
    } finally {
      await probe.detach();
    }
  }

  it('are at least 24 by 24 px and reach no higher than the line they are on', async () => {
    const probe = await probeAccessibility(page);
    const markers = await probe.find('button', /^Claim: /);
    await probe.detach();
    expect(markers.length).toBe(claims.length);
    let checkedAgainstLineAbove = 0;
    for (const marker of markers) {
      const { box, lineAboveBottom } = await geometry(marker);
      expect(box.width, marker.name?.value).toBeGreaterThanOrEqual(24);
      expect(box.height, marker.name?.value).toBeGreaterThanOrEqual(24);
      if (lineAboveBottom === null) continue;
      checkedAgainstLineAbove++;
      expect(box.y, marker.name?.value).toBeGreaterThanOrEqual(lineAboveBottom);
    }
    expect(checkedAgainstLineAbove).toBeGreaterThan(claims.length / 2);
  });

  it('name their verdict in a tooltip, which is also their accessible description', async () => {
    const probe = await probeAccessibility(page);
    const markers = (await probe.find('button', /^Claim: /)) as (AxNode & {
      description?: { value?: string };
    })[];
    await probe.detach();
    const verdictOf = (name: string) => /^Claim: ([^.]+)\./.exec(name)?.[1] ?? '';
    for (const marker of markers) {
      const verdict = verdictOf(marker.name?.value ?? '');
      expect(Object.values(VERDICT_LABELS)).toContain(verdict);
      expect(marker.description?.value).toBe(`Claim: ${verdict}`);
    }
  });

  it('are photographed in light, with a dark system theme (the white site keeps light marks) and at 200 %', async () => {
    for (const [suffix, scheme, scale] of [
      ['light', 'light', 1],
      ['dark', 'dark', 1],
      ['200', 'light', 2],
    ] as const) {
      const shot = await session.context.newPage();
      await shot.emulateMedia({ colorScheme: scheme });
      if (scale === 2) await shot.setViewportSize({ width: 640, height: 450 });
      await shot.goto(ARTICLE_URL);
      const probe = await probeAccessibility(shot);
      await waitUntil(
        async () => (await probe.find('button', /^Claim: /)).length,
        (count) => count === claims.length,
        { what: 'every marker' },
      );
      const [marker] = await probe.find('button', /^Claim: /);
      await probe.focus(marker!);
      const box = await probe.box(marker!);
      const width = Math.min(560, (scale === 2 ? 640 : 1280) - 20);
      await shot.screenshot({
        path: join(SCREENSHOTS, `claim-marker-${suffix}.png`),
        clip: {
          x: Math.max(0, box.x - width / 2),
          y: Math.max(0, box.y - 60),
          width,
          height: 140,
        },
        scale: scale === 2 ? 'device' : 'css',
      });
      await probe.detach();
      await shot.close();
    }
  });

  it('open their claim when the pointer rests on them, as the claim’s text does', async () => {
    const probe = await probeAccessibility(page);
    try {
      const [marker] = await probe.find('button', /^Claim: /);
      if (!marker) throw new Error('no marker');
      const { box } = await geometry(marker);
      // Rest on the badge's lower part, away from the passage's own text.
      await page.mouse.move(box.x + box.width - 4, box.y + box.height - 3);
      const verdict = /^Claim: ([^.]+)\./.exec(marker.name?.value ?? '')?.[1] ?? '';
      await waitForPopover(page, new RegExp(`^Claim: ${verdict}`));
      await page.mouse.move(5, 5);
      await waitForPopoverClosed(page);
      expect(await openPopovers(page)).toBe(0);
    } finally {
      await probe.detach();
    }
  });
});

describe('the reading guide', () => {
  let guidePage: Page;
  beforeAll(async () => {
    guidePage = await session.open(ARTICLE_URL);
    // Wide enough for the guide to start open beside the article and the site's sidebar
    // (narrower, the sidebar takes that room: `suites/guide-room.ts`).
    await guidePage.setViewportSize({ width: 1920, height: 1080 });
    await guidePage.reload();
    const probe = await probeAccessibility(guidePage);
    await waitUntil(
      async () => (await probe.find('button', /^Claim: /)).length,
      (count) => count === claims.length,
      { what: 'every marker' },
    );
    await probe.detach();
  });

  /** The bottom of the site's sticky header, read from the page's own layout. */
  const headerBottom = () =>
    guidePage.evaluate(() => {
      let bottom = 0;
      for (const element of document.body.querySelectorAll('*')) {
        const position = getComputedStyle(element).position;
        const rect = element.getBoundingClientRect();
        if ((position === 'sticky' || position === 'fixed') && rect.top <= 0 && rect.height > 0) {
          bottom = Math.max(bottom, rect.bottom);
        }
      }
      return bottom;
    });

  async function pill(probe: Awaited<ReturnType<typeof probeAccessibility>>) {
    return probe.waitFor('button', /^Counterpoint · 14 claims checked/);
  }

  it('starts open with its legend, below the site’s header, and does not jump when folded or opened', async () => {
    const probe = await probeAccessibility(guidePage);
    try {
      const opened = await pill(probe);
      expect(isExpanded(opened)).toBe(true);
      await probe.waitFor('list', 'Claims by verdict');
      const header = await headerBottom();
      expect(header).toBeGreaterThan(0);
      const before = await probe.box(opened);
      expect(before.y).toBeGreaterThanOrEqual(header);
      await probe.click(opened);
      await waitUntil(
        async () => isExpanded(await pill(probe)),
        (expanded) => !expanded,
        { what: 'the guide to fold' },
      );
      expect((await probe.box(await pill(probe))).y).toBe(before.y);
      await probe.click(await pill(probe));
      await probe.waitFor('list', 'Claims by verdict');
      expect((await probe.box(await pill(probe))).y).toBe(before.y);
    } finally {
      await probe.detach();
    }
  });

  it('folds on Escape, giving the focus back to its pill, and on a click elsewhere', async () => {
    const probe = await probeAccessibility(guidePage);
    try {
      await probe.focus(await probe.waitFor('button', 'Next claim'));
      await guidePage.keyboard.press('Escape');
      await waitUntil(
        async () => isExpanded(await pill(probe)),
        (expanded) => !expanded,
        { what: 'Escape to fold the guide' },
      );
      await waitUntil(
        async () => (await probe.focused())?.name?.value ?? '',
        (name) => name.startsWith('Counterpoint · '),
        { what: 'the focus back on the pill' },
      );
      expect(await probe.find('list', 'Claims by verdict')).toEqual([]);

      await guidePage.keyboard.press('Enter');
      await probe.waitFor('list', 'Claims by verdict');
      // The page's margin, beside the article: nothing of the site's or ours is there.
      await guidePage.mouse.click(40, 600);
      await waitUntil(
        async () => isExpanded(await pill(probe)),
        (expanded) => !expanded,
        { what: 'a click elsewhere to fold the guide' },
      );
    } finally {
      await probe.detach();
    }
  });

  it('stays in view while the article scrolls, and shrinks to its stepping row beside a popover', async () => {
    const probe = await probeAccessibility(guidePage);
    try {
      await probe.click(await pill(probe));
      await probe.waitFor('list', 'Claims by verdict');
      await guidePage.mouse.move(640, 500);
      await guidePage.mouse.wheel(0, 1800);
      await waitUntil(
        () => guidePage.evaluate(() => window.scrollY),
        (y) => y > 1000,
        { what: 'the article to scroll' },
      );
      const next = await probe.waitFor('button', 'Next claim');
      await waitUntil(
        async () => (await probe.box(next)).y,
        (y) => y >= 0 && y < 900,
        { what: 'Next claim in the window' },
      );
      const nextBox = await probe.box(next);
      expect(nextBox.y).toBeGreaterThanOrEqual(await headerBottom());

      await probe.click(next);
      await waitForPopover(guidePage, /^Claim: /);
      await waitUntil(
        async () => (await probe.find('list', 'Claims by verdict')).length,
        (count) => count === 0,
        { what: 'the legend to step aside' },
      );
      const [guide] = await probe.find('region', 'Counterpoint');
      if (!guide) throw new Error('no guide');
      // Where the two meet (once the page has scrolled the claim into place), the popover the
      // reader opened is drawn on top: the page's top element there is the popover's host.
      await untilStill(guidePage);
      const guideBox = await probe.box(guide);
      const popover = await popoverBox(guidePage);
      if (intersects(guideBox, popover)) {
        const left = Math.max(guideBox.x, popover.x);
        const top = Math.max(guideBox.y, popover.y);
        const right = Math.min(guideBox.x + guideBox.width, popover.x + popover.width);
        const bottom = Math.min(guideBox.y + guideBox.height, popover.y + popover.height);
        const x = (left + right) / 2;
        const y = (top + bottom) / 2;
        const zIndex = await guidePage.evaluate(
          ({ x, y }) => getComputedStyle(document.elementFromPoint(x, y)!).zIndex,
          { x, y },
        );
        expect(zIndex).toBe('2147483647');
      }
      await probe.waitFor('button', 'Next claim');
      await guidePage.keyboard.press('Escape');
      await waitForPopoverClosed(guidePage);
      await probe.waitFor('list', 'Claims by verdict');
    } finally {
      await probe.detach();
    }
  });

  it('opens the next claim of a verdict from its chip in the legend', async () => {
    const probe = await probeAccessibility(guidePage);
    try {
      // On its own feet: no popover left open, the guide open.
      if ((await openPopovers(guidePage)) > 0) {
        await guidePage.keyboard.press('Escape');
        await waitForPopoverClosed(guidePage);
      }
      if (!isExpanded(await pill(probe))) await probe.click(await pill(probe));
      const chip = await probe.waitFor('button', /^Misleading: \d+, Next misleading claim$/);
      await probe.click(chip);
      await waitForPopover(guidePage, /^Claim: Misleading/);
      await guidePage.keyboard.press('Escape');
      await waitForPopoverClosed(guidePage);
      const contradicted = await probe.waitFor(
        'button',
        /^Contradicted: 2, Next contradicted claim$/,
      );
      await probe.click(contradicted);
      await waitForPopover(guidePage, /^Claim: Contradicted/);
      await guidePage.keyboard.press('Escape');
      await waitForPopoverClosed(guidePage);
    } finally {
      await probe.detach();
    }
  });

  it('is photographed open at the top, beside a popover, on a dark page and at 200 %', async () => {
    for (const suffix of PHOTO_LOOKS) {
      const { page: shot, photograph, close } = await openPhotoTab(session, suffix);
      await shot.goto(ARTICLE_URL);
      const probe = await probeAccessibility(shot);
      const folded = await probe.waitFor('button', /^Counterpoint · /, 10_000);
      // Where the site's sidebar takes the room beside the article (here at 1280 px too) the
      // guide starts as its pill, covering no content; it opens on a click.
      expect(isExpanded(folded)).toBe(false);
      await shot.evaluate(() => window.scrollTo(0, 0));
      await photograph(`reading-guide-pill-${suffix}.png`);
      await probe.click(folded);
      await probe.waitFor('list', 'Claims by verdict');
      await shot.evaluate(() => window.scrollTo(0, 0));
      await photograph(`reading-guide-${suffix}.png`);
      await probe.click(await probe.waitFor('button', 'Next claim'));
      await waitForPopover(shot, /^Claim: /);
      // The claim scrolls smoothly into place: photograph it once the page is still.
      await untilStill(shot);
      await shot.waitForTimeout(200);
      await photograph(`reading-guide-popover-${suffix}.png`);
      await probe.detach();
      await close();
    }
  });
});
