/**
 * A message source over a `messages.json` file already in memory: the unit tests' stand-in for
 * the browser's `i18n`, so components render their English (or any language's) words without a
 * browser.
 */
import { formatMessage, type MessagesFile } from './chrome-format';
import type { MessageSource } from './translator';

/** Messages from one file, in the given interface language. */
export function fileMessageSource(file: MessagesFile, language: string): MessageSource {
  return {
    getMessage: (key, substitutions) => {
      const entry = file[key];
      return entry === undefined ? '' : formatMessage(entry, substitutions);
    },
    getUILanguage: () => language,
  };
}
