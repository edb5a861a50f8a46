/** The quick-reader suite (`suites/reader-races.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineReaderRacesSuite } from './suites/reader-races';

defineReaderRacesSuite(chromiumDriver);
