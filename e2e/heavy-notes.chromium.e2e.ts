/** The heavy-annotator suite (`suites/heavy-notes.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineHeavyNotesSuite } from './suites/heavy-notes';

defineHeavyNotesSuite(chromiumDriver);
