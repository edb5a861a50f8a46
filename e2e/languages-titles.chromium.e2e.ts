/**
 * The words a reader meets outside the pages' bodies follow the browser's language too: Chromium
 * started in French shows the toolbar button's tooltip, the popup's and the popover frame's page
 * titles, and the popup's footer links in French (`<html lang>` saying so).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import french from '../public/_locales/fr/messages.json';
import { fileMessageSource } from '../utils/i18n/file-source';
import { createTranslator } from '../utils/i18n/translator';
import { probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { popoverFrame, waitForPopover } from './harness/popover';
import { waitUntil } from './harness/wait';

const words = createTranslator(fileMessageSource(french, 'fr'));

const escapeForPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ChromeAction {
  chrome: { action: { getTitle(details: { tabId: number }): Promise<string> } };
}

describe('Chromium in French: tooltip and page titles', () => {
  let session: ChromiumSession;
  let article: Page;
  let tabId: number;
  let badge: string;
  const savedLanguage = process.env.LANGUAGE;

  beforeAll(async () => {
    // Linux Chromium takes its interface language from the environment as well as --lang.
    process.env.LANGUAGE = 'fr';
    session = await launchChromium({ args: ['--lang=fr', '--accept-lang=fr'] });
    article = await session.open();
    tabId = await session.tabIdOf(article);
    badge = await waitUntil(
      () => session.badgeText(tabId),
      (text) => /^\d+$/.test(text),
      { what: 'the claims to be found' },
    );
  });

  afterAll(async () => {
    process.env.LANGUAGE = savedLanguage;
    await session?.close();
  });

  it('explains the badge in French, with the plural the number takes', async () => {
    const expected = words.plural('badge_checked', Number(badge));
    expect(expected).toMatch(/^Counterpoint : \d+ affirmations? vérifiées? sur cette page$/);
    const title = await waitUntil(
      () =>
        session.inExtension(
          (id: number) =>
            (globalThis as unknown as ChromeAction).chrome.action.getTitle({ tabId: id }),
          tabId,
        ),
      (text) => text === expected,
      { what: 'the French tooltip' },
    );
    expect(title).toBe(expected);
  });

  it('titles the popup in French and names its footer links', async () => {
    const popup = await session.openPopup(tabId);
    try {
      await popup.getByRole('heading', { name: words.t('popup_key_claims') }).waitFor();
      expect(await popup.title()).toBe(words.t('popup_title'));
      expect(await popup.title()).toBe('Counterpoint sur cette page');
      expect(await popup.locator('html').getAttribute('lang')).toMatch(/^fr/);
      expect(
        await popup.getByRole('link', { name: words.t('popup_help_link') }).getAttribute('href'),
      ).toBe('/help.html');
      expect(
        await popup.getByRole('link', { name: words.t('popup_data_link') }).getAttribute('href'),
      ).toBe('/about.html');
    } finally {
      await popup.close();
    }
  });

  it('titles the popover frame in French', async () => {
    await article.bringToFront();
    const [head = '', tail = ''] = words.t('marker_claim_open', ['\u0000']).split('\u0000');
    const marker = new RegExp(`^${escapeForPattern(head)}.+${escapeForPattern(tail)}$`);
    const probe = await probeAccessibility(article);
    try {
      await probe.focus(await probe.waitFor('button', marker));
      await article.keyboard.press('Enter');
    } finally {
      await probe.detach();
    }
    await waitForPopover(
      article,
      new RegExp(`^${escapeForPattern(words.t('claim_heading_prefix'))}`),
    );
    const frame = await popoverFrame(article);
    expect(await frame.title()).toBe(words.t('popover_title'));
    expect(await frame.locator('html').getAttribute('lang')).toMatch(/^fr/);
  });
});
