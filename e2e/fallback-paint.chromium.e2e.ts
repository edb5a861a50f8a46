/**
 * The wrapping fallback in Chromium, forced through the extension's test hook (a storage key only
 * extension pages can set), as where the Custom Highlight API is missing: the claims are painted
 * by wrapping their text, a note saved on a painted claim's words is painted at once on those
 * words (no reload), and the claims stay painted.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAINT_BY_WRAPPING_KEY } from '../utils/settings';
import { ARTICLE_URL } from './fixtures';
import { type AccessibilityProbe, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts, readPageSummary } from './harness/page-ui';
import { addNote, notesShown, waitForNotesPlaced } from './harness/reader';
import { findPassage } from './harness/selection';
import { waitUntil } from './harness/wait';

/** Words inside the first claim's quote (the claim's text is wrapped in the fallback). */
const PASSAGE_IN_CLAIM = 'the Mexican government has bet on Joe Biden';
const NOTE_TEXT = 'Fallback note 51c2: compare with the campaign coverage';

let session: ChromiumSession;
let page: Page;
let probe: AccessibilityProbe;
let cdp: CDPSession;

/** Spans of ours with the fallback's inline highlight styles, as the page sees them. */
function wrappedTexts(target: Page): Promise<string[]> {
  return target.evaluate(() =>
    [...document.querySelectorAll('span')]
      .filter((span) => span.style.getPropertyPriority('text-decoration-line') === 'important')
      .map((span) => span.textContent ?? ''),
  );
}

/** The viewport boxes of the note shade's rectangles (inside its closed shadow root). */
async function shadeBoxes(): Promise<
  { left: number; top: number; right: number; bottom: number }[]
> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  const boxes: number[] = [];
  const visit = (node: CdpNode, inShadow: boolean): void => {
    const attributes = node.attributes ?? [];
    const classIndex = attributes.indexOf('class');
    const className = classIndex >= 0 ? attributes[classIndex + 1] : '';
    if (inShadow && node.nodeName === 'DIV' && /\bbox\b/.test(className ?? '')) {
      boxes.push(node.backendNodeId);
    }
    for (const child of node.children ?? []) visit(child, inShadow);
    for (const shadow of node.shadowRoots ?? []) visit(shadow, true);
  };
  visit(root, false);
  const result = [];
  for (const backendNodeId of boxes) {
    const { quads } = (await cdp.send('DOM.getContentQuads', { backendNodeId })) as {
      quads: number[][];
    };
    const quad = quads[0];
    if (!quad) continue;
    const xs = [quad[0], quad[2], quad[4], quad[6]] as number[];
    const ys = [quad[1], quad[3], quad[5], quad[7]] as number[];
    result.push({
      left: Math.min(...xs),
      right: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
    });
  }
  return result;
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

beforeAll(async () => {
  session = await launchChromium();
  await session.inExtension(
    (key: string) => chrome.storage.local.set({ [key]: true }),
    PAINT_BY_WRAPPING_KEY,
  );
  page = await session.open(ARTICLE_URL);
  await waitUntil(
    () => wrappedTexts(page),
    (texts) => texts.length > 0,
    { what: 'the claims to be painted by wrapping' },
  );
  probe = await probeAccessibility(page);
  cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
});

afterAll(async () => {
  await probe?.detach();
  await session?.close();
});

describe('the wrapping fallback in Chromium', () => {
  it('paints every claim by wrapping its text, with nothing in the highlight registry', async () => {
    const summary = await readPageSummary(session, page, await session.tabIdOf(page));
    expect(summary.claimsAnchored).toBe(summary.claimsTotal);
    expect(Object.keys(await highlightedTexts(page))).toEqual([]);
    expect((await wrappedTexts(page)).join(' ')).toContain(PASSAGE_IN_CLAIM);
  });

  it('paints a note saved on a painted claim’s words at once, on those words', async () => {
    await addNote(page, probe, PASSAGE_IN_CLAIM, NOTE_TEXT);
    await waitForNotesPlaced(session, page, 1, 'the note to be placed');
    expect(await notesShown(session, page)).toBe(1);
    const passage = await findPassage(page, PASSAGE_IN_CLAIM);
    const boxes = await waitUntil(
      () => shadeBoxes(),
      (found) => found.length > 0,
      { what: 'the note painted' },
    );
    const covers = (point: { x: number; y: number }) =>
      boxes.some(
        (box) =>
          point.x >= box.left - 1 &&
          point.x <= box.right + 1 &&
          point.y >= box.top &&
          point.y <= box.bottom,
      );
    expect(covers(passage.from)).toBe(true);
    expect(covers(passage.to)).toBe(true);
    // The claims are still all painted, on their own words.
    const summary = await readPageSummary(session, page, await session.tabIdOf(page));
    expect(summary.claimsAnchored).toBe(summary.claimsTotal);
    expect((await wrappedTexts(page)).join(' ')).toContain(PASSAGE_IN_CLAIM);
  });
});

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
