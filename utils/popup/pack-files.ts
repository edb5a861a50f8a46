/**
 * What the pack list reads and does, for the popup and the method page (both extension pages):
 * the installed packs are read from the database directly; a chosen file is checked here first,
 * to tell the reader what loading it would do, and stored by the background, which checks it
 * again (`packs.load`, refused to anything but the extension's own pages). The exports are built
 * from the stored pack and saved as a download: nothing goes over the network.
 */
import type { Browser } from '../browser';
import { t } from '../i18n';
import { createRequester, type Requester } from '../messaging/client';
import type { PackLoadResponse } from '../messaging/protocol';
import { unansweredInLanguage } from '../messaging/unanswered';
import { type PackExportFile, type PackExportFormat, packExportFile } from '../packs/export';
import { type PackFileResult, readPackFile } from '../packs/pack-file';
import type { ContextPack } from '../packs/types';
import { sharedUntilRejected } from '../shared-promise';
import { type CounterpointDatabase, openStore, type PackOrigin } from '../store/db';
import { notesForArticle } from '../store/notes';
import { installedPacks, listPacks, originOf, readInstalledPack } from '../store/packs';
import { readAllTabPages } from '../store/tab-pages';
import { saveFileWithLink } from './save-file';

/** One installed pack as the list shows it. */
export interface PackListing {
  articleKey: string;
  title: string;
  /** Who wrote the verdicts, as the pack names them; null when a file names nobody. */
  publisher: string | null;
  lastReviewed: string;
  packVersion: number;
  claimCount: number;
  origin: PackOrigin;
  turnedOff: boolean;
}

/** What the pack list needs (tests give a fake). */
export interface PackFilesData {
  /** Every installed pack, bundled first, then by title. */
  listPacks(): Promise<PackListing[]>;
  /** Reads a chosen file against what is installed, storing nothing. */
  checkPackFile(text: string): Promise<PackFileResult>;
  /** Asks the background to install the file (`replaces`: the edition the reader agreed to replace). */
  loadPackFile(fileName: string, text: string, replaces: number | null): Promise<PackLoadResponse>;
  /** Removes a pack loaded from a file; returns the bundled edition put back, if any. */
  removePack(articleKey: string): Promise<{ restoredBundledVersion: number | null }>;
  turnPackOff(articleKey: string, off: boolean): Promise<void>;
  /** Saves one export of an installed pack as a download. */
  exportPack(articleKey: string, format: PackExportFormat): Promise<void>;
  /** Every installed pack that is on, whole, for the method page's sourcing report. */
  installedContextPacks(): Promise<ContextPack[]>;
  /**
   * Where a file cannot be chosen here, opens a page where it can. Firefox closes a popup when the
   * file picker opens (and the chosen file never arrives), so its popup sends the reader to the
   * method page's pack list instead.
   */
  openPageToChooseFile?(): Promise<void>;
}

/** What the real source is built from. */
export interface PackFilesDependencies {
  browser: Browser;
  db: () => Promise<CounterpointDatabase>;
  request: Requester;
  saveFile: (file: PackExportFile) => void;
}

/** The publisher to credit for an installed pack's verdicts. */
function publisherOf(publisher: string | undefined, origin: PackOrigin): string | null {
  return publisher ?? (origin.kind === 'bundled' ? 'Counterpoint' : null);
}

/** The real source over the database and the background's messages. */
export function createPackFilesData(dependencies: PackFilesDependencies): PackFilesData {
  const { browser, db, request, saveFile } = dependencies;

  /** An address where the reader read the article: an open tab's, else one of its notes'. */
  async function articleUrlOf(articleKey: string): Promise<string | undefined> {
    const pages = await readAllTabPages(browser).catch(() => []);
    const open = pages.find((page) => page.articleKey === articleKey);
    if (open) return open.url;
    const [note] = await notesForArticle(await db(), articleKey);
    return note?.url;
  }

  return {
    async listPacks() {
      const packs = await listPacks(await db());
      return packs
        .map((pack): PackListing => {
          const origin = originOf(pack);
          return {
            articleKey: pack.articleKey,
            title: pack.article.title,
            publisher: publisherOf(pack.publisher, origin),
            lastReviewed: pack.lastReviewed,
            packVersion: pack.packVersion,
            claimCount: pack.claimCount,
            origin,
            turnedOff: pack.turnedOff === true,
          };
        })
        .sort(
          (a, b) =>
            Number(a.origin.kind !== 'bundled') - Number(b.origin.kind !== 'bundled') ||
            a.title.localeCompare(b.title),
        );
    },
    async checkPackFile(text) {
      const installed = await installedPacks(await db());
      return readPackFile(
        text,
        installed.map((pack) => ({
          articleKey: pack.articleKey,
          packVersion: pack.packVersion,
          title: pack.article.title,
          headline: pack.article.recognise.headline,
        })),
      );
    },
    loadPackFile: (fileName, text, replaces) => request('packs.load', { fileName, text, replaces }),
    removePack: (articleKey) => request('packs.remove', { articleKey }),
    async turnPackOff(articleKey, off) {
      await request('packs.turnOff', { articleKey, off });
    },
    async installedContextPacks() {
      const store = await db();
      const on = (await installedPacks(store)).filter((pack) => pack.turnedOff !== true);
      const packs = await Promise.all(on.map((pack) => readInstalledPack(store, pack.articleKey)));
      return packs.filter((pack): pack is ContextPack => pack !== null);
    },
    async exportPack(articleKey, format) {
      const store = await db();
      const [pack, stored] = await Promise.all([
        readInstalledPack(store, articleKey),
        store.get('packs', articleKey),
      ]);
      if (!pack || !stored) throw new Error(t('error_pack_gone'));
      const publisher = publisherOf(stored.publisher, originOf(stored));
      const articleUrl = await articleUrlOf(articleKey);
      saveFile(
        packExportFile(pack, format, {
          ...(articleUrl === undefined ? {} : { articleUrl }),
          reviewer: publisher ?? 'Publisher not named in the pack file',
        }),
      );
    },
  };
}

/** The id of the method page's pack list, for links to it. */
export const PACK_LIST_ANCHOR = 'context-packs';

/** Whether this is Firefox, whose popups close when a file picker opens (bug 1292701). */
function closesPopupForFilePicker(browser: Browser): boolean {
  return typeof (browser.runtime as Partial<Browser['runtime']>).getBrowserInfo === 'function';
}

/**
 * The real source for an extension page: its own database connection, messages and downloads.
 * `inPopup` says the page is the toolbar popup (where Firefox cannot take a file).
 */
export function packFilesDataForPage(
  browser: Browser,
  doc: Document,
  { inPopup = false } = {},
): PackFilesData {
  const data = createPackFilesData({
    browser,
    db: sharedUntilRejected(() => openStore()),
    request: createRequester(
      (message) => browser.runtime.sendMessage(message),
      undefined,
      unansweredInLanguage,
    ),
    saveFile: (file) => saveFileWithLink(doc, file),
  });
  if (!inPopup || !closesPopupForFilePicker(browser)) return data;
  return {
    ...data,
    async openPageToChooseFile() {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/method.html#${PACK_LIST_ANCHOR}`),
      });
    },
  };
}
