/** The popup suite (`suites/popup.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { definePopupSuite } from './suites/popup';

definePopupSuite(chromiumDriver);
