/** The durability suite (`suites/trust.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineTrustSuite } from './suites/trust';

defineTrustSuite(firefoxDriver);
