/** The timer-sweep suite (`suites/timer-sweep.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineTimerSweepSuite } from './suites/timer-sweep';

defineTimerSweepSuite(firefoxDriver);
