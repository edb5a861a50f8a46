/**
 * Notes that could not be loaded onto the page, one suite for every browser: the article has more
 * notes than one page, and the pages after the first are refused (a listener the test
 * adds answers `page.notesPage` before the background's service does, while the test says so:
 * see `refusalHost`; nothing in the shipped code knows of it). After the pager's own retries the
 * reader is told, in the page's overlay, by an alert that carries no count and no note's words;
 * it takes no focus, keeps clear of the note layer's notice (in English and in French, whose
 * words are the longest), the keyboard reaches its Retry, and Retry, once the pages are answered
 * again, brings every note, and a toast says they are coming.
 * `notes-missing.chromium.e2e.ts` and `notes-missing.firefox.e2e.ts` run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import FRENCH from '../../public/_locales/fr/messages.json';
import { PAGE_RETRY_DELAYS_MS } from '../../utils/annotator/note-pages';
import { PARTIAL_NOTICE } from '../../utils/highlight/note-shade';
import { NOTE_PAGE_SIZE } from '../../utils/messaging/protocol';
import { FIRST_RUN_KEY } from '../../utils/settings';
import { ARTICLE_URL } from '../fixtures';
import type {
  ArticleTab,
  BrowserDriver,
  BrowserSession,
  Control,
  LaunchOptions,
} from '../harness/driver';
import {
  type Passage,
  passagesInPage,
  seedArguments,
  writeArticleNotes,
} from '../harness/heavy-notes';
import { boxAtRest, intersects } from '../harness/layout';
import { readTabRecord } from '../harness/tab-record';
import { waitUntil } from '../harness/wait';

/** The alert's words, in English. */
export const NOTES_MISSING_MESSAGE =
  'Some of your notes on this article could not be loaded, so they are not marked on the page.';
const LOADED = 'Your missing notes are loading now.';
/** A page of notes and 30 more: the second page is the one refused. */
export const MISSING_NOTES_COUNT = NOTE_PAGE_SIZE + 30;
/** Long enough for the pager's own retries, and the rest. */
export const NOTES_REPORTED_MS =
  PAGE_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0) + 15_000;

/**
 * Installs a listener that refuses every page of notes after the first while
 * `refuseNotePages` is true where it runs. It answers at once, and the first answer is the one
 * the content script gets. Passed to `evaluate` as it is, so it uses nothing from outside itself.
 */
function installRefusal(): void {
  const scope = globalThis as unknown as {
    refuseNotePages?: boolean;
    refusalInstalled?: boolean;
    browser?: unknown;
    chrome?: unknown;
  };
  if (scope.refusalInstalled) return;
  scope.refusalInstalled = true;
  const api = (scope.browser ?? scope.chrome) as {
    runtime: {
      onMessage: {
        addListener(
          listener: (message: unknown, sender: unknown, reply: (answer: unknown) => void) => void,
        ): void;
      };
    };
  };
  api.runtime.onMessage.addListener((message, _sender, reply) => {
    const { type, payload } = (message ?? {}) as { type?: unknown; payload?: object };
    // The first page is answered: the first reply carries it, or (when the worker had not read
    // the notes yet) the page asks for it with no cursor.
    const first = payload !== undefined && Object.keys(payload).length === 0;
    if (type === 'page.notesPage' && scope.refuseNotePages && !first) {
      reply({ ok: false, error: 'The notes could not be read.' });
    }
  });
}

/**
 * Where the refusal runs. In Chromium, in the service worker, beside the service's own listener:
 * its synchronous answer comes before the service's asynchronous one. An extension page's answer
 * races the worker's, and in Chromium it lost: the three tests of a run all failed so. Firefox's
 * MV2 background page cannot be reached, so there it runs in the extension page of
 * `inExtension`, whose synchronous answer reached the content script first in every request of
 * the runs made (three runs, each with the pager's own retries refused).
 */
function refusalHost(
  session: BrowserSession,
): <Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) => Promise<Result> {
  return session.inBackground
    ? (fn, arg) => session.inBackground!(fn, arg)
    : (fn, arg) => session.inExtension(fn, arg);
}

/**
 * Whether later pages of notes are refused from now on. The listener is installed again if need
 * be: a service worker stopped while idle comes back without it.
 */
export async function refusePages(session: BrowserSession, refuse: boolean): Promise<void> {
  const host = refusalHost(session);
  await host(installRefusal, undefined);
  await host((value: boolean) => {
    (globalThis as unknown as { refuseNotePages: boolean }).refuseNotePages = value;
  }, refuse);
}

/**
 * A browser with the article's notes (more than the first reply carries), the welcome card
 * already seen (its controls would come before the notice's on Shift+Tab).
 */
export async function launchWithMissingNotes(
  driver: BrowserDriver,
  options: LaunchOptions = {},
): Promise<{ session: BrowserSession; passages: Passage[] }> {
  const session = await driver.launch(options);
  await session.inExtension(async (key: string) => {
    const scope = globalThis as unknown as { browser?: unknown; chrome?: unknown };
    const api = (scope.browser ?? scope.chrome) as {
      storage: { local: { set(items: object): Promise<void> } };
    };
    await api.storage.local.set({ [key]: true });
  }, FIRST_RUN_KEY);
  const tab = await session.open(ARTICLE_URL);
  const passages = await tab.evaluate(passagesInPage, 200);
  await tab.close();
  await session.inExtension(writeArticleNotes, seedArguments(passages, MISSING_NOTES_COUNT));
  return { session, passages };
}

/** The first control of `role` whose texts include `text`, once there is one. */
async function controlHolding(
  tab: ArticleTab,
  role: string,
  text: string,
  what: string,
  timeoutMs = 10_000,
): Promise<Control> {
  const found = await waitUntil(
    async () => {
      for (const control of await tab.controls(role)) {
        if ((await tab.textsWithin(control)).includes(text)) return control;
      }
      return null;
    },
    (control) => control !== null,
    { what, timeoutMs, intervalMs: 250 },
  );
  if (!found) throw new Error(`no ${what}`);
  return found;
}

/** The alert and the note layer's notice, once both show, found by their words. */
async function noticeAndPartial(
  tab: ArticleTab,
  message: string,
  partialWords: string,
): Promise<{ alert: Control; partial: Control }> {
  const alert = await controlHolding(
    tab,
    'alert',
    message,
    'the notice that notes are missing',
    NOTES_REPORTED_MS,
  );
  const partial = await controlHolding(tab, 'status', partialWords, 'the note layer’s notice');
  return { alert, partial };
}

/** Expects the alert and the note layer's notice, once both are at rest, not to overlap. */
async function expectApart(tab: ArticleTab, alert: Control, partial: Control): Promise<void> {
  const noticeBox = await boxAtRest(() => tab.box(alert), 'the notice to come to rest');
  const partialBox = await boxAtRest(
    () => tab.box(partial),
    'the note layer’s notice to come to rest',
  );
  expect(intersects(noticeBox, partialBox), JSON.stringify([noticeBox, partialBox])).toBe(false);
}

/** Defines the suite for one browser. */
export function defineNotesMissingSuite(driver: BrowserDriver): void {
  describe(`notes that could not be loaded onto the page (${driver.name})`, () => {
    let session: BrowserSession;
    let passages: Passage[];

    beforeAll(async () => {
      ({ session, passages } = await launchWithMissingNotes(driver));
    });

    afterAll(async () => {
      await session?.close();
    });

    /** How many notes the background was told are placed on a tab (the page never learns it). */
    async function notesPlaced(tab: ArticleTab): Promise<{ placed: number; orphans: number }> {
      const record = await readTabRecord(session, tab);
      return {
        placed: record?.notesAnchored ?? 0,
        orphans: record?.orphanedNoteIds?.length ?? 0,
      };
    }

    it(
      'says so in an alert with no note data, takes no focus, and Retry from the keyboard brings them',
      async () => {
        await refusePages(session, true);
        const tab = await session.open(ARTICLE_URL);
        try {
          // Thousands of notes: the note layer says it draws only the nearest, at the window's
          // bottom right; the notice keeps above it.
          const { alert, partial } = await noticeAndPartial(
            tab,
            NOTES_MISSING_MESSAGE,
            PARTIAL_NOTICE,
          );
          // Nothing of the notes: no count, none of their passages' words.
          const texts = await tab.textsWithin(alert);
          expect(texts).toContain(NOTES_MISSING_MESSAGE);
          expect(texts.join(' ')).not.toMatch(/\d/);
          for (const passage of passages.slice(0, 20)) expect(texts).not.toContain(passage.exact);
          // The reader's focus stays on the page.
          expect(
            await tab.evaluate(() => document.activeElement === document.body, undefined),
          ).toBe(true);
          await expectApart(tab, alert, partial);
          expect((await notesPlaced(tab)).placed).toBe(NOTE_PAGE_SIZE);

          // The keyboard reaches it: the overlay comes last in the page, so Shift+Tab from the
          // start goes to its last control, then to Retry.
          await tab.keyboard.press('Shift+Tab');
          expect((await tab.focused())?.name).toBe('Dismiss');
          await tab.keyboard.press('Shift+Tab');
          expect((await tab.focused())?.name).toBe('Retry');

          // Retry, with the pages answered again: the notice goes, a toast says the notes are
          // coming (it stays 4 s: read first), and every note is placed.
          await refusePages(session, false);
          await tab.keyboard.press('Enter');
          await tab.waitForText(LOADED);
          expect(await tab.controls('alert')).toEqual([]);
          await waitUntil(
            () => notesPlaced(tab),
            ({ placed, orphans }) => placed + orphans === MISSING_NOTES_COUNT,
            {
              what: `all ${MISSING_NOTES_COUNT} notes placed`,
              timeoutMs: 30_000,
              intervalMs: 250,
            },
          );
        } finally {
          await tab.close();
        }
      },
      2 * NOTES_REPORTED_MS,
    );

    it(
      'keeps clear of the note layer’s notice in French, whose words are the longest',
      async () => {
        const french = await launchWithMissingNotes(driver, { language: 'fr' });
        try {
          await refusePages(french.session, true);
          const tab = await french.session.open(ARTICLE_URL);
          const { alert, partial } = await noticeAndPartial(
            tab,
            FRENCH.page_notes_missing.message,
            FRENCH.notes_partial_notice.message,
          );
          await expectApart(tab, alert, partial);
        } finally {
          await french.session.close();
        }
      },
      2 * NOTES_REPORTED_MS,
    );
  });
}
