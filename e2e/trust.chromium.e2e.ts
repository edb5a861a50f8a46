/** The durability suite (`suites/trust.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineTrustSuite } from './suites/trust';

defineTrustSuite(chromiumDriver);
