/**
 * The pack list's real data source over a real (fake-indexeddb) database: listing with origin
 * and publisher, checking a file without storing it, and the downloads, built from the stored
 * pack with the address where the reader read the article.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '../browser';
import type { Requester } from '../messaging/client';
import { loadBundledPacks } from '../packs';
import type { PackExportFile } from '../packs/export';
import type { ContextPack } from '../packs/types';
import { putNote } from '../store/notes';
import { installPack, setPackTurnedOff } from '../store/packs';
import { writeTabPage } from '../store/tab-pages';
import { freshDatabasePerTest } from '../store/test-database';
import { createPackFilesData, packFilesDataForPage } from './pack-files';

const browser = fakeBrowser as unknown as Browser;
const store = freshDatabasePerTest('pack-files');
const [bundled] = loadBundledPacks().packs as [ContextPack];
const NOW = '2026-12-01T10:00:00.000Z';
const ARTICLE = 'https://www.globalresearch.ca/mexico-president-amlo-meets/5746160';

function source() {
  const saved: PackExportFile[] = [];
  const sent: unknown[] = [];
  const request = (async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return null;
  }) as unknown as Requester;
  const data = createPackFilesData({
    browser,
    db: async () => store.db,
    request,
    saveFile: (file) => saved.push(file),
  });
  return { data, saved, sent };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('createPackFilesData', () => {
  it('lists the bundled pack first, credited to Counterpoint, then files by title', async () => {
    await installPack(store.db, bundled, NOW);
    const other: ContextPack = {
      ...bundled,
      article: { ...bundled.article, id: 'another-article', title: 'Another article' },
    };
    await installPack(store.db, other, NOW, { kind: 'file', fileName: 'other.json' });
    const { data } = source();
    expect(await data.listPacks()).toEqual([
      {
        articleKey: bundled.article.id,
        title: bundled.article.title,
        publisher: 'Counterpoint',
        lastReviewed: bundled.lastReviewed,
        packVersion: bundled.packVersion,
        claimCount: bundled.claims.length,
        origin: { kind: 'bundled' },
        turnedOff: false,
      },
      expect.objectContaining({
        articleKey: 'another-article',
        publisher: null,
        origin: { kind: 'file', fileName: 'other.json' },
      }),
    ]);
  });

  it('counts the claims of a pack stored before the count was kept, as bundled', async () => {
    await installPack(store.db, bundled, NOW);
    const stored = await store.db.get('packs', bundled.article.id);
    const { claimCount: _count, origin: _origin, ...old } = stored!;
    await store.db.put('packs', old);
    const [listed] = await source().data.listPacks();
    expect(listed).toMatchObject({
      claimCount: bundled.claims.length,
      origin: { kind: 'bundled' },
    });
  });

  it('checks a file against what is installed without storing anything', async () => {
    await installPack(store.db, bundled, NOW);
    const { data, sent } = source();
    const result = await data.checkPackFile(
      JSON.stringify({ ...bundled, packVersion: bundled.packVersion + 1 }),
    );
    expect(result).toMatchObject({
      ok: true,
      status: 'newer',
      installedVersion: bundled.packVersion,
    });
    expect(sent).toEqual([]);
    expect((await store.db.get('packs', bundled.article.id))?.packVersion).toBe(
      bundled.packVersion,
    );
  });

  it('downloads the verdicts and the claims with the address of an open tab, else of a note', async () => {
    const filed: ContextPack = { ...bundled, publisher: 'Example Fact Desk' };
    await installPack(store.db, filed, NOW, { kind: 'file', fileName: 'x.json' });
    await putNote(store.db, {
      id: 'n',
      articleKey: bundled.article.id,
      url: `${ARTICLE}?from=note`,
      articleTitle: bundled.article.title,
      target: { selectors: [{ type: 'TextQuoteSelector', exact: 'new era' }] },
      body: 'b',
      tags: [],
      created: NOW,
      modified: NOW,
    });
    const { data, saved } = source();
    await data.exportPack(bundled.article.id, 'claim-review');
    const reviews = JSON.parse(saved[0]!.content);
    expect(reviews).toHaveLength(bundled.claims.length);
    expect(reviews[0].itemReviewed.appearance.url).toBe(`${ARTICLE}?from=note`);
    expect(reviews[0].author.name).toBe('Example Fact Desk');

    await writeTabPage(browser, {
      tabId: 3,
      articleKey: bundled.article.id,
      articleTitle: bundled.article.title,
      url: ARTICLE,
      hasPack: true,
      claimsTotal: 14,
      orphanedClaimIds: [],
      orphanedNoteIds: [],
    });
    await data.exportPack(bundled.article.id, 'assessing-annotations');
    const collection = JSON.parse(saved[1]!.content);
    expect(saved[1]!.filename).toMatch(/-annotations\.jsonld$/);
    expect(collection.first.items[0].target.source).toBe(ARTICLE);
    expect(collection.first.items[0].motivation).toBe('assessing');
  });

  it('hands the method page every installed pack that is on, whole', async () => {
    await installPack(store.db, bundled, NOW);
    const { data } = source();
    expect(await data.installedContextPacks()).toEqual([bundled]);
    await setPackTurnedOff(store.db, bundled.article.id, true);
    expect(await data.installedContextPacks()).toEqual([]);
  });

  it('says so when the pack to download is gone', async () => {
    await expect(source().data.exportPack('gone', 'claim-review')).rejects.toThrow(
      'That context pack is no longer installed.',
    );
  });
});

describe('packFilesDataForPage', () => {
  it('in Firefox’s popup, which closes for a file picker, sends the reader to the method page', async () => {
    const firefox = {
      ...fakeBrowser,
      runtime: { ...fakeBrowser.runtime, getBrowserInfo: async () => ({ name: 'Firefox' }) },
    } as unknown as Browser;
    const data = packFilesDataForPage(firefox, document, { inPopup: true });
    await data.openPageToChooseFile?.();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(
      fakeBrowser.runtime.getURL('/method.html#context-packs'),
    );
    // The method page itself, and Chrome's popup, take the file where they are.
    expect(packFilesDataForPage(firefox, document).openPageToChooseFile).toBeUndefined();
    expect(
      packFilesDataForPage(browser, document, { inPopup: true }).openPageToChooseFile,
    ).toBeUndefined();
  });
});
