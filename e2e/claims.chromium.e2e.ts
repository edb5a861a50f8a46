/** The claims suite (`suites/claims.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineClaimsSuite } from './suites/claims';

defineClaimsSuite(chromiumDriver);
