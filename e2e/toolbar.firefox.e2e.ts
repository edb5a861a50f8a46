/** The toolbar suite (`suites/toolbar.ts`) in real Firefox: the badge is the browser action's. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineToolbarSuite } from './suites/toolbar';

defineToolbarSuite(firefoxDriver);
