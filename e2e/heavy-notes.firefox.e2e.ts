/** The heavy-annotator suite (`suites/heavy-notes.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineHeavyNotesSuite } from './suites/heavy-notes';

defineHeavyNotesSuite(firefoxDriver);
