/** The trust-context suite (`suites/trust-context.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineTrustContextSuite } from './suites/trust-context';

defineTrustContextSuite(chromiumDriver);
