import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '../browser';
import type { TabMessage } from '../messaging/protocol';
import { makeNote } from '../notes-io/test-notes';
import type { TabPage } from '../store/tab-pages';
import { writeTabPage } from '../store/tab-pages';
import { findTabShowing, notePage, showNoteInPage } from './show-in-page';

const browser = fakeBrowser as unknown as Browser;
const note = makeNote({
  url: 'https://www.globalresearch.ca/mexico/5746160',
  articleKey: 'amlo-harris',
});

/** Messages sent to tabs, by tab id: the fake browser has no content scripts to answer. */
let sent: { tabId: number; message: TabMessage }[];

function page(tabId: number, overrides: Partial<TabPage> = {}): TabPage {
  return {
    tabId,
    articleKey: 'amlo-harris',
    articleTitle: 'Mexico',
    url: 'https://www.globalresearch.ca/mexico/5746160',
    hasPack: true,
    claimsTotal: 3,
    claimsAnchored: 3,
    orphanedClaimIds: [],
    notesAnchored: 1,
    orphanedNoteIds: [],
    ...overrides,
  };
}

const quick = { timeoutMs: 300, intervalMs: 10 };

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  (browser.tabs as { sendMessage: unknown }).sendMessage = async (
    tabId: number,
    message: TabMessage,
  ) => {
    sent.push({ tabId, message });
  };
});

describe('notePage', () => {
  it("opens the site's canonical article address, whatever form the note's address has", () => {
    for (const url of [
      'https://www.globalresearch.ca/mexico/5746160/?a=1#x',
      'http://globalresearch.ca/Mexico/5746160',
    ]) {
      expect(notePage(url)).toEqual({
        kind: 'article',
        address: 'https://www.globalresearch.ca/mexico/5746160',
      });
    }
  });

  it('tells notes from another site, and site pages that are not articles, from articles', () => {
    expect(notePage('https://news.example/world/story/1234567')).toEqual({
      kind: 'other-site',
      host: 'news.example',
    });
    expect(notePage('https://www.globalresearch.ca/wp-login.php')).toEqual({
      kind: 'not-an-article',
    });
    expect(notePage('javascript:alert(1)')).toEqual({ kind: 'other-site', host: '' });
    expect(notePage('not an address')).toEqual({ kind: 'other-site', host: '' });
  });
});

describe('showNoteInPage', () => {
  it('brings the tab already showing the article to the front and opens the note there', async () => {
    const other = await browser.tabs.create({ url: 'https://example.org/', active: true });
    const article = await browser.tabs.create({ url: `${note.url}?utm=x`, active: false });
    await writeTabPage(browser, page(article.id as number));
    expect(await findTabShowing(browser, note.url)).toBe(article.id);

    const outcome = await showNoteInPage(browser, note, quick);

    expect(outcome).toEqual({ status: 'shown', tabId: article.id });
    expect((await browser.tabs.query({ active: true }))[0]?.id).toBe(article.id);
    expect(sent).toEqual([{ tabId: article.id, message: { type: 'show-note', noteId: note.id } }]);
    expect(other.id).not.toBe(article.id);
  });

  it("opens the article when no tab shows it, and waits for the page's notes", async () => {
    const opening = showNoteInPage(browser, note, { timeoutMs: 2000, intervalMs: 10 });
    // The page reports once its content script has run: after a little while.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [created] = await browser.tabs.query({ active: true });
    expect(created?.url).toBe(note.url);
    expect(sent).toEqual([]);
    await writeTabPage(browser, page(created?.id as number, { notesAnchored: undefined }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);
    await writeTabPage(browser, page(created?.id as number));
    expect(await opening).toEqual({ status: 'shown', tabId: created?.id });
    expect(sent).toHaveLength(1);
  });

  it('says so when the passage was not found on the page', async () => {
    const article = await browser.tabs.create({ url: note.url, active: true });
    await writeTabPage(browser, page(article.id as number, { orphanedNoteIds: [note.id] }));
    expect(await showNoteInPage(browser, note, quick)).toEqual({
      status: 'orphaned',
      tabId: article.id,
    });
  });

  it('gives up with an explanation when the page never reports, and sends nothing', async () => {
    await browser.tabs.create({ url: note.url, active: true });
    const outcome = await showNoteInPage(browser, note, quick);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error).toContain('The note is safe');
    expect(sent).toEqual([]);
  });

  it('never opens the address of a note imported from another site, and says why', async () => {
    const tabsBefore = (await browser.tabs.query({})).length;
    const imported = { ...note, url: 'https://news.example/world/story/1234567' };
    expect(await showNoteInPage(browser, imported, quick)).toEqual({
      status: 'failed',
      error:
        'This note is from another site (news.example); Counterpoint shows notes only on Global Research articles.',
    });
    const onSite = { ...note, url: 'https://www.globalresearch.ca/wp-login.php' };
    expect((await showNoteInPage(browser, onSite, quick)).status).toBe('failed');
    expect(await browser.tabs.query({})).toHaveLength(tabsBefore);
  });

  it('opens the canonical address, not the form an imported note carries', async () => {
    const imported = { ...note, url: 'http://globalresearch.ca/mexico/5746160/' };
    const opening = showNoteInPage(browser, imported, quick);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [created] = await browser.tabs.query({ active: true });
    expect(created?.url).toBe('https://www.globalresearch.ca/mexico/5746160');
    // No page reports in this test, so it gives up in the end.
    expect((await opening).status).toBe('failed');
  });

  it('refuses an address that is not a web page', async () => {
    const tabsBefore = (await browser.tabs.query({})).length;
    const outcome = await showNoteInPage(browser, { ...note, url: 'javascript:alert(1)' }, quick);
    expect(outcome.status).toBe('failed');
    expect(await browser.tabs.query({})).toHaveLength(tabsBefore);
  });
});
