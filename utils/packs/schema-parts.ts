/**
 * The building blocks the pack schemas of every format version share: limits, text, dates,
 * addresses, slugs, strict objects, lists and the article's identity.
 */
import * as v from 'valibot';
import { type MessageKey, type PluralBase, plural, t } from '../i18n';
import type { KeyWithPlaceholders } from '../i18n/messages';
import type { AboutEntry, ClaimKind } from './types';

/**
 * A schema message in the interface language, read when a problem is found (never at import),
 * so a pack file refused in the popup is explained in the reader's language.
 */
export function say(key: PackSchemaPlainKey): () => string {
  return () => t(key);
}

/** The schema messages that take no substitution and are no plural form. */
type PackSchemaPlainKey = Exclude<
  Extract<MessageKey, `packschema_${string}`>,
  KeyWithPlaceholders | `${PluralBase}_${'one' | 'other'}`
>;

/** "must be at most 200 characters long", as a schema message. */
export function tooLong(max: number): () => string {
  return () => t('packschema_too_long', [max]);
}

/** "must be one of factual, opinion…", as a schema message. */
export function oneOf(values: readonly (string | number)[]): () => string {
  return () => t('packschema_one_of', [values.join(', ')]);
}

/** Upper bounds on every string and list, so a broken or hostile pack cannot flood the UI. */
export const PACK_LIMITS = {
  minClaims: 10,
  maxClaims: 14,
  minCounterpoints: 1,
  maxCounterpoints: 3,
  /** Sources under a claim whose verdict is a factual judgement (anything but 'opinion'). */
  minSourcesForFactualVerdict: 2,
  maxSources: 12,
  maxAboutEntries: 8,
  maxListItems: 12,
  maxSummarySentences: 1,
  /**
   * Editorial limits for packs written in format 2, checked by the bundled packs' tests rather
   * than by the validator, so that older, wordier packs still load after migration.
   */
  maxSummaryWords: 25,
  maxContextWords: 60,
  minContextSentences: 2,
  maxContextSentences: 4,
  idLength: 100,
  nameLength: 200,
  titleLength: 300,
  quoteLength: 600,
  affixLength: 200,
  sentenceLength: 400,
  paragraphLength: 1200,
  urlLength: 2048,
} as const;

/** A slug: lowercase letters and digits joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const HOST = /^[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,}$/;

/** Every claim kind, for the schemas' picklists. */
export const CLAIM_KINDS = [
  'factual',
  'opinion',
  'prediction',
  'attribution',
] as const satisfies readonly ClaimKind[];
/** Every role of an about entry. */
export const ABOUT_ROLES = [
  'publisher',
  'original-publisher',
  'author',
] as const satisfies readonly AboutEntry['role'][];

/** Whether `text` is a calendar date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (no 2021-02-30). */
export function isPartialDate(text: string): boolean {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return false;
  const [, yearText, monthText, dayText] = match;
  const year = Number(yearText);
  if (year < 1000) return false;
  if (monthText === undefined) return true;
  const month = Number(monthText);
  if (month < 1 || month > 12) return false;
  if (dayText === undefined) return true;
  const day = Number(dayText);
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years for us.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** Whether `text` is a full calendar date `YYYY-MM-DD`. */
export function isFullDate(text: string): boolean {
  return text.length === 10 && isPartialDate(text);
}

/** Whether `text` parses as an absolute http: or https: address (never javascript:, data: …). */
export function isHttpUrl(text: string): boolean {
  // The URL parser silently strips surrounding whitespace and control characters; a source
  // address with any of them was mangled somewhere, so refuse it rather than repair it.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject.
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

// Full stops that do not end a sentence: initialisms ("U.S.", "H.R."), common titles, and
// "e.g."/"i.e.". The check is deliberately light: it guards against a paragraph pasted into a
// one-sentence field, not against every stylistic choice.
const NON_TERMINAL =
  /(?:\b(?:[A-Za-z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|No|vs|etc|Jr|Sr|approx)\.)$/;

/** Counts the sentences in `text`, lightly: a sentence ends in `.`, `!` or `?` before a capital. */
export function countSentences(text: string): number {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 0;
  let count = 0;
  const boundary = /[.!?]+["'’”)\]]*(?=\s+["'‘“(]?[A-Z0-9]|\s*$)/g;
  let start = 0;
  for (let match = boundary.exec(trimmed); match !== null; match = boundary.exec(trimmed)) {
    const before = trimmed.slice(start, match.index + 1);
    const endsWithAbbreviation = match[0].startsWith('.') && NON_TERMINAL.test(before);
    const atEnd = match.index + match[0].length >= trimmed.length;
    if (endsWithAbbreviation && !atEnd) continue;
    count += 1;
    start = match.index + match[0].length;
  }
  // Trailing words without a closing stop still make a (badly punctuated) sentence.
  if (trimmed.slice(start).trim().length > 0) count += 1;
  return count;
}

/** Counts the words in `text`: runs of characters between spaces. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** Whether `text` reads as sentences that end properly with `.`, `!` or `?`. */
function endsLikeSentence(text: string): boolean {
  return /[.!?]["'’”)\]]*$/.test(text);
}

/** A non-empty string without surrounding spaces, at most `max` characters long. */
export function text(max: number) {
  return v.pipe(
    v.string(say('packschema_string')),
    v.maxLength(max, tooLong(max)),
    v.check((value) => value.trim().length > 0, say('packschema_empty')),
    v.check((value) => value.length === 0 || value === value.trim(), say('packschema_spaces')),
  );
}

/** A string of sentences: `min` to `max` of them, written as prose. */
export function sentences(min: number, max: number, maxLength: number) {
  const wanted = () =>
    min === max ? plural('packschema_sentences', min) : t('packschema_sentences_range', [min, max]);
  return v.pipe(
    text(maxLength),
    v.check(endsLikeSentence, say('packschema_sentence_end')),
    v.check((value) => {
      const count = countSentences(value);
      return count >= min && count <= max;
    }, wanted),
  );
}

/** The plural messages for a list with too few and too many items, by what it lists. */
const LIST_BOUNDS = {
  claims: ['packschema_min_claims', 'packschema_max_claims'],
  sources: ['packschema_min_sources', 'packschema_max_sources'],
  counterpoints: ['packschema_min_counterpoints', 'packschema_max_counterpoints'],
  details: ['packschema_min_details', 'packschema_max_details'],
  items: ['packschema_min_items', 'packschema_max_items'],
  entries: ['packschema_min_entries', 'packschema_max_entries'],
  hosts: ['packschema_min_hosts', 'packschema_max_hosts'],
  fingerprint: ['packschema_min_fingerprint', 'packschema_max_fingerprint'],
} as const satisfies Record<string, readonly [PluralBase, PluralBase]>;

/** What a list of a pack holds, for its messages ("must have at least 10 claims"). */
export type ListedThing = keyof typeof LIST_BOUNDS;

/** A list with item schema `item`, between `min` and `max` items long. */
export function list<TItem extends v.GenericSchema>(
  item: TItem,
  min: number,
  max: number,
  what: ListedThing,
) {
  const [fewest, most] = LIST_BOUNDS[what];
  return v.pipe(
    v.array(item, say('packschema_list')),
    v.minLength(min, () => plural(fewest, min)),
    v.maxLength(max, () => plural(most, max)),
  );
}

/** Whether `value` is a plain object, not an array (valibot's object schemas accept arrays). */
function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strict objects: an unknown key in a hand-written pack is almost always a misspelt field. */
export function record<TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(
    v.custom<unknown>(isPlainObject, say('packschema_object')),
    v.strictObject(entries, (issue) => {
      if (issue.expected === 'never') return t('packschema_unknown_field');
      if (issue.input === undefined && issue.expected?.startsWith('"')) {
        return t('packschema_missing');
      }
      return t('packschema_object');
    }),
  );
}

/** A slug id. */
export const slugSchema = v.pipe(
  v.string(say('packschema_string')),
  v.maxLength(PACK_LIMITS.idLength, tooLong(PACK_LIMITS.idLength)),
  v.regex(SLUG, say('packschema_slug')),
);

/** A date written YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDateSchema = v.pipe(
  v.string(say('packschema_string')),
  v.maxLength(10, say('packschema_partial_date_form')),
  v.check(isPartialDate, say('packschema_partial_date_real')),
);

/** A date written YYYY-MM-DD. */
export const fullDateSchema = v.pipe(
  v.string(say('packschema_string')),
  v.maxLength(10, say('packschema_full_date_form')),
  v.check(isFullDate, say('packschema_full_date_real')),
);

/** An http or https address. */
export const urlSchema = v.pipe(
  v.string(say('packschema_string')),
  v.maxLength(PACK_LIMITS.urlLength, tooLong(PACK_LIMITS.urlLength)),
  v.check(isHttpUrl, say('packschema_url')),
);

/** Schema of the article's identity and how to recognise it. */
export const PackArticleSchema = record({
  id: slugSchema,
  title: text(PACK_LIMITS.titleLength),
  author: text(PACK_LIMITS.nameLength),
  published: fullDateSchema,
  publisher: text(PACK_LIMITS.nameLength),
  originalPublisher: text(PACK_LIMITS.nameLength),
  recognise: record({
    hosts: list(
      v.pipe(
        v.string(say('packschema_string')),
        v.maxLength(253, tooLong(253)),
        v.regex(HOST, say('packschema_host')),
        v.check((host) => !host.startsWith('www.'), say('packschema_host_www')),
      ),
      1,
      PACK_LIMITS.maxListItems,
      'hosts',
    ),
    headline: text(PACK_LIMITS.titleLength),
    fingerprint: list(text(PACK_LIMITS.sentenceLength), 0, 64, 'fingerprint'),
  }),
});

/** Adds an issue at `path` for every item whose `id` was already used earlier in the list. */
export function uniqueIds<TItem extends { id: string }>(listName: string) {
  return v.rawCheck<TItem[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const firstIndex = new Map<string, number>();
    dataset.value.forEach((item, index) => {
      const earlier = firstIndex.get(item.id);
      if (earlier === undefined) {
        firstIndex.set(item.id, index);
        return;
      }
      addIssue({
        message: t('packschema_duplicate_id', [item.id, `${listName}[${earlier}]`]),
        path: [
          { type: 'array', origin: 'value', input: dataset.value, key: index, value: item },
          { type: 'object', origin: 'value', input: item, key: 'id', value: item.id },
        ],
      });
    });
  });
}

/** True exactly when A and B are the same type, for compile-time checks of schema outputs. */
export type Exactly<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Renders a valibot issue path as `claims[3].sources[0].url`; the pack itself is `pack`. */
export function formatPath(path: readonly v.IssuePathItem[] | undefined): string {
  if (!path || path.length === 0) return 'pack';
  let result = '';
  for (const item of path) {
    const key = item.key;
    if (typeof key === 'number') result += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      result += result ? `.${key}` : key;
    else result += `[${JSON.stringify(String(key))}]`;
  }
  return result;
}
