/**
 * Notes that could not be loaded onto the page: the article has more notes than the first reply
 * carries, and the background refuses every later page (a listener the test adds in the service
 * worker answers `page.notesPage` first, while the test says so). After the pager's own retries
 * the reader is told, in the page's overlay, by an alert that carries no count and no note's
 * words; it takes no focus, the keyboard reaches its Retry, and Retry, once the background
 * answers again, brings every note, and a toast says they are coming. Screenshots in light, dark and at 200 % go to
 * docs/screenshots/. Chromium only: the test answers in the service worker, which Firefox's MV2
 * build does not have.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import FRENCH from '../public/_locales/fr/messages.json';
import { PAGE_RETRY_DELAYS_MS } from '../utils/annotator/note-pages';
import { PARTIAL_NOTICE } from '../utils/highlight/note-shade';
import { NOTE_PAGE_SIZE } from '../utils/messaging/protocol';
import { FIRST_RUN_KEY } from '../utils/settings';
import { ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { articlePassages, type Passage, seedArticleNotes } from './harness/heavy-notes';
import { boxAtRest, intersects } from './harness/layout';
import { readPageSummary } from './harness/page-ui';
import { openPhotoTab, PHOTO_LOOKS } from './harness/photo-tab';
import { waitUntil } from './harness/wait';

const MESSAGE =
  'Some of your notes on this article could not be loaded, so they are not marked on the page.';
const LOADED = 'Your missing notes are loading now.';
/** One page after the first reply's. */
const COUNT = NOTE_PAGE_SIZE + 30;
/** Long enough for the pager's own retries, and the rest. */
const REPORTED_MS = PAGE_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0) + 15_000;

let session: ChromiumSession;
let passages: Passage[];

/** Whether the service worker refuses the next pages of notes. */
async function refusePages(refuse: boolean, on: ChromiumSession = session): Promise<void> {
  const worker = await on.worker();
  await worker.evaluate((value) => {
    (globalThis as unknown as { refuseNotePages: boolean }).refuseNotePages = value;
  }, refuse);
}

/** Waits for the notice, as the accessibility tree has it. */
async function waitForNotice(page: Page, message = MESSAGE) {
  const probe = await probeAccessibility(page);
  await waitUntil(
    async () => {
      for (const alert of await probe.find('alert')) {
        if ((await probe.within(alert, 'StaticText', message)).length > 0) return alert;
      }
      return null;
    },
    (alert) => alert !== null,
    { what: 'the notice that notes are missing', timeoutMs: REPORTED_MS, intervalMs: 250 },
  );
  return probe;
}

/** A browser (in `language`, by default English) with the article's notes, and a service worker that refuses their pages while asked to. */
async function launchWithNotes(language?: string): Promise<ChromiumSession> {
  const launched = await launchChromium(
    language ? { args: [`--lang=${language}`, `--accept-lang=${language}`] } : {},
  );
  // The welcome card has been seen: its controls would come before the notice's on Shift+Tab.
  await launched.inExtension((key) => chrome.storage.local.set({ [key]: true }), FIRST_RUN_KEY);
  const page = await launched.open(ARTICLE_URL);
  passages = await articlePassages(page, 200);
  await page.close();
  await seedArticleNotes(launched, passages, COUNT);
  const worker = await launched.worker();
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      refuseNotePages?: boolean;
      chrome: {
        runtime: {
          onMessage: {
            addListener(
              listener: (message: unknown, sender: unknown, reply: (r: unknown) => void) => void,
            ): void;
          };
        };
      };
    };
    // Answers before the service does (the first answer wins), for this request only.
    scope.chrome.runtime.onMessage.addListener((message, _sender, reply) => {
      const type = (message as { type?: unknown } | null)?.type;
      if (type === 'page.notesPage' && scope.refuseNotePages) {
        reply({ ok: false, error: 'The notes could not be read.' });
      }
    });
  });
  return launched;
}

/** The alert and the note layer's notice on `page`, once both show, found by their words. */
async function noticeAndPartial(page: Page, message: string, partialWords: string) {
  const probe = await waitForNotice(page, message);
  const partial = await waitUntil(
    async () => {
      for (const status of await probe.find('status')) {
        if ((await probe.within(status, 'StaticText', partialWords)).length) return status;
      }
      return null;
    },
    (status) => status !== null,
    { what: 'the note layer’s notice' },
  );
  const [alert] = await probe.find('alert');
  return { probe, alert: alert!, partial: partial! };
}

beforeAll(async () => {
  session = await launchWithNotes();
});

afterAll(async () => {
  await session?.close();
});

describe('notes that could not be loaded onto the page', () => {
  it(
    'says so in an alert with no note data, takes no focus, and Retry from the keyboard brings them',
    async () => {
      await refusePages(true);
      const page = await session.open(ARTICLE_URL);
      // Thousands of notes: the note layer says it draws only the nearest, at the window's
      // bottom right; the notice keeps above it.
      const { probe, alert, partial } = await noticeAndPartial(page, MESSAGE, PARTIAL_NOTICE);
      try {
        // Nothing of the notes: no count, none of their passages' words.
        const texts = (await probe.within(alert, 'StaticText')).map((node) => node.name?.value);
        expect(texts.join(' ')).not.toMatch(/\d/);
        for (const passage of passages.slice(0, 20)) expect(texts).not.toContain(passage.exact);
        // The reader's focus stays on the page.
        expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
        const noticeBox = await boxAtRest(() => probe.box(alert), 'the notice to come to rest');
        const partialBox = await boxAtRest(
          () => probe.box(partial),
          'the note layer’s notice to come to rest',
        );
        expect(intersects(noticeBox, partialBox), JSON.stringify([noticeBox, partialBox])).toBe(
          false,
        );
        const tabId = await session.tabIdOf(page);
        expect((await readPageSummary(session, page, tabId)).notesAnchored).toBe(NOTE_PAGE_SIZE);

        // The keyboard reaches it: the overlay comes last in the page, so Shift+Tab from the
        // start goes to its last control, then to Retry.
        await page.keyboard.press('Shift+Tab');
        expect((await probe.focused())?.name?.value).toBe('Dismiss');
        await page.keyboard.press('Shift+Tab');
        expect((await probe.focused())?.name?.value).toBe('Retry');

        // Retry, with the background answering again: the notice goes, a toast says the notes
        // are coming (it stays 4 s: read first), and every note is placed.
        await refusePages(false);
        await page.keyboard.press('Enter');
        await probe.waitFor('StaticText', LOADED);
        expect(await probe.find('alert')).toEqual([]);
        await waitUntil(
          () => readPageSummary(session, page, tabId),
          (summary) => summary.notesAnchored + summary.orphanedNoteIds.length === COUNT,
          { what: `all ${COUNT} notes placed`, timeoutMs: 30_000, intervalMs: 250 },
        );
      } finally {
        await probe.detach();
        await page.close();
      }
    },
    2 * REPORTED_MS,
  );

  it(
    'keeps clear of the note layer’s notice in French, whose words are the longest',
    async () => {
      const french = await launchWithNotes('fr');
      try {
        await refusePages(true, french);
        const page = await french.open(ARTICLE_URL);
        const { probe, alert, partial } = await noticeAndPartial(
          page,
          FRENCH.page_notes_missing.message,
          FRENCH.notes_partial_notice.message,
        );
        try {
          const noticeBox = await boxAtRest(() => probe.box(alert), 'the notice to come to rest');
          const partialBox = await boxAtRest(
            () => probe.box(partial),
            'the note layer’s notice to come to rest',
          );
          expect(intersects(noticeBox, partialBox), JSON.stringify([noticeBox, partialBox])).toBe(
            false,
          );
        } finally {
          await probe.detach();
        }
      } finally {
        await french.close();
      }
    },
    2 * REPORTED_MS,
  );

  it(
    'is photographed in light, dark and at 200 %',
    async () => {
      await refusePages(true);
      for (const look of PHOTO_LOOKS) {
        const { page, photograph, close } = await openPhotoTab(session, look);
        await page.goto(ARTICLE_URL);
        const probe = await waitForNotice(page);
        try {
          // Let the notice's entrance animation finish before the picture.
          await new Promise((resolve) => setTimeout(resolve, 300));
          await photograph(`notes-missing-${look}.png`);
        } finally {
          await probe.detach();
          await close();
        }
      }
      await refusePages(false);
    },
    3 * REPORTED_MS,
  );
});

declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};
