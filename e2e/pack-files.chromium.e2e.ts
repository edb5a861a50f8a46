/**
 * Context packs from files in real Chromium, as a reader uses them: in the popup they pick a
 * broken file (told why, nothing stored), then a newer edition of the bundled pack from another
 * publisher (asked before it replaces the bundled one), see it listed with its publisher and
 * review date, see its claims highlighted on the article, remove it (confirmed) and get the
 * bundled pack back. On the method page they download the verdicts as ClaimReview and the claims
 * as Web Annotations. Screenshots of the pack list in light, dark and at 200 % zoom.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPartialDate } from '../components/dates';
import { strings } from '../components/popup/PackFiles';
import { loadBundledPacks } from '../utils/packs';
import type { ContextPack } from '../utils/packs/types';
import { ARTICLE_URL } from './fixtures';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { highlightedTexts } from './harness/page-ui';
import { artifactsDir } from './harness/paths';
import { waitUntil } from './harness/wait';

const [bundled] = loadBundledPacks().packs as [ContextPack];
/** A newer edition of the bundled pack by another publisher, with its first ten claims. */
const edition: ContextPack = {
  ...bundled,
  packVersion: bundled.packVersion + 1,
  publisher: 'Example Fact Desk',
  claims: bundled.claims.slice(0, 10),
};
const files = mkdtempSync(join(tmpdir(), 'counterpoint-pack-files-'));
const NEWER_FILE = join(files, 'amlo-edition-3.pack.json');
const BROKEN_FILE = join(files, 'broken.pack.json');
writeFileSync(NEWER_FILE, JSON.stringify(edition, null, 2));
writeFileSync(BROKEN_FILE, JSON.stringify(edition).slice(0, 2000));

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
});

async function claimTexts(page: Page): Promise<string[]> {
  const byName = await highlightedTexts(page);
  return Object.entries(byName)
    .filter(([name]) => name.includes('claim'))
    .flatMap(([, texts]) => texts.map(squash))
    .sort();
}

/** Opens the article and waits until it has painted this many claims. */
async function articleWithClaims(count: number): Promise<string[]> {
  const page = await session.open(ARTICLE_URL);
  const texts = await waitUntil(
    () => claimTexts(page),
    (found) => found.length === count,
    { what: `${count} claims to be highlighted` },
  );
  await page.close();
  return texts;
}

/**
 * Runs `shoot` as at 200 % zoom: CSS zoom on the root lays the page out in half as many CSS
 * pixels, each drawn twice as large, as the browser's zoom does.
 */
async function atDoubleZoom(page: Page, shoot: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.style.zoom = '2';
  });
  try {
    await shoot();
  } finally {
    await page.evaluate(() => {
      document.documentElement.style.zoom = '';
    });
  }
}

function packList(popup: Page): Locator {
  return popup.getByRole('region', { name: strings.heading });
}

describe('pack files in the popup', () => {
  let popup: Page;

  it('explains a broken file and stores nothing', async () => {
    popup = await session.openPopup();
    const list = packList(popup);
    await list.getByRole('listitem', { name: bundled.article.title }).waitFor();
    await list.getByLabel(strings.load).setInputFiles(BROKEN_FILE);
    const alert = list.getByRole('alert');
    await alert.getByText(/^This file is not a context pack: it is not JSON text/).waitFor();
    expect(await alert.textContent()).not.toMatch(/Unexpected|token|position/i);
    expect(await list.getByRole('listitem').count()).toBe(1);
  });

  it('loads a newer edition after asking, and lists it with its publisher and date', async () => {
    const list = packList(popup);
    await list.getByLabel(strings.load).setInputFiles(NEWER_FILE);
    await list
      .getByText(
        `This file has edition ${edition.packVersion} of the pack for “${bundled.article.title}”, by Example Fact Desk. Edition ${bundled.packVersion} is installed (bundled with Counterpoint).`,
        { exact: false },
      )
      .waitFor();
    await list.screenshot({ path: join(artifactsDir('screenshots'), 'pack-replace-light.png') });
    await list.getByRole('button', { name: strings.replaceConfirm }).click();
    await list
      .getByRole('status')
      .getByText(`Replaced the pack for “${bundled.article.title}” with edition 3.`, {
        exact: false,
      })
      .waitFor();
    const row = list.getByRole('listitem', { name: bundled.article.title });
    expect(squash((await row.textContent()) ?? '')).toContain(
      // The date as the harness's Chromium shows it (en-US).
      `By Example Fact Desk · reviewed ${formatPartialDate(edition.lastReviewed)} · 10 claims · edition 3`,
    );
    expect(await row.textContent()).toContain('From a file: amlo-edition-3.pack.json');
  });

  it('highlights the file’s claims on the article, matched by its content', async () => {
    const texts = await articleWithClaims(edition.claims.length);
    expect(texts).toEqual(edition.claims.map((claim) => squash(claim.quote.exact)).sort());
  });

  it('keeps screenshots of the pack list in light, dark and at 200 % zoom', async () => {
    await popup.reload();
    const list = packList(popup);
    await list.getByRole('listitem', { name: bundled.article.title }).waitFor();
    const shots = artifactsDir('screenshots');
    await popup.emulateMedia({ colorScheme: 'light' });
    await list.screenshot({ path: join(shots, 'pack-list-light.png') });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await list.screenshot({ path: join(shots, 'pack-list-dark.png') });
    await popup.emulateMedia({ colorScheme: 'light' });
    await atDoubleZoom(popup, () =>
      list.screenshot({ path: join(shots, 'pack-list-zoom200.png') }),
    );
  });

  it('removes the file’s pack after the reader confirms, and the bundled one is back', async () => {
    const list = packList(popup);
    const row = list.getByRole('listitem', { name: bundled.article.title });
    await row.getByRole('button', { name: strings.remove, exact: true }).click();
    await row.getByText(strings.removeQuestion(bundled.article.title)).waitFor();
    await row.getByRole('button', { name: strings.removeConfirm }).click();
    await list
      .getByRole('status')
      .getByText(strings.removedBundledBack(bundled.article.title, bundled.packVersion))
      .waitFor();
    await row.getByText(strings.bundled).waitFor();
    await articleWithClaims(bundled.claims.length);
    await popup.close();
  });
});

describe('exports on the method page', () => {
  it('downloads the verdicts as ClaimReview and the claims as Web Annotations, with no request', async () => {
    const method = await session.context.newPage();
    await method.goto(`chrome-extension://${session.extensionId}/method.html`);
    const list = packList(method);
    const row = list.getByRole('listitem', { name: bundled.article.title });
    await row.waitFor();

    const [reviewsDownload] = await Promise.all([
      method.waitForEvent('download'),
      row.getByRole('button', { name: strings.downloadClaimReview }).click(),
    ]);
    const reviews = JSON.parse(readFileSync((await reviewsDownload.path()) ?? '', 'utf8'));
    expect(reviewsDownload.suggestedFilename()).toBe(
      `counterpoint-${bundled.article.id}-edition-${bundled.packVersion}-claimreview.jsonld`,
    );
    expect(reviews).toHaveLength(bundled.claims.length);
    expect(reviews[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: bundled.claims[0]?.quote.exact,
      author: { name: 'Counterpoint' },
    });

    const [annotationsDownload] = await Promise.all([
      method.waitForEvent('download'),
      row.getByRole('button', { name: strings.downloadAnnotations }).click(),
    ]);
    const collection = JSON.parse(readFileSync((await annotationsDownload.path()) ?? '', 'utf8'));
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items).toHaveLength(bundled.claims.length);
    expect(collection.first.items[0]).toMatchObject({
      motivation: 'assessing',
      target: { selector: { type: 'TextQuoteSelector', exact: bundled.claims[0]?.quote.exact } },
    });

    // A broken file here is refused in the same words as in the popup.
    await list.getByLabel(strings.load).setInputFiles(BROKEN_FILE);
    await list
      .getByRole('alert')
      .getByText(/it is not JSON text/)
      .waitFor();
    expect(session.unexpectedRequests).toEqual([]);

    const shots = artifactsDir('screenshots');
    await list.scrollIntoViewIfNeeded();
    await list.screenshot({ path: join(shots, 'method-packs-light.png') });
    await method.emulateMedia({ colorScheme: 'dark' });
    await list.screenshot({ path: join(shots, 'method-packs-dark.png') });
    await method.emulateMedia({ colorScheme: 'light' });
    await atDoubleZoom(method, () =>
      list.screenshot({ path: join(shots, 'method-packs-zoom200.png') }),
    );
    await method.close();
  });
});
