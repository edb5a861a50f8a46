/**
 * Unit tests' setup: the interface speaks English from the English messages file, with British
 * dates ("8 June 2021"), since WXT's fake browser has no `i18n`.
 */
import english from '../../public/_locales/en/messages.json';
import { fileMessageSource } from './file-source';
import { setMessageSource } from './index';

setMessageSource(fileMessageSource(english, 'en-GB'));
