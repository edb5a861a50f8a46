/** The quick-reader suite (`suites/reader-races.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineReaderRacesSuite } from './suites/reader-races';

defineReaderRacesSuite(firefoxDriver);
