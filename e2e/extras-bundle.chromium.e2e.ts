/**
 * The extras bundle in Chromium: on a copy of the article whose markup differs from the pack's
 * quotes character for character (`article-variant.html`, where the verbatim path settles only 3
 * of the 14 claims), the content script has the background inject the full matcher, and every
 * claim is highlighted, marked and counted; the page cannot see where the bundle registered.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledPacks } from '../utils/packs';
import { ARTICLE_PATH, ARTICLE_URL } from './fixtures';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts, readPageSummary } from './harness/page-ui';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
const claimCount = pack?.claims.length ?? 0;

let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  session = await launchChromium({
    site: (url) =>
      url.pathname.replace(/\/+$/, '') === ARTICLE_PATH ? 'article-variant.html' : undefined,
  });
  page = await session.open(ARTICLE_URL);
});

afterAll(async () => {
  await session?.close();
});

describe('the extras bundle in Chromium', () => {
  it('places every claim of the article in different markup, through the full matcher', async () => {
    const tabId = await session.tabIdOf(page);
    const summary = await waitUntil(
      () => readPageSummary(session, page, tabId),
      (state) => state.claimsAnchored === claimCount,
      { what: 'every claim placed and reported', timeoutMs: 15_000 },
    );
    expect(summary.claimsTotal).toBe(claimCount);
    expect(summary.badge).toBe(String(claimCount));
    const marked = summary.verdicts
      .split(', ')
      .reduce((sum, part) => sum + Number(part.split(' ').at(-1)), 0);
    expect(marked).toBe(claimCount);
    const highlighted = Object.values(await highlightedTexts(page)).flat();
    expect(highlighted).toHaveLength(claimCount);
  });

  it('leaves no trace of the bundle where the page can look', async () => {
    const seen = await page.evaluate(() =>
      Object.keys(window).filter((key) => key.toLowerCase().includes('counterpoint')),
    );
    expect(seen).toEqual([]);
  });
});
