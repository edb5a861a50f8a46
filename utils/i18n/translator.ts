/**
 * Translating the interface: messages by key, plurals chosen by `Intl.PluralRules`, numbers and
 * dates through `Intl` in the browser's interface language. The message source is passed in (the
 * browser's `i18n` in the extension, the English file in unit tests), so this runs anywhere.
 *
 * Pure: no extension API, no DOM.
 */
import type { MessageKey, PluralArgs, PluralBase, SubstitutionArgs } from './messages';

/** Where messages come from: the shape of `browser.i18n`'s two synchronous calls. */
export interface MessageSource {
  /** The message for a key with its substitutions, or '' when there is none. */
  getMessage(key: string, substitutions?: string[]): string;
  /** The interface language, a BCP 47 tag such as `en-US`, `es` or `fr`. */
  getUILanguage(): string;
}

/** A day, month or year as a source's date has it: "2021", "2021-06" or "2021-06-08". */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The interface's words and formats in one language. */
export interface Translator {
  /** The interface language (BCP 47), for `lang` attributes and `Intl`. */
  readonly language: string;
  /** The message for a key; substitutions fill its placeholders in order. */
  t<K extends MessageKey>(key: K, ...args: SubstitutionArgs<K>): string;
  /**
   * The plural message for a count: `<base>_one` or `<base>_other` as the language's plural
   * rules choose (French says "0 note", English "0 notes"). The count is always substitution $1.
   */
  plural<B extends PluralBase>(base: B, count: number, ...args: PluralArgs<B>): string;
  /** A number in the language's digits and grouping ("20,000", "20 000", "20.000"). */
  formatNumber(value: number): string;
  /** A source date, "2021" / "2021-06" / "2021-06-08", as words; anything else as given. */
  formatPartialDate(isoDate: string): string;
  /** An ISO 8601 time in the reader's time zone, day, month, year and time; bad input as given. */
  formatTimestamp(isoTime: string): string;
}

/** A translator reading from a message source. */
export function createTranslator(source: MessageSource): Translator {
  const language = languageOf(source);
  // Each format is made on its first use: the first `Intl.NumberFormat` or `Intl.DateTimeFormat`
  // of a fresh tab loads the language's data (13–17 ms for the number format in a new Chromium
  // tab), and the page's UI shows counts and dates only in some of its views.
  const pluralRules = once(() => new Intl.PluralRules(language));
  const numbers = once(() => new Intl.NumberFormat(language));
  const plainDigits = writesPlainDigits(language);
  const formatNumber = (value: number): string =>
    plainDigits && Number.isInteger(value) && value >= 0 && value < 1000
      ? String(value)
      : numbers().format(value);
  // Dates of sources are calendar days, formatted in UTC so "2021-06-08" never shows as 7 June.
  const dayFormat = once(
    () =>
      new Intl.DateTimeFormat(language, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  const monthFormat = once(
    () => new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  const localDay = once(
    () => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }),
  );
  const localTime = once(
    () => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }),
  );

  const message = (key: string, substitutions: readonly (string | number)[] = []): string =>
    source.getMessage(
      key,
      substitutions.map((value) => (typeof value === 'number' ? formatNumber(value) : value)),
    );

  return {
    language,
    t: (key, ...args) => message(key, args[0]),
    plural: (base, count, ...args) => {
      const extra = (args as unknown as [readonly (string | number)[] | undefined])[0] ?? [];
      const substitutions = [count, ...extra];
      const chosen = message(`${base}_${pluralRules().select(count)}`, substitutions);
      return chosen !== '' ? chosen : message(`${base}_other`, substitutions);
    },
    formatNumber,
    formatPartialDate: (isoDate) => {
      const match = PARTIAL_DATE.exec(isoDate.trim());
      const year = match?.[1];
      if (!match || year === undefined) return isoDate;
      const month = match[2];
      if (month === undefined) return year;
      const monthNumber = Number(month);
      if (monthNumber < 1 || monthNumber > 12) return isoDate;
      const day = match[3];
      if (day === undefined)
        return monthFormat().format(Date.UTC(Number(year), monthNumber - 1, 1));
      const date = new Date(Date.UTC(Number(year), monthNumber - 1, Number(day)));
      // "2021-02-30" would roll over to March: refuse what is not a real day.
      if (date.getUTCMonth() !== monthNumber - 1 || date.getUTCDate() !== Number(day)) {
        return isoDate;
      }
      return dayFormat().format(date);
    },
    formatTimestamp: (isoTime) => {
      const date = new Date(isoTime);
      if (Number.isNaN(date.getTime())) return isoTime;
      return message('date_at_time', [localDay().format(date), localTime().format(date)]);
    },
  };
}

/**
 * The language the words are in, with the browser's region when it is the same language
 * ("en-GB" reads English with British dates). The messages file says which language it is,
 * because the browser may pick a file other than its reported interface language: headless
 * Chromium started with `--lang=fr` reads the French file but reports `en-US`.
 */
function languageOf(source: MessageSource): string {
  const reported = source.getUILanguage();
  const words = source.getMessage('language_tag');
  if (words === '') return reported || 'en';
  const primary = (tag: string): string => tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return primary(reported) === primary(words) ? reported : words;
}

/** A value made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * Whether the language writes a whole number under 1,000 as its plain ASCII digits, as
 * `Intl.NumberFormat` would: the interface's languages (English, Spanish, French) in any region,
 * with no Unicode extension that could ask for other digits.
 */
function writesPlainDigits(language: string): boolean {
  return /^(en|es|fr)(-[a-z0-9]+)*$/i.test(language) && !/-u-/i.test(language);
}
