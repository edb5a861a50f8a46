/**
 * Unit tests' switch of the interface language: runs a test body with the Spanish or French
 * messages file as the browser's, then goes back to the English of `test-setup.ts`.
 */
import english from '../../public/_locales/en/messages.json';
import spanish from '../../public/_locales/es/messages.json';
import french from '../../public/_locales/fr/messages.json';
import type { MessagesFile } from './chrome-format';
import { fileMessageSource } from './file-source';
import { setMessageSource } from './index';

/** The languages the interface ships besides English, by their tag. */
const FILES: Record<'es' | 'fr', MessagesFile> = { es: spanish, fr: french };

/** Runs `body` with the interface in `language`, and restores English afterwards. */
export async function inLanguage<T>(language: 'es' | 'fr', body: () => T | Promise<T>): Promise<T> {
  setMessageSource(fileMessageSource(FILES[language], language));
  try {
    return await body();
  } finally {
    setMessageSource(fileMessageSource(english as MessagesFile, 'en-GB'));
  }
}
