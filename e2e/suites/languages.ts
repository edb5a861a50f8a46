/**
 * The interface in the browser's language, one suite for every browser: a browser started in
 * Spanish or French shows the claim markers and the reading guide, a claim popover (its chrome
 * and its dates), the popup, the notes manager, the side panel and the help and about pages in
 * that language, found by role and translated name, while the pack's own texts stay English and
 * say so. `languages-shared.chromium.e2e.ts` and `languages.firefox.e2e.ts` run it; Chromium's
 * layout checks at each zoom and scheme are in `languages.chromium.e2e.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import spanish from '../../public/_locales/es/messages.json';
import french from '../../public/_locales/fr/messages.json';
import { fileMessageSource } from '../../utils/i18n/file-source';
import type { MessageKey } from '../../utils/i18n/messages';
import { createTranslator, type Translator } from '../../utils/i18n/translator';
import { loadBundledPacks } from '../../utils/packs';
import { ARTICLE_URL } from '../fixtures';
import type { ArticleTab, BrowserDriver, BrowserSession } from '../harness/driver';
import { waitUntil } from '../harness/wait';

const [bundled] = loadBundledPacks().packs;
if (!bundled) throw new Error('no bundled pack');
const pack = bundled;

/** The languages besides English that the interface speaks, with their words. */
export const OTHER_LANGUAGES: readonly { language: string; words: Translator }[] = [
  { language: 'es', words: createTranslator(fileMessageSource(spanish, 'es')) },
  { language: 'fr', words: createTranslator(fileMessageSource(french, 'fr')) },
];

const escapeForPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A verdict's label key, as utils/i18n/verdicts.ts names it. */
const labelKey = (verdict: string): MessageKey =>
  `verdict_${verdict.replace('-', '_')}` as MessageKey;

/** Defines the languages suite for one browser and one language. */
export function defineLanguagesSuite(
  driver: BrowserDriver,
  { language, words }: { language: string; words: Translator },
): void {
  let session: BrowserSession;
  let tab: ArticleTab;
  let tabId: number;

  /** A claim marker's name in this language: "Afirmación: Engañosa. Abrir el contexto". */
  const markerName = (verdict?: string): RegExp => {
    const [head = '', tail = ''] = words.t('marker_claim_open', ['\u0000']).split('\u0000');
    const word = verdict === undefined ? '.+' : escapeForPattern(words.t(labelKey(verdict)));
    return new RegExp(`^${escapeForPattern(head)}${word}${escapeForPattern(tail)}$`);
  };

  beforeAll(async () => {
    session = await driver.launch({ language });
    tab = await session.open(ARTICLE_URL);
    tabId = await session.tabIdOf(tab);
    await waitUntil(
      async () => (await tab.controls('button', markerName())).length,
      (count) => count === pack.claims.length,
      { what: 'every claim marker, named in the language', timeoutMs: 15_000 },
    );
  });

  afterAll(async () => {
    await session?.close();
  });

  describe(`${driver.name} in ${language}`, () => {
    it('the extension reads its messages in that language, and the popup says which it is', async () => {
      const heading = await session.inExtension(() => {
        const scope = globalThis as unknown as {
          browser?: { i18n: { getMessage(key: string): string } };
          chrome?: { i18n: { getMessage(key: string): string } };
        };
        return (scope.browser ?? scope.chrome)?.i18n.getMessage('settings_heading') ?? '';
      }, undefined);
      expect(heading).toBe(words.t('settings_heading'));
      const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
      try {
        await popup.waitForHeading(2, words.t('popup_key_claims'));
        const total = pack.claims.length;
        expect(await popup.text()).toContain(
          squash(words.plural('popup_claims_found', total, [total])),
        );
        const lang = await popup.evaluate(() => document.documentElement.lang, undefined);
        expect(lang).toMatch(new RegExp(`^${language}`));
      } finally {
        await popup.close();
      }
    });

    it('names every claim marker by its verdict, and the reading guide, in that language', async () => {
      const names = (await tab.controls('button', markerName())).map((marker) => marker.name);
      for (const claim of pack.claims) {
        expect(names.some((name) => markerName(claim.verdict).test(name))).toBe(true);
      }
      // Where the site's sidebar takes the room beside the article, the guide starts as its pill.
      if ((await tab.controls('button', words.t('guide_next'))).length === 0) {
        await tab.click(await tab.waitForControl('button', /^Counterpoint · /));
      }
      await tab.waitForControl('button', words.t('guide_next'));
      await tab.waitForControl('button', words.t('guide_previous'));
    });

    it('opens a claim popover whose chrome and dates are in that language, its pack texts in English', async () => {
      const claim = pack.claims.find((candidate) => candidate.sources.length > 0);
      if (!claim) throw new Error('no claim with sources');
      const [marker] = await tab.controls('button', markerName(claim.verdict));
      if (!marker) throw new Error('no marker for the claim');
      await tab.focus(marker);
      await tab.keyboard.press('Enter');
      const prefix = words.t('claim_heading_prefix');
      const dialog = await tab.popover.waitFor(new RegExp(`^${escapeForPattern(prefix)}`));
      const text = squash(dialog.text);
      expect(text).toContain(squash(words.t('claim_sources')));
      expect(text).toContain(squash(words.t('claim_add_note')));
      // Every source's date as the language writes it ("8 de junio de 2021", "8 juin 2021").
      for (const source of claim.sources) {
        expect(text).toContain(squash(words.formatPartialDate(source.date)));
      }
      // The pack's own words, as the research has them.
      expect(text).toContain(squash(claim.summary));
      await tab.keyboard.press('Escape');
      await tab.popover.waitClosed();
    });

    it('shows the notes manager, the side panel, the help and the about page in that language', async () => {
      const pages: [string, number, string][] = [
        ['notes.html', 1, words.t('manager_title')],
        ['help.html', 1, words.t('help_title')],
        ['about.html', 1, words.t('help_about_link')],
        ['method.html', 1, words.t('common_how_checks')],
      ];
      for (const [path, level, heading] of pages) {
        const page = await session.openExtensionPage(path);
        try {
          await page.waitForHeading(level, heading);
          const lang = await page.evaluate(() => document.documentElement.lang, undefined);
          expect(lang, path).toMatch(new RegExp(`^${language}`));
        } finally {
          await page.close();
        }
      }
      const panel = await session.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
      try {
        await panel.waitForHeading(2, words.t('sidepanel_key_claims'));
      } finally {
        await panel.close();
      }
    });
  });
}
