/** The notes suite (`suites/notes.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineNotesSuite } from './suites/notes';

defineNotesSuite(firefoxDriver);
