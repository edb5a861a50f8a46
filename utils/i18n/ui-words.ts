/**
 * The in-page UI's words (the reading guide, the welcome card, the notices and toasts), made by
 * the background and put into the content script's isolated world just before it injects the UI
 * bundle (`utils/background/inject-ui.ts`). In Chrome a content script's first
 * `i18n.getMessage` fetches the extension's message catalogue from the browser process,
 * synchronously: 6–9 ms of a new tab's main thread, inside the task that draws the guide. The
 * background reads each message with placeholder marks for its substitutions, so the page fills
 * them in exactly as `getMessage` would; a key the table lacks is still read from the browser.
 *
 * Pure: the message sources are passed in.
 */
import type { MessageKey, PluralBase } from './messages';
import { PLURAL_SUFFIXES } from './messages';
import type { MessageSource } from './translator';

/** The UI's messages in the interface language, each with marks where its substitutions go. */
export interface UiWords {
  /** The browser's interface language, as `getUILanguage()` reports it. */
  language: string;
  /** Each message, with U+E000 + n where substitution n + 1 goes. */
  messages: Record<string, string>;
}

/**
 * The messages the in-page UI bundle names (`e2e/bundle-check.ts` fails when the bundle names
 * one that is not here).
 */
export const UI_MESSAGE_KEYS = [
  'language_tag',
  'adder_tooltip',
  'common_add_note',
  'date_at_time',
  'guide_about_source',
  'guide_by_verdict',
  'guide_found',
  'guide_next',
  'guide_next_contradicted',
  'guide_next_misleading',
  'guide_next_opinion',
  'guide_next_partly_supported',
  'guide_next_supported',
  'guide_next_tooltip',
  'guide_next_unsupported',
  'guide_previous',
  'guide_previous_tooltip',
  'guide_role_author',
  'guide_role_original_publisher',
  'guide_role_publisher',
  'guide_sources_about',
  'guide_unverified',
  'guide_your_notes',
  'notes_undo',
  'page_cannot_note',
  'page_draft_kept',
  'page_highlights_off',
  'page_highlights_off_no_shortcut',
  'page_highlights_on',
  'page_note_deleted',
  'page_note_not_ready',
  'page_note_restored',
  'page_note_saved',
  'page_note_updated',
  'page_notes_loaded',
  'page_notes_missing',
  'page_notes_retry',
  'page_notes_retrying',
  'page_paused',
  'page_select_first',
  'page_select_inside',
  'page_select_words',
  'page_selection_changed',
  'toast_dismiss',
  'verdict_contradicted',
  'verdict_misleading',
  'verdict_opinion',
  'verdict_partly_supported',
  'verdict_supported',
  'verdict_unsupported',
  'welcome_dismiss',
  'welcome_guide',
  'welcome_help',
  'welcome_marks',
  'welcome_notes',
  'welcome_title',
] as const satisfies readonly MessageKey[];

/** The plural messages the in-page UI bundle names, by base (every category is sent). */
export const UI_PLURAL_BASES = ['guide_checked'] as const satisfies readonly PluralBase[];

/** The isolated world's global property the background puts the words in, for the UI bundle. */
export const UI_WORDS_PROPERTY = 'counterpointUiWords';

/** The words in `scope` (the isolated world's global object), taken out of it; null if none. */
export function takeUiWords(scope: Record<string, unknown>): UiWords | null {
  const value = scope[UI_WORDS_PROPERTY];
  delete scope[UI_WORDS_PROPERTY];
  if (typeof value !== 'object' || value === null) return null;
  const { language, messages } = value as Partial<UiWords>;
  if (typeof language !== 'string' || typeof messages !== 'object' || messages === null) {
    return null;
  }
  const strings: Record<string, string> = {};
  for (const [key, message] of Object.entries(messages)) {
    if (typeof message === 'string') strings[key] = message;
  }
  return { language, messages: strings };
}

/** Substitutions a message can take: `$1` … `$9`. */
const MAX_SUBSTITUTIONS = 9;
const FIRST_MARK = 0xe000;
const MARKS = Array.from({ length: MAX_SUBSTITUTIONS }, (_, index) =>
  String.fromCharCode(FIRST_MARK + index),
);
const MARK = /[\ue000-\ue008]/g;

/** Every key the table holds: the messages and each plural category of the plural bases. */
export function uiMessageKeys(): string[] {
  return [
    ...UI_MESSAGE_KEYS,
    ...UI_PLURAL_BASES.flatMap((base) => PLURAL_SUFFIXES.map((suffix) => `${base}_${suffix}`)),
  ];
}

/** The UI's words read from a message source (the background's `browser.i18n`). */
export function uiWords(source: MessageSource, keys: readonly string[] = uiMessageKeys()): UiWords {
  const messages: Record<string, string> = {};
  // A category a language has no message for is '' here as in the browser, so the page falls
  // back to `_other` without asking the browser.
  for (const key of keys) messages[key] = source.getMessage(key, MARKS);
  return { language: source.getUILanguage(), messages };
}

/**
 * A message source over the background's table; `fallback` (the browser's `i18n`) answers what
 * the table does not hold.
 */
export function uiWordsSource(words: UiWords, fallback: MessageSource): MessageSource {
  return {
    getMessage(key, substitutions = []) {
      const message = Object.hasOwn(words.messages, key) ? words.messages[key] : undefined;
      if (typeof message !== 'string') return fallback.getMessage(key, substitutions);
      // One pass over the message: a substitution's own text is never read for marks.
      return message.replace(MARK, (mark) => substitutions[mark.charCodeAt(0) - FIRST_MARK] ?? '');
    },
    getUILanguage: () => words.language,
  };
}
