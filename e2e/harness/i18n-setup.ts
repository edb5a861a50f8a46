/**
 * The browser tests' own side computes expected words (dates, messages) in English as the
 * harness's Chromium shows them: it reports its interface language as en-US, so dates read
 * "June 8, 2021". Tests of other languages make their own translators.
 */
import english from '../../public/_locales/en/messages.json';
import { setMessageSource } from '../../utils/i18n';
import { fileMessageSource } from '../../utils/i18n/file-source';

setMessageSource(fileMessageSource(english, 'en-US'));
