/** The timer-sweep suite (`suites/timer-sweep.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineTimerSweepSuite } from './suites/timer-sweep';

defineTimerSweepSuite(chromiumDriver);
