/** The claims suite (`suites/claims.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineClaimsSuite } from './suites/claims';

defineClaimsSuite(firefoxDriver);
