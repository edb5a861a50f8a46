/** The trust-context suite (`suites/trust-context.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineTrustContextSuite } from './suites/trust-context';

defineTrustContextSuite(firefoxDriver);
