import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import spanish from '../../public/_locales/es/messages.json';
import french from '../../public/_locales/fr/messages.json';
import type { MessagesFile } from './chrome-format';
import { fileMessageSource } from './file-source';
import { createTranslator, type MessageSource } from './translator';
import {
  takeUiWords,
  UI_MESSAGE_KEYS,
  UI_WORDS_PROPERTY,
  uiMessageKeys,
  uiWords,
  uiWordsSource,
} from './ui-words';

/** A source that must not be asked: the browser's catalogue, whose first read blocks the tab. */
const untouchable: MessageSource = {
  getMessage: (key) => {
    throw new Error(`the browser's catalogue was read for ${key}`);
  },
  getUILanguage: () => {
    throw new Error("the browser's language was read");
  },
};

const files: [string, MessagesFile][] = [
  ['en-GB', english],
  ['es', spanish],
  ['fr-CA', french],
];

describe('the in-page UI’s words from the background', () => {
  it('give every UI message as the browser would, substitutions filled in order', () => {
    const substitutions = ['first', 'second $1', '3', '\ue001 literal', 'five'];
    for (const [language, file] of files) {
      const browser = fileMessageSource(file, language);
      const table = uiWordsSource(uiWords(browser), untouchable);
      for (const key of uiMessageKeys()) {
        expect(table.getMessage(key, substitutions), `${language} ${key}`).toBe(
          browser.getMessage(key, substitutions),
        );
        expect(table.getMessage(key), `${language} ${key}, no substitution`).toBe(
          browser.getMessage(key),
        );
      }
      expect(table.getUILanguage()).toBe(language);
    }
  });

  it('name only keys the messages file has', () => {
    for (const key of UI_MESSAGE_KEYS) expect(english, key).toHaveProperty(key);
  });

  it('serve the translator without the browser: plurals, the language, numbers', () => {
    const inSpanish = createTranslator(
      uiWordsSource(uiWords(fileMessageSource(spanish, 'es-MX')), untouchable),
    );
    expect(inSpanish.language).toBe('es-MX');
    // Spanish says "many" for a million; the table has that category empty, as the browser does.
    expect(inSpanish.plural('guide_checked', 1_000_000)).toBe(
      createTranslator(fileMessageSource(spanish, 'es-MX')).plural('guide_checked', 1_000_000),
    );
    const inFrench = createTranslator(
      uiWordsSource(uiWords(fileMessageSource(french, 'fr')), untouchable),
    );
    expect(inFrench.plural('guide_checked', 0)).toBe(
      createTranslator(fileMessageSource(french, 'fr')).plural('guide_checked', 0),
    );
    expect(inFrench.t('page_highlights_off', ['Alt+Maj+U'])).toContain('Alt+Maj+U');
  });

  it('leave what the table lacks to the browser', () => {
    const asked: [string, string[] | undefined][] = [];
    const browser: MessageSource = {
      getMessage: (key, substitutions) => {
        asked.push([key, substitutions]);
        return `browser: ${key}`;
      },
      getUILanguage: () => 'en',
    };
    const table = uiWordsSource(uiWords(fileMessageSource(english, 'en'), ['guide_next']), browser);
    expect(table.getMessage('guide_next')).toBe(english.guide_next.message);
    expect(asked).toEqual([]);
    expect(table.getMessage('popup_title', ['x'])).toBe('browser: popup_title');
    expect(asked).toEqual([['popup_title', ['x']]]);
  });
});

describe('taking the words in the UI bundle', () => {
  it('takes the table out of the world’s global object, once', () => {
    const words = uiWords(fileMessageSource(english, 'en'));
    const scope: Record<string, unknown> = { [UI_WORDS_PROPERTY]: words };
    expect(takeUiWords(scope)).toEqual(words);
    expect(scope).not.toHaveProperty(UI_WORDS_PROPERTY);
    expect(takeUiWords(scope)).toBeNull();
  });

  it('keeps only strings, and refuses what is not a table', () => {
    for (const bad of [null, 'words', { language: 1, messages: {} }, { language: 'en' }]) {
      expect(takeUiWords({ [UI_WORDS_PROPERTY]: bad })).toBeNull();
    }
    expect(
      takeUiWords({
        [UI_WORDS_PROPERTY]: { language: 'en', messages: { guide_next: 'Next', x: 3, y: null } },
      }),
    ).toEqual({ language: 'en', messages: { guide_next: 'Next' } });
  });
});
