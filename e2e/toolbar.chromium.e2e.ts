/** The toolbar suite (`suites/toolbar.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineToolbarSuite } from './suites/toolbar';

defineToolbarSuite(chromiumDriver);
