/**
 * Where the reading guide is, in real Chromium, as a reader meets it: the keyboard reaches it
 * right after the headline, before the first claim marker (its host is inside the headline, and
 * changes neither the article's layout, what the site's CSS selectors match, the heading's
 * accessible name, nor what a reader's copy of the headline holds); in a 1920 px
 * window it opens beside the article's column and the site's sidebar, covering none of the
 * headline, byline or first paragraphs (in narrower windows the sidebar takes that room: the
 * guide starts as its pill, `suites/guide-room.ts`); no claim's popover covers it, opened (at
 * 1280 and 1024 px); and at 200 % zoom (640×450 CSS px at twice the density) a popover, a sheet along
 * the window's bottom, leaves the guide's stepping row visible and clickable.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_URL } from './fixtures';
import { type AccessibilityProbe, isExpanded, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { intersects, untilStill } from './harness/layout';
import { popoverBox, waitForPopover, waitForPopoverClosed } from './harness/popover';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');
const claims = pack.claims;

const PILL = /^Counterpoint · 14 claims checked/;

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
});

/**
 * A new tab on the article, every marker drawn, in a window of `size` (the session's 1280×900 by
 * default); at 200 %, 640×450 CSS px at twice the density.
 */
async function openArticle(
  zoomed = false,
  size?: { width: number; height: number },
): Promise<{ page: Page; probe: AccessibilityProbe }> {
  const page = await session.context.newPage();
  if (size) await page.setViewportSize(size);
  if (zoomed) {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 640,
      height: 450,
      deviceScaleFactor: 2,
      mobile: false,
    });
  }
  await page.goto(ARTICLE_URL);
  const probe = await probeAccessibility(page);
  await waitUntil(
    async () => (await probe.find('button', /^Claim: /)).length,
    (count) => count === claims.length,
    { what: 'every marker' },
  );
  await probe.waitFor('button', PILL);
  return { page, probe };
}

describe('the reading guide by the headline', () => {
  let page: Page;
  let probe: AccessibilityProbe;
  beforeAll(async () => {
    // Wide enough for the guide to start open beside the article and the site's sidebar.
    ({ page, probe } = await openArticle(false, { width: 1920, height: 1080 }));
  });
  afterAll(async () => {
    await probe?.detach();
    await page?.close();
  });

  it('is reached by Tab right after the headline, before the first claim marker', async () => {
    // From the top of a freshly loaded page, the guide open as it starts.
    await page.reload();
    await waitUntil(
      async () => (await probe.find('button', /^Claim: /)).length,
      (count) => count === claims.length,
      { what: 'every marker' },
    );
    await probe.waitFor('list', 'Claims by verdict');
    await page.bringToFront();
    const visited: string[] = [];
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab');
      const name = (await probe.focused())?.name?.value ?? '';
      visited.push(name);
      if (PILL.test(name) || name.startsWith('Claim: ')) break;
    }
    expect(visited.some((name) => name.startsWith('Claim: '))).toBe(false);
    expect(visited.at(-1)).toMatch(PILL);
    // The site's own stops before it are the ones above the headline, all of them.
    expect(visited).toContain('HOME');
    expect(visited.at(-2)).toBe('Translate Website');
    // Then on through the guide's controls to the byline, as the page's order goes.
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press('Tab');
      const name = (await probe.focused())?.name?.value ?? '';
      if (name === 'Lucas Leiroz de Almeida') break;
      expect(name.startsWith('Claim: '), name).toBe(false);
    }
    expect((await probe.focused())?.name?.value).toBe('Lucas Leiroz de Almeida');
    await page.keyboard.press('Shift+Tab');
    expect((await probe.focused())?.name?.value).not.toBe('Lucas Leiroz de Almeida');
  });

  it('has its host in the headline, which moves nothing and matches none of the site’s rules', async () => {
    const read = await page.evaluate(() => {
      const headline = document.querySelector('[itemprop="headline"]');
      const host = headline?.lastElementChild;
      if (!headline || !(host instanceof HTMLElement)) throw new Error('no host in the headline');
      const content = document.getElementById('content');
      if (!content) throw new Error('no article');
      const elements = [...content.querySelectorAll('*')].filter((element) => element !== host);
      const selectors = [
        '[itemprop="headline"] + *',
        '[itemprop="headline"] ~ p',
        '.title > :last-child',
        ':first-child',
        ':last-child',
        ':only-child',
        ':nth-child(2)',
        ':nth-last-child(2)',
        ':first-of-type',
        ':last-of-type',
        ':empty',
      ];
      const snapshot = () => ({
        rects: elements.map((element) => JSON.stringify(element.getBoundingClientRect())),
        matches: selectors.map((selector) =>
          [...document.querySelectorAll(selector)]
            .filter((element) => element !== host)
            .map((element) => elements.indexOf(element)),
        ),
        text: [headline.textContent, headline.textContent?.length],
      });
      // Taken out and put back within one task: nothing of ours or the page's runs in between.
      const withHost = snapshot();
      host.remove();
      const without = snapshot();
      headline.append(host);
      return {
        withHost,
        without,
        hostBox: host.getBoundingClientRect().toJSON() as DOMRect,
        hostChildren: host.childNodes.length,
        counted: elements.length,
      };
    });
    expect(read.counted).toBeGreaterThan(50);
    expect(read.withHost.rects).toEqual(read.without.rects);
    expect(read.withHost.matches).toEqual(read.without.matches);
    expect(read.withHost.text).toEqual(read.without.text);
    // Screen readers still hear the headline alone: its name is computed from its content.
    const headings = await probe.find('heading', /^Mexico: President AMLO/);
    expect(headings.map((heading) => heading.name?.value)).toEqual([
      'Mexico: President AMLO Meets Vice President Kamala Harris',
    ]);
    expect(read.hostBox.width).toBe(0);
    expect(read.hostBox.height).toBe(0);
    // Nothing of ours is readable through the page's DOM: the host is empty, its root closed.
    expect(read.hostChildren).toBe(0);
  });

  it('leaves a copy of the headline and byline as the site’s text alone', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(ARTICLE_URL).origin,
    });
    await page.bringToFront();
    /** Selects from the headline to the byline's end as a reader's drag would, and copies it. */
    const copy = async (withHost: boolean): Promise<string> => {
      await page.evaluate((keep) => {
        const headline = document.querySelector('[itemprop="headline"]');
        const byline = document.querySelector('.author-date');
        if (!headline || !byline) throw new Error('no headline or byline');
        const host = headline.lastElementChild;
        if (!keep && host) (window as unknown as { guideHost?: Element }).guideHost = host;
        if (!keep) host?.remove();
        const range = document.createRange();
        range.setStartBefore(headline);
        range.setEndAfter(byline);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }, withHost);
      await page.keyboard.press('Control+C');
      const text = await page.evaluate(() => navigator.clipboard.readText());
      await page.evaluate(() => {
        const parked = (window as unknown as { guideHost?: Element }).guideHost;
        if (parked) document.querySelector('[itemprop="headline"]')?.append(parked);
        getSelection()?.removeAllRanges();
      });
      return text;
    };
    const withGuide = await copy(true);
    const without = await copy(false);
    expect(without).toContain('Mexico: President AMLO Meets Vice President Kamala Harris');
    expect(withGuide).toBe(without);
  });

  it('opens beside the article in a 1920 px window, covering none of its first text', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const pill = await probe.waitFor('button', PILL);
    expect(isExpanded(pill)).toBe(true);
    await probe.waitFor('list', 'Claims by verdict');
    const [guide] = await probe.find('region', 'Counterpoint');
    if (!guide) throw new Error('no guide');
    const guideBoxes = [await probe.box(guide), await probe.box(pill)];
    const text = await page.evaluate(() => {
      const blocks = [
        document.querySelector('[itemprop="headline"]'),
        document.querySelector('.author-date'),
        document.querySelector('.region-theme'),
        ...document.querySelectorAll('.site-notice'),
        ...[...document.querySelectorAll('.articleBody p')].slice(0, 3),
      ];
      const rects: { x: number; y: number; width: number; height: number }[] = [];
      for (const block of blocks) {
        if (!block) throw new Error('a block of the article is missing');
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) {
            rects.push({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
          }
        }
      }
      return rects;
    });
    expect(text.length).toBeGreaterThan(20);
    // On screen, in the window: the check is about what the reader sees at the top.
    expect(guideBoxes[0]!.y).toBeLessThan(900);
    for (const box of guideBoxes) {
      for (const rect of text) expect(intersects(box, rect), JSON.stringify(rect)).toBe(false);
    }
  });
});

describe('the reading guide beside popovers', () => {
  it.each([
    [1280, 900],
    [1024, 800],
  ])(
    'is never covered by a claim’s popover in a %i×%i window, stepping with its own button',
    async (width, height) => {
      const { page, probe } = await openArticle();
      try {
        await page.setViewportSize({ width, height });
        // The site's sidebar takes the room beside the article here: the guide starts as its
        // pill, and the reader opens it.
        const pill = await probe.waitFor('button', PILL);
        if (!isExpanded(pill)) await probe.click(pill);
        const seen = new Set<string>();
        for (let step = 0; step < claims.length; step++) {
          // Clicked with the reader's mouse where it is drawn: a popover over it would take the click.
          const next = await probe.waitFor('button', 'Next claim');
          const box = await probe.box(next);
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          const dialog = await waitForPopover(page, /^Claim: /);
          await waitUntil(
            async () => (await dialog.textContent()) ?? '',
            (text) => !seen.has(text),
            { what: `claim ${step + 1} to open` },
          );
          seen.add((await dialog.textContent()) ?? '');
          await untilStill(page);
          const popover = await popoverBox(page);
          const [guide] = await probe.find('region', 'Counterpoint');
          if (!guide) throw new Error('no guide');
          expect(intersects(await probe.box(guide), popover), `claim ${step + 1}`).toBe(false);
        }
        expect(seen.size).toBe(claims.length);
      } finally {
        await probe.detach();
        await page.close();
      }
    },
  );
});

describe('the reading guide at 200 % zoom beside a popover', () => {
  it('keeps its stepping row visible and clickable above the popover sheet', async () => {
    const { page, probe } = await openArticle(true);
    try {
      const pill = await probe.waitFor('button', PILL);
      // In a window this small the guide starts as its pill, beside the article's column.
      expect(isExpanded(pill)).toBe(false);
      await probe.click(pill);
      await probe.click(await probe.waitFor('button', 'Next claim'));
      const first = await waitForPopover(page, /^Claim: /);
      const firstText = await first.textContent();
      await untilStill(page);
      const popover = await popoverBox(page);
      // A sheet along the window's bottom.
      expect(popover.width).toBeGreaterThan(600);
      const [guide] = await probe.find('region', 'Counterpoint');
      if (!guide) throw new Error('no guide');
      const next = await probe.waitFor('button', 'Next claim');
      for (const node of [guide, await probe.waitFor('button', PILL), next]) {
        const box = await probe.box(node);
        expect(intersects(box, popover), node.name?.value).toBe(false);
        expect(box.y).toBeGreaterThanOrEqual(0);
      }
      // The reader's pointer on "Next claim" reaches the guide, not the popover or the site.
      const nextBox = await probe.box(next);
      const point = { x: nextBox.x + nextBox.width / 2, y: nextBox.y + nextBox.height / 2 };
      const hit = await page.evaluate(({ x, y }) => {
        const element = document.elementFromPoint(x, y);
        return element?.parentElement?.getAttribute('itemprop') ?? element?.localName ?? '';
      }, point);
      expect(hit).toBe('headline');
      await page.mouse.click(point.x, point.y);
      await waitUntil(
        async () => (await waitForPopover(page, /^Claim: /)).textContent(),
        (text) => text !== firstText,
        { what: 'the next claim to open' },
      );
      await page.keyboard.press('Escape');
      await waitForPopoverClosed(page);
    } finally {
      await probe.detach();
      await page.close();
    }
  });
});
