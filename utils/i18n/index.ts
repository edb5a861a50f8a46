/**
 * The interface's words for every extension page, the background and the popover frame: `t`,
 * `plural` and the date and number formats, in the browser's interface language
 * (`browser.i18n`, which reads `public/_locales/<lang>/messages.json`). How to add a string:
 * docs/i18n.md.
 */
import { extensionApi } from '../browser';
import type { MessageKey, PluralArgs, PluralBase, SubstitutionArgs } from './messages';
import { createTranslator, type MessageSource, type Translator } from './translator';

export type { MessageKey, PluralBase } from './messages';
export type { MessageSource, Translator } from './translator';
export { createTranslator } from './translator';

let current: Translator | null = null;
let currentSource: MessageSource | null = null;

/** The browser's own message source. */
export function browserMessageSource(): MessageSource {
  return {
    getMessage: (key, substitutions) => extensionApi.i18n.getMessage(key, substitutions),
    getUILanguage: () => extensionApi.i18n.getUILanguage(),
  };
}

/** Where messages come from from now on (the unit tests' setup passes the English file). */
export function setMessageSource(source: MessageSource): void {
  currentSource = source;
  current = createTranslator(source);
}

/** The message source in use: the one set, or the browser's. */
export function messageSource(): MessageSource {
  currentSource ??= browserMessageSource();
  return currentSource;
}

/** The translator in use, made from the browser's i18n on first use. */
export function translator(): Translator {
  current ??= createTranslator(messageSource());
  return current;
}

/** The message for a key, in the interface language; substitutions fill its placeholders. */
export function t<K extends MessageKey>(key: K, ...args: SubstitutionArgs<K>): string {
  return translator().t(key, ...args);
}

/** The plural message of a base for a count (the count is substitution $1). */
export function plural<B extends PluralBase>(
  base: B,
  count: number,
  ...args: PluralArgs<B>
): string {
  return translator().plural(base, count, ...args);
}

/** The interface language (BCP 47), for `lang` attributes and `Intl`. */
export function uiLanguage(): string {
  return translator().language;
}

/** A number in the interface language's digits and grouping. */
export function formatNumber(value: number): string {
  return translator().formatNumber(value);
}
