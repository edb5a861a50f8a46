/**
 * Notes that could not be loaded onto the page, in real Chromium: the shared suite
 * (`suites/notes-missing.ts`), and the notice photographed in light, dark and at 200 % for
 * docs/screenshots/ (the 200 % look is set through the DevTools protocol, which only Chromium's
 * driver has).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FIRST_RUN_KEY } from '../utils/settings';
import { ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { chromiumDriver } from './harness/driver-chromium';
import { articlePassages, seedArticleNotes } from './harness/heavy-notes';
import { openPhotoTab, PHOTO_LOOKS } from './harness/photo-tab';
import { waitUntil } from './harness/wait';
import {
  defineNotesMissingSuite,
  MISSING_NOTES_COUNT,
  NOTES_MISSING_MESSAGE,
  NOTES_REPORTED_MS,
} from './suites/notes-missing';

defineNotesMissingSuite(chromiumDriver);

describe('the notice that notes are missing, photographed', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchChromium();
    await session.inExtension((key) => chrome.storage.local.set({ [key]: true }), FIRST_RUN_KEY);
    const page = await session.open(ARTICLE_URL);
    const passages = await articlePassages(page, 200);
    await page.close();
    await seedArticleNotes(session, passages, MISSING_NOTES_COUNT);
    // As the suite does: a listener in the service worker answers the later pages first.
    const worker = await session.worker();
    await worker.evaluate(() => {
      chrome.runtime.onMessage.addListener((message, _sender, reply) => {
        if ((message as { type?: unknown } | null)?.type === 'page.notesPage') {
          reply({ ok: false, error: 'The notes could not be read.' });
        }
      });
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it(
    'is photographed in light, dark and at 200 %',
    async () => {
      for (const look of PHOTO_LOOKS) {
        const { page, photograph, close } = await openPhotoTab(session, look);
        await page.goto(ARTICLE_URL);
        const probe = await probeAccessibility(page);
        try {
          await waitUntil(
            () => probe.find('StaticText', NOTES_MISSING_MESSAGE),
            (found) => found.length > 0,
            { what: 'the notice', timeoutMs: NOTES_REPORTED_MS, intervalMs: 250 },
          );
          // Let the notice's entrance animation finish before the picture.
          await new Promise((resolve) => setTimeout(resolve, 300));
          await photograph(`notes-missing-${look}.png`);
        } finally {
          await probe.detach();
          await close();
        }
      }
    },
    3 * NOTES_REPORTED_MS,
  );
});

declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: {
    onMessage: {
      addListener(
        listener: (message: unknown, sender: unknown, reply: (answer: unknown) => void) => void,
      ): void;
    };
  };
};
