/** The busy-page suite (`suites/busy-page.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineBusyPageSuite } from './suites/busy-page';

defineBusyPageSuite(firefoxDriver);
