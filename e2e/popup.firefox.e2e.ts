/**
 * The popup suite (`suites/popup.ts`) in real Firefox: the popup and the notes manager open in a
 * tab over WebDriver BiDi; files are chosen with BiDi's `input.setFiles` and downloads read from
 * the session's download folder.
 */
import { firefoxDriver } from './harness/driver-firefox';
import { definePopupSuite } from './suites/popup';

definePopupSuite(firefoxDriver);
