/** The guide-room suite (`suites/guide-room.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineGuideRoomSuite } from './suites/guide-room';

defineGuideRoomSuite(firefoxDriver);
