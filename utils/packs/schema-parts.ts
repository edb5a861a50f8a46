/**
 * The building blocks the pack schemas of every format version share: limits, text, dates,
 * addresses, slugs, strict objects, lists and the article's identity.
 */
import * as v from 'valibot';
import type { AboutEntry, ClaimKind } from './types';

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
    v.string('must be a string'),
    v.maxLength(max, `must be at most ${max} characters long`),
    v.check((value) => value.trim().length > 0, 'must not be empty'),
    v.check(
      (value) => value.length === 0 || value === value.trim(),
      'must not start or end with spaces',
    ),
  );
}

/** A string of sentences: `min` to `max` of them, written as prose. */
export function sentences(min: number, max: number, maxLength: number) {
  const wanted =
    min === max ? (min === 1 ? 'one sentence' : `${min} sentences`) : `${min} to ${max} sentences`;
  return v.pipe(
    text(maxLength),
    v.check(endsLikeSentence, 'must end with ".", "!" or "?"'),
    v.check((value) => {
      const count = countSentences(value);
      return count >= min && count <= max;
    }, `must be ${wanted}`),
  );
}

/** A list with item schema `item`, between `min` and `max` items long. */
export function list<TItem extends v.GenericSchema>(
  item: TItem,
  min: number,
  max: number,
  what: string,
) {
  return v.pipe(
    v.array(item, 'must be a list'),
    v.minLength(min, `must have at least ${min} ${what}`),
    v.maxLength(max, `must have at most ${max} ${what}`),
  );
}

/** Whether `value` is a plain object, not an array (valibot's object schemas accept arrays). */
function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strict objects: an unknown key in a hand-written pack is almost always a misspelt field. */
export function record<TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(
    v.custom<unknown>(isPlainObject, 'must be an object'),
    v.strictObject(entries, (issue) => {
      if (issue.expected === 'never') return 'is not a field of this format';
      if (issue.input === undefined && issue.expected?.startsWith('"')) return 'is missing';
      return 'must be an object';
    }),
  );
}

/** A slug id. */
export const slugSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(PACK_LIMITS.idLength, `must be at most ${PACK_LIMITS.idLength} characters long`),
  v.regex(SLUG, 'must be a slug: lowercase letters and digits joined by single hyphens'),
);

/** A date written YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDateSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(10, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isPartialDate, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD'),
);

/** A date written YYYY-MM-DD. */
export const fullDateSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(10, 'must be a date written YYYY-MM-DD'),
  v.check(isFullDate, 'must be a real date written YYYY-MM-DD'),
);

/** An http or https address. */
export const urlSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(PACK_LIMITS.urlLength, `must be at most ${PACK_LIMITS.urlLength} characters long`),
  v.check(isHttpUrl, 'must be an http or https address'),
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
        v.string('must be a string'),
        v.maxLength(253, 'must be at most 253 characters long'),
        v.regex(HOST, 'must be a lowercase host name such as example.org'),
        v.check((host) => !host.startsWith('www.'), 'must be written without "www."'),
      ),
      1,
      PACK_LIMITS.maxListItems,
      'hosts',
    ),
    headline: text(PACK_LIMITS.titleLength),
    fingerprint: list(text(PACK_LIMITS.sentenceLength), 0, 64, 'fingerprint entries'),
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
        message: `is a duplicate: "${item.id}" is already the id of ${listName}[${earlier}]`,
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
