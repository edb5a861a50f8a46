/** The busy-page suite (`suites/busy-page.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineBusyPageSuite } from './suites/busy-page';

defineBusyPageSuite(chromiumDriver);
