/**
 * The help and about pages as built into the extension, in real Chromium, used as a reader uses
 * them: reached from the popup and the method page; the help page shows the shortcuts the
 * browser actually bound and opens its shortcut settings; the about page deletes every note
 * after a real dialog and brings every one back with Undo; no serious axe violation in light or
 * dark; screenshots in light, dark and at 200 %.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_URL } from './fixtures';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { PROJECT_ROOT } from './harness/paths';
import { addNote, storedNotes, waitForNotesPlaced } from './harness/reader';
import { waitUntil } from './harness/wait';

const require = createRequire(import.meta.url);
const SCREENSHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');
const PASSAGE = 'the more poverty in these countries, the more there will be immigrants in the US';
const OTHER_PASSAGE = 'any optimism regarding this topic should be carefully considered';

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // The page's CSP refuses inline scripts; evaluation through the debugger protocol is allowed.
  await page.evaluate(axeSource);
  return (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<unknown> } }).axe;
    const result = (await axe.run()) as { violations: { id: string; impact: string | null }[] };
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => violation.id);
  })) as string[];
}

/** Screenshots of a page in light, dark and at 200 % (a 640 px wide window at scale 2). */
async function screenshots(name: string, url: string, prepare?: (page: Page) => Promise<void>) {
  for (const [suffix, options] of [
    ['light', { colorScheme: 'light', viewport: { width: 900, height: 900 } }],
    ['dark', { colorScheme: 'dark', viewport: { width: 900, height: 900 } }],
    ['200', { colorScheme: 'light', viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
  ] as const) {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: options.colorScheme });
    await page.setViewportSize(options.viewport);
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await prepare?.(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${suffix}.png`) });
    await page.close();
  }
}

describe('the help page', () => {
  it('is reached from the popup and from the method page', async () => {
    const popup = await session.openPopup();
    const [help] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('link', { name: 'Help and shortcuts' }).click(),
    ]);
    await help.getByRole('heading', { level: 1, name: 'Counterpoint help' }).waitFor();
    await help.close();
    const [about] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('link', { name: 'Your data' }).click(),
    ]);
    await about
      .getByRole('heading', { level: 1, name: 'About Counterpoint and your data' })
      .waitFor();
    await about.close();
    await popup.close();

    const method = await session.context.newPage();
    await method.goto(`chrome-extension://${session.extensionId}/method.html`);
    await method.getByRole('link', { name: 'Counterpoint help and shortcuts' }).click();
    await method.getByRole('heading', { level: 1, name: 'Counterpoint help' }).waitFor();
    await method.close();
  });

  it('shows the shortcuts the browser bound, and opens its shortcut settings', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/help.html`);
    const bound = (await page.evaluate(() =>
      chrome.commands
        .getAll()
        .then((commands) =>
          commands
            .filter((command) => command.description)
            .map((command) => ({ action: command.description, keys: command.shortcut })),
        ),
    )) as { action: string; keys: string }[];
    expect(bound.length).toBe(2);
    const table = page.getByRole('table', { name: 'Browser shortcuts' });
    for (const { action, keys } of bound) {
      const row = table.getByRole('row', { name: new RegExp(`^${action}`) });
      expect((await row.getByRole('cell').textContent())?.replace(/\s+/g, '')).toBe(keys);
    }
    const pageTable = page.getByRole('table', { name: 'Shortcuts on the article' });
    for (const keys of ['Alt+Shift+J', 'Alt+Shift+K', 'Escape']) {
      await pageTable.getByRole('cell', { name: keys, exact: true }).waitFor();
    }

    const [settings] = await Promise.all([
      session.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Change shortcuts in the browser' }).click(),
    ]);
    await waitUntil(
      async () => settings.url(),
      (url) => url.startsWith('chrome://extensions/shortcuts'),
      { what: "Chrome's shortcut settings" },
    );
    await settings.close();
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious axe violation (${scheme})`, async () => {
      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${session.extensionId}/help.html`);
      await page.getByRole('table', { name: 'Browser shortcuts' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('is photographed in light, dark and at 200 %', async () => {
    await screenshots('help', `chrome-extension://${session.extensionId}/help.html`);
  });
});

describe('the about page', () => {
  it('deletes every note only after the dialog, and Undo brings every one back', async () => {
    const article = await session.open(ARTICLE_URL);
    const probe = await probeAccessibility(article);
    await addNote(article, probe, PASSAGE, 'First note to keep');
    await addNote(article, probe, OTHER_PASSAGE, 'Second note to keep');
    await waitForNotesPlaced(session, article, 2);
    const before = await storedNotes(session);
    expect(before.length).toBe(2);

    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/about.html`);
    await page.getByRole('status').filter({ hasText: 'You have 2 notes.' }).waitFor();
    const deleteButton = page.getByRole('button', { name: 'Delete all my notes…' });

    // Escape leaves everything as it was, and gives the focus back.
    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: 'Delete all your notes?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Delete all my notes…',
    );
    expect(await storedNotes(session)).toEqual(before);

    // By keyboard: open, Tab to the delete button, confirm.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete all notes');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '2 notes deleted.' }).waitFor();
    await waitUntil(
      () => page.evaluate(() => document.activeElement?.textContent),
      (text) => text === 'Undo',
      { what: 'the focus on Undo' },
    );
    const deleted = await storedNotes(session);
    expect(deleted.every((note) => note.deletedAt !== undefined)).toBe(true);
    await waitForNotesPlaced(session, article, 0, 'the notes gone from the article');

    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your 2 notes are back.' }).waitFor();
    const sorted = (notes: { id: string }[]) => [...notes].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sorted(await storedNotes(session))).toEqual(sorted(before));
    await waitForNotesPlaced(session, article, 2, 'the notes back on the article');
    await probe.detach();
    await article.close();
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious axe violation, dialog open or not (${scheme})`, async () => {
      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${session.extensionId}/about.html`);
      await page.getByRole('status').filter({ hasText: 'You have 2 notes.' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Delete all my notes…' }).click();
      await page.getByRole('dialog', { name: 'Delete all your notes?' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('is photographed in light, dark and at 200 %, and with its dialog open', async () => {
    const url = `chrome-extension://${session.extensionId}/about.html`;
    await screenshots('about', url);
    await screenshots('about-dialog', url, async (page) => {
      await page.getByRole('status').filter({ hasText: 'You have 2 notes.' }).waitFor();
      await page.getByRole('button', { name: 'Delete all my notes…' }).click();
      await page.getByRole('dialog', { name: 'Delete all your notes?' }).waitFor();
    });
  });
});

declare const chrome: {
  commands: { getAll(): Promise<{ name?: string; description?: string; shortcut?: string }[]> };
};
