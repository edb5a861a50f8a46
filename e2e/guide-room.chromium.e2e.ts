/** The guide-room suite (`suites/guide-room.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineGuideRoomSuite } from './suites/guide-room';

defineGuideRoomSuite(chromiumDriver);
