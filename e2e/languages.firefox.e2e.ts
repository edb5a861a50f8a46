/**
 * The languages suite (`suites/languages.ts`) in real Firefox started in Spanish and in French.
 * Firefox shows an add-on's messages in a language only when its language pack is installed:
 * Debian's `firefox-esr-l10n-es-es` and `firefox-esr-l10n-fr`, which `e2e/install-browsers.sh`
 * installs. Without them this fails at once, saying so.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll } from 'vitest';
import { firefoxDriver } from './harness/driver-firefox';
import { FIREFOX_PATH } from './harness/firefox';
import { defineLanguagesSuite, OTHER_LANGUAGES } from './suites/languages';

/** The language packs' file names, as Debian installs them beside Firefox. */
const LANGUAGE_PACKS: Record<string, string> = {
  es: 'langpack-es-ES@firefox-esr.mozilla.org.xpi',
  fr: 'langpack-fr@firefox-esr.mozilla.org.xpi',
};

beforeAll(() => {
  const folder = join(dirname(realpathSync(FIREFOX_PATH)), 'browser', 'extensions');
  for (const { language } of OTHER_LANGUAGES) {
    const file = LANGUAGE_PACKS[language] ?? `langpack-${language}`;
    if (!existsSync(join(folder, file))) {
      throw new Error(
        `Firefox has no ${language} language pack (${join(folder, file)}): run e2e/install-browsers.sh`,
      );
    }
  }
});

for (const language of OTHER_LANGUAGES) defineLanguagesSuite(firefoxDriver, language);
