/** The notes-missing suite (`suites/notes-missing.ts`) in real Firefox. */
import { firefoxDriver } from './harness/driver-firefox';
import { defineNotesMissingSuite } from './suites/notes-missing';

defineNotesMissingSuite(firefoxDriver);
