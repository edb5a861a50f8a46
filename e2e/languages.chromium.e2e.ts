/**
 * The interface follows the browser's language: Chromium started in Spanish and in French shows
 * the claim markers, the reading guide, the welcome card, the popup, a claim popover, the side
 * panel, the method page and the help and about pages in that language (found by
 * role and translated name), with the pack's own texts marked as English, and no text clipped or
 * overflowing, in light, dark and at 200 % zoom. Screenshots of each go to the artefacts (the
 * chosen ones are in docs/screenshots).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import spanish from '../public/_locales/es/messages.json';
import french from '../public/_locales/fr/messages.json';
import { fileMessageSource } from '../utils/i18n/file-source';
import type { MessageKey } from '../utils/i18n/messages';
import { createTranslator } from '../utils/i18n/translator';
import { loadBundledPacks } from '../utils/packs';
import { VERDICTS } from '../utils/packs/types';
import { isExpanded, probeAccessibility } from './harness/accessibility';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { artifactsDir } from './harness/paths';
import { popoverFrame, waitForPopover } from './harness/popover';
import { waitUntil } from './harness/wait';

const [pack] = loadBundledPacks().packs;
if (!pack) throw new Error('no bundled pack');

const LANGUAGES = [
  { language: 'es', words: createTranslator(fileMessageSource(spanish, 'es')) },
  { language: 'fr', words: createTranslator(fileMessageSource(french, 'fr')) },
] as const;

type Look = 'light' | 'dark' | 'zoom200';

/** Elements whose text is cut off (an overflow that hides) or runs past the page's width. */
async function clippedText(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      problems.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`,
      );
    }
    // A closed select shows its chosen option's words in its own box, arrow beside them.
    const measure = document.createElement('canvas').getContext('2d');
    for (const select of document.querySelectorAll('select')) {
      const style = getComputedStyle(select);
      const words = select.selectedOptions[0]?.textContent ?? '';
      if (!measure || words === '') continue;
      measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room =
        select.clientWidth -
        Number.parseFloat(style.paddingLeft) -
        Number.parseFloat(style.paddingRight) -
        16;
      if (measure.measureText(words).width > room) problems.push(`clipped: ${words}`);
    }
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (element.closest('[hidden], .cp-visually-hidden') || element.offsetParent === null)
        continue;
      const text = element.textContent?.trim() ?? '';
      if (text === '' || element.children.length > 0) continue;
      const style = getComputedStyle(element);
      // Visually hidden on purpose (a legend read by screen readers only).
      if (style.clip.startsWith('rect(0')) continue;
      const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      if (hides && element.scrollWidth > element.clientWidth + 1) {
        problems.push(`clipped: ${text.slice(0, 60)}`);
      }
      const box = element.getBoundingClientRect();
      if (box.right > width + 1) problems.push(`past the edge: ${text.slice(0, 60)}`);
    }
    return problems;
  });
}

/**
 * The CSS viewport a window gets at 200 % zoom: half its width and height. (The popup keeps its
 * own width, since 760 device pixels fit the 800 a popup may have, and gets half of its 600.)
 */
const ZOOMED = { article: { width: 640, height: 450 }, popup: { width: 380, height: 300 } };

/** The side panel's usual size, and at 200 % (half of it in CSS pixels). */
const PANEL = { normal: { width: 380, height: 860 }, zoom200: { width: 190, height: 430 } };

/** A verdict's message key, as utils/i18n/verdicts.ts names it. */
const verdictKey = (verdict: string, kind: 'label' | 'definition'): MessageKey =>
  `verdict_${kind === 'definition' ? 'definition_' : ''}${verdict.replace('-', '_')}` as MessageKey;

/** A message's words up to its first substitution, for names that go on with a quote. */
function before(message: (filler: string) => string): string {
  return message('\u0000').split('\u0000')[0] ?? '';
}

const escapeForPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const { language, words } of LANGUAGES) {
  describe(`Chromium in ${language}`, () => {
    let session: ChromiumSession;
    let article: Page;
    let tabId: number;
    const savedLanguage = process.env.LANGUAGE;

    beforeAll(async () => {
      // Linux Chromium takes its interface language from the environment as well as --lang.
      process.env.LANGUAGE = language;
      session = await launchChromium({ args: [`--lang=${language}`, `--accept-lang=${language}`] });
      article = await session.open();
      tabId = await session.tabIdOf(article);
      await waitUntil(
        () => session.badgeText(tabId),
        (text) => /^\d+$/.test(text),
        { what: 'the claims to be found' },
      );
    });

    afterAll(async () => {
      process.env.LANGUAGE = savedLanguage;
      await session?.close();
    });

    it(`the extension speaks ${language}, and its pages say so`, async () => {
      const read = await session.inExtension(() => {
        const { i18n } = (globalThis as unknown as ChromeI18n).chrome;
        return {
          reported: i18n.getUILanguage(),
          heading: i18n.getMessage('settings_heading'),
          declared: document.documentElement.lang,
        };
      }, null);
      expect(read.heading).toBe(words.t('settings_heading'));
      // Headless Chromium reads the --lang file but reports getUILanguage() as en-US; the
      // pages declare (and format dates in) the language of the words they show.
      expect(read.declared).toBe(language);
      expect(typeof read.reported).toBe('string');
    });

    /** A claim marker's name in this language: "Afirmación: …. Abrir el contexto". */
    const markerName = (verdict?: string): RegExp => {
      const [head = '', tail = ''] = words.t('marker_claim_open', ['\u0000']).split('\u0000');
      const word =
        verdict === undefined ? '.+' : escapeForPattern(words.t(verdictKey(verdict, 'label')));
      return new RegExp(`^${escapeForPattern(head)}${word}${escapeForPattern(tail)}$`);
    };

    it('names the claim markers, the reading guide and the welcome card in that language', async () => {
      await article.bringToFront();
      const probe = await probeAccessibility(article);
      try {
        for (const claim of pack.claims) await probe.waitFor('button', markerName(claim.verdict));
        const total = pack.claims.length;
        const summary = words.plural('guide_checked', total);
        const pill = await probe.waitFor(
          'button',
          new RegExp(`^Counterpoint · ${escapeForPattern(summary)}`),
        );
        // Where the site's sidebar takes the room beside the article, it starts as its pill.
        if (!isExpanded(pill)) await probe.click(pill);
        await probe.waitFor('button', words.t('guide_previous'));
        await probe.waitFor('button', words.t('guide_next'));
        const tally = await probe.waitFor('list', words.t('guide_by_verdict'));
        const verdict = pack.claims[0]?.verdict ?? 'supported';
        const chipName = new RegExp(
          `^${escapeForPattern(words.t(verdictKey(verdict, 'label')))}: \\d+, ${escapeForPattern(
            words.t(`guide_next_${verdict.replace('-', '_')}` as MessageKey),
          )}$`,
        );
        expect(await probe.within(tally, 'button', chipName)).toHaveLength(1);
        await probe.waitFor('button', words.t('guide_your_notes'));
        // The welcome card, shown on the first article of a new profile.
        await probe.waitFor('heading', words.t('welcome_title'));
        await probe.waitFor('button', words.t('welcome_help'));
        await article.screenshot({
          path: join(artifactsDir('screenshots', 'languages'), `guide-${language}-light.png`),
        });
        // Put away, so it covers no marker at 200 % (the card is taller in these languages).
        await probe.click(await probe.waitFor('button', words.t('welcome_dismiss')));
        await waitUntil(
          async () => (await probe.find('heading', words.t('welcome_title'))).length,
          (count) => count === 0,
          { what: 'the welcome card to go' },
        );
      } finally {
        await probe.detach();
      }
    });

    async function openPopup(look: Look): Promise<Page> {
      const popup = await session.openPopup(tabId);
      await popup.emulateMedia({ colorScheme: look === 'dark' ? 'dark' : 'light' });
      await popup.setViewportSize(look === 'zoom200' ? ZOOMED.popup : { width: 380, height: 900 });
      await popup.getByRole('switch', { name: words.t('settings_claim_highlights') }).waitFor();
      return popup;
    }

    it('shows the popup in that language, by role and name', async () => {
      const popup = await openPopup('light');
      expect(await popup.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${language}`));
      await popup.getByRole('heading', { name: words.t('popup_key_claims') }).waitFor();
      await popup.getByRole('heading', { name: words.t('settings_heading') }).waitFor();
      await popup.getByRole('heading', { name: words.t('notes_heading') }).waitFor();
      await popup.getByRole('switch', { name: words.t('settings_note_highlights') }).waitFor();
      await popup.getByRole('button', { name: words.t('popup_open_manager') }).waitFor();
      await popup.getByRole('searchbox', { name: words.t('notes_search') }).waitFor();
      const total = pack.claims.length;
      await popup.getByText(words.plural('popup_claims_found', total, [total])).waitFor();
      // The claims' quotes are the pack's English, marked so a screen reader reads them so.
      const quote = popup.locator('.cp-claim-quote').first();
      expect(await quote.getAttribute('lang')).toBe('en');
      await popup.close();
    });

    it.each<Look>(['light', 'dark', 'zoom200'])('the popup fits its text (%s)', async (look) => {
      const popup = await openPopup(look);
      await popup.getByRole('heading', { name: words.t('popup_key_claims') }).waitFor();
      expect(await clippedText(popup)).toEqual([]);
      await popup.screenshot({
        path: join(artifactsDir('screenshots', 'languages'), `popup-${language}-${look}.png`),
        fullPage: look !== 'zoom200',
      });
      await popup.close();
    });

    async function openClaim(
      look: Look,
    ): Promise<{ frame: Frame; dialog: Awaited<ReturnType<typeof waitForPopover>> }> {
      await article.emulateMedia({ colorScheme: look === 'dark' ? 'dark' : 'light' });
      // The popover takes the scheme the page paints, not the system's: darken the page.
      await article.evaluate((dark) => {
        document.getElementById('dark-page')?.remove();
        if (!dark) return;
        const sheet = document.createElement('style');
        sheet.id = 'dark-page';
        sheet.textContent =
          'html, body { background: #16181c !important; color: #e6e6e6 !important; }';
        document.head.append(sheet);
      }, look === 'dark');
      await article.setViewportSize(
        look === 'zoom200' ? ZOOMED.article : { width: 1280, height: 900 },
      );
      await article.bringToFront();
      const probe = await probeAccessibility(article);
      try {
        // With the mouse, at every zoom, the reading guide open (its largest, and larger in these
        // languages). Beside the article's column it covers no marker; where it started as its
        // pill (the site's sidebar takes that room) it opens over the column's top, and the
        // reader folds it again (its pill) before reaching for the first claim.
        const pill = await probe.waitFor('button', /^Counterpoint · /);
        const startedOpen = isExpanded(pill);
        if (!startedOpen) await probe.click(pill);
        await probe.waitFor('list', words.t('guide_by_verdict'));
        if (!startedOpen) {
          await probe.click(await probe.waitFor('button', /^Counterpoint · /));
          await waitUntil(
            async () => (await probe.find('list', words.t('guide_by_verdict'))).length,
            (count) => count === 0,
            { what: 'the guide to fold' },
          );
        }
        await probe.click(await probe.waitFor('button', markerName()));
      } finally {
        await probe.detach();
      }
      const prefix = words.t('claim_heading_prefix');
      const dialog = await waitForPopover(article, new RegExp(`^${prefix}`));
      return { frame: await popoverFrame(article), dialog };
    }

    it.each<Look>(['light', 'dark', 'zoom200'])(
      'shows a claim popover in that language, its text fitting (%s)',
      async (look) => {
        const { frame, dialog } = await openClaim(look);
        expect(await frame.locator('#app').getAttribute('data-theme')).toBe(
          look === 'dark' ? 'dark' : 'light',
        );
        expect(await frame.locator('html').getAttribute('lang')).toMatch(
          new RegExp(`^${language}`),
        );
        await dialog.getByRole('button', { name: words.t('claim_add_note') }).waitFor();
        await dialog.getByRole('button', { name: words.t('claim_copy_link') }).waitFor();
        await dialog.getByRole('button', { name: words.t('common_close') }).waitFor();
        await dialog.getByRole('link', { name: words.t('common_how_checks') }).waitFor();
        await dialog.getByRole('heading', { name: words.t('claim_sources') }).waitFor();
        expect(await dialog.locator('.cp-summary').getAttribute('lang')).toBe('en');
        const sourceTitle = dialog.locator('.cp-sources li > span[lang]').first();
        expect(await sourceTitle.getAttribute('lang')).toBe('en');
        // The words around them are the interface's.
        await dialog.getByText(words.t('claim_counterpoints')).waitFor();
        expect(await clippedText(frame)).toEqual([]);
        await article.screenshot({
          path: join(
            artifactsDir('screenshots', 'languages'),
            `claim-popover-${language}-${look}.png`,
          ),
        });
        // The footer's buttons, at the end of a long popover.
        await frame.evaluate(() => {
          const root = document.getElementById('app');
          if (root) root.scrollTop = root.scrollHeight;
        });
        await dialog
          .getByRole('button', { name: words.t('claim_add_note') })
          .scrollIntoViewIfNeeded();
        await article.screenshot({
          path: join(
            artifactsDir('screenshots', 'languages'),
            `claim-popover-${language}-${look}-end.png`,
          ),
        });
        await article.keyboard.press('Escape');
        await waitUntil(
          async () => frame.getByRole('dialog').count(),
          (count) => count === 0,
          { what: 'the popover to close' },
        );
      },
    );

    async function openExtensionPage(
      path: string,
      look: Look,
      size: { width: number; height: number },
    ) {
      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: look === 'dark' ? 'dark' : 'light' });
      await page.setViewportSize(size);
      await page.goto(`chrome-extension://${session.extensionId}/${path}`);
      return page;
    }

    /** A screenshot of an extension page; at 200 % captured at twice the density, as seen. */
    async function shoot(page: Page, name: string, look: Look): Promise<void> {
      const path = join(
        artifactsDir('screenshots', 'languages'),
        `${name}-${language}-${look}.png`,
      );
      if (look !== 'zoom200') {
        // The panel draws only the rows near its viewport, so a full-page shot would show gaps.
        await page.screenshot({ path, fullPage: name !== 'sidepanel' });
        return;
      }
      const size = page.viewportSize() ?? PANEL.zoom200;
      const cdp = await session.context.newCDPSession(page);
      const { data } = (await cdp.send('Page.captureScreenshot', {
        format: 'png',
        clip: { x: 0, y: 0, width: size.width, height: size.height, scale: 2 },
      })) as { data: string };
      writeFileSync(path, Buffer.from(data, 'base64'));
      await cdp.detach();
    }

    async function openPanel(look: Look): Promise<Page> {
      const panel = await openExtensionPage(
        `sidepanel.html?tabId=${tabId}`,
        look,
        look === 'zoom200' ? PANEL.zoom200 : PANEL.normal,
      );
      await panel.getByRole('list', { name: words.t('sidepanel_claims_list') }).waitFor();
      return panel;
    }

    it('shows the side panel in that language, by role and name', async () => {
      const panel = await openPanel('light');
      expect(await panel.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${language}`));
      expect(await panel.title()).toBe(words.t('sidepanel_title'));
      await panel.getByRole('heading', { name: words.t('sidepanel_key_claims') }).waitFor();
      await panel.getByRole('link', { name: words.t('common_how_checks') }).waitFor();
      const filter = panel.getByRole('group', { name: words.t('sidepanel_filter_label') });
      const verdict = pack.claims[0]?.verdict ?? 'supported';
      await filter
        .getByRole('button', { name: new RegExp(`^${words.t(verdictKey(verdict, 'label'))}`) })
        .waitFor();
      const total = pack.claims.length;
      await panel.getByText(words.plural('sidepanel_claims_all', total)).waitFor();
      const copyName = before((quote) => words.t('sidepanel_copy_link_named', [quote]));
      const copyButtons = panel.getByRole('button', {
        name: new RegExp(`^${escapeForPattern(copyName)}`),
      });
      expect(await copyButtons.count()).toBeGreaterThan(0);
      await panel.getByRole('heading', { name: words.t('sidepanel_notes_none') }).waitFor();
      await panel.getByText(words.t('sidepanel_no_notes', [words.t('common_add_note')])).waitFor();
      // The claims' quotes are the pack's English, marked so a screen reader reads them so.
      expect(await panel.locator('.cp-entry-quote').first().getAttribute('lang')).toBe('en');
      // Choosing a verdict narrows the list, and the summary says so in the same language.
      await filter.getByRole('button').first().click();
      await panel.getByRole('button', { name: words.t('sidepanel_show_all') }).waitFor();
      await panel.close();
    });

    it.each<Look>(['light', 'dark', 'zoom200'])(
      'the side panel fits its text (%s)',
      async (look) => {
        const panel = await openPanel(look);
        await panel.getByRole('heading', { name: words.t('sidepanel_key_claims') }).waitFor();
        expect(await clippedText(panel)).toEqual([]);
        await shoot(panel, 'sidepanel', look);
        await panel.close();
      },
    );

    async function openMethod(look: Look): Promise<Page> {
      const method = await openExtensionPage(
        'method.html',
        look,
        look === 'zoom200' ? ZOOMED.article : { width: 1280, height: 900 },
      );
      await method.getByRole('heading', { level: 1, name: words.t('common_how_checks') }).waitFor();
      return method;
    }

    it('shows the method page in that language, its verdict definitions too', async () => {
      const method = await openMethod('light');
      expect(await method.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${language}`));
      expect(await method.title()).toBe(words.t('common_how_checks'));
      const verdicts = method.getByRole('region', { name: words.t('method_verdicts_heading') });
      for (const verdict of VERDICTS) {
        await verdicts.getByText(words.t(verdictKey(verdict, 'label')), { exact: true }).waitFor();
        expect(await verdicts.textContent()).toContain(words.t(verdictKey(verdict, 'definition')));
      }
      const sources = method.getByRole('region', { name: words.t('method_sources_heading') });
      await sources.getByRole('heading', { name: words.t('method_packs_heading') }).waitFor();
      expect(await sources.locator('cite').first().getAttribute('lang')).toBe('en');
      await method.getByRole('region', { name: words.t('method_corrections_heading') }).waitFor();
      const packs = method.getByRole('region', { name: words.t('packs_heading') });
      await packs
        .getByRole('button', { name: words.t('packs_download_annotations') })
        .first()
        .waitFor();
      await packs.getByLabel(words.t('packs_load')).waitFor();
      await method.close();
    });

    it.each<Look>(['light', 'dark', 'zoom200'])(
      'the method page fits its text (%s)',
      async (look) => {
        const method = await openMethod(look);
        await method.getByRole('region', { name: words.t('packs_heading') }).waitFor();
        expect(await clippedText(method)).toEqual([]);
        await shoot(method, 'method', look);
        await method.close();
      },
    );

    async function openHelp(look: Look): Promise<Page> {
      const help = await openExtensionPage(
        'help.html',
        look,
        look === 'zoom200' ? ZOOMED.article : { width: 1280, height: 900 },
      );
      await help.getByRole('heading', { level: 1, name: words.t('help_title') }).waitFor();
      return help;
    }

    it('shows the help page in that language, by role and name', async () => {
      const help = await openHelp('light');
      expect(await help.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${language}`));
      expect(await help.title()).toBe(words.t('help_title'));
      const browserTable = help.getByRole('table', { name: words.t('help_browser_heading') });
      // The browser's own commands, described by the manifest in this language.
      await browserTable.getByRole('rowheader', { name: words.t('command_add_note') }).waitFor();
      await browserTable
        .getByRole('rowheader', { name: words.t('command_toggle_highlights') })
        .waitFor();
      await browserTable.getByRole('columnheader', { name: words.t('help_keys') }).waitFor();
      const pageTable = help.getByRole('table', { name: words.t('help_page_heading') });
      await pageTable.getByRole('rowheader', { name: words.t('help_next_claim') }).waitFor();
      await pageTable.getByRole('rowheader', { name: words.t('help_save') }).waitFor();
      await help.getByRole('button', { name: words.t('help_open_settings') }).waitFor();
      await help.getByRole('heading', { name: words.t('help_marks_heading') }).waitFor();
      await help.getByRole('link', { name: words.t('common_how_checks') }).waitFor();
      await help.getByRole('link', { name: words.t('help_about_link') }).waitFor();
      await help.close();
    });

    it.each<Look>(['light', 'dark', 'zoom200'])(
      'the help page fits its text (%s)',
      async (look) => {
        const help = await openHelp(look);
        await help.getByRole('table', { name: words.t('help_page_heading') }).waitFor();
        expect(await clippedText(help)).toEqual([]);
        await shoot(help, 'help', look);
        await help.close();
      },
    );

    async function openAbout(look: Look): Promise<Page> {
      const about = await openExtensionPage(
        'about.html',
        look,
        look === 'zoom200' ? ZOOMED.article : { width: 1280, height: 900 },
      );
      await about.getByRole('heading', { level: 1, name: words.t('help_about_link') }).waitFor();
      // The count has been read once the status says how many notes there are.
      await about.getByRole('status').getByText(words.t('about_count_none')).waitFor();
      return about;
    }

    it('shows the about page in that language, by role and name', async () => {
      const about = await openAbout('light');
      expect(await about.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${language}`));
      expect(await about.title()).toBe(words.t('help_about_link'));
      await about.getByRole('region', { name: words.t('about_stored_heading') }).waitFor();
      await about.getByRole('region', { name: words.t('about_sent_heading') }).waitFor();
      await about.getByRole('term').getByText(words.t('about_notes_term')).waitFor();
      const deleting = about.getByRole('region', { name: words.t('about_delete_heading') });
      await deleting.getByRole('link', { name: words.t('popup_open_manager') }).waitFor();
      // No notes yet, so nothing to delete.
      expect(
        await deleting.getByRole('button', { name: words.t('about_delete_button') }).isDisabled(),
      ).toBe(true);
      await about.getByRole('link', { name: words.t('method_help_link') }).waitFor();
      await about.getByRole('link', { name: words.t('common_how_checks') }).waitFor();
      await about.close();
    });

    it.each<Look>(['light', 'dark', 'zoom200'])(
      'the about page fits its text (%s)',
      async (look) => {
        const about = await openAbout(look);
        expect(await clippedText(about)).toEqual([]);
        await shoot(about, 'about', look);
        await about.close();
      },
    );
  });
}

interface ChromeI18n {
  chrome: { i18n: { getUILanguage(): string; getMessage(key: string): string } };
}
