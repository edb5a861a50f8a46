/** The notes suite (`suites/notes.ts`) in real Chromium. */
import { chromiumDriver } from './harness/driver-chromium';
import { defineNotesSuite } from './suites/notes';

defineNotesSuite(chromiumDriver);
