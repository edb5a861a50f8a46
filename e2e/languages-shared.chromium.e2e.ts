/**
 * The languages suite (`suites/languages.ts`) in real Chromium started in Spanish and in French
 * (the layout checks at each zoom and scheme are in `languages.chromium.e2e.ts`).
 */
import { chromiumDriver } from './harness/driver-chromium';
import { defineLanguagesSuite, OTHER_LANGUAGES } from './suites/languages';

for (const language of OTHER_LANGUAGES) defineLanguagesSuite(chromiumDriver, language);
