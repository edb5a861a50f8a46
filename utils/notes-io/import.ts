/**
 * Reading a notes file: Counterpoint's own export, or W3C Web Annotations written by other tools.
 *
 * Policy: the whole file is refused only when it cannot be an annotation file at all (too big,
 * not JSON, no annotations where they should be). Inside a good file each annotation stands
 * alone: one that cannot become a valid note (a `javascript:` page, no quoted passage, a body over
 * the limit…) is skipped with its position and a reason, and the rest are kept. Whether to write
 * the kept notes is the caller's choice; the store writes them all or none.
 *
 * Pure: no storage, no extension API, no DOM. Never throws, whatever the text.
 */

import * as v from 'valibot';
import type { Selector, TextQuoteSelector } from '../anchoring/types';
import { t } from '../i18n';
import { checkNoteText, NOTE_MAX_LENGTH } from '../store/note-rules';
import type { Note } from '../store/types';
import { EXTENSION_PROPERTY, isUuid, UUID_URN_PREFIX } from './annotation-format';
import { articleKeyFromUrl } from './article-key';

/** The largest file accepted, in bytes of UTF-8 (decimal megabytes, as file managers show). */
export const IMPORT_MAX_BYTES = 50_000_000;

/** Longest quote context kept, as the message schemas allow; longer context is cut, not refused. */
const CONTEXT_MAX_LENGTH = 1000;
/** Longest article key and claim id, as the message schemas allow. */
const ARTICLE_KEY_MAX_LENGTH = 2000;
const CLAIM_ID_MAX_LENGTH = 200;
/** Longest headline kept, as the page messages allow. */
const TITLE_MAX_LENGTH = 1000;
/** Embedded pages followed at most; real files have one. */
const MAX_PAGES = 10_000;

/** What parsing needs from outside: the clock, the id source and, optionally, the article keying. */
export interface ImportOptions {
  /** ISO 8601 time used for annotations that carry no creation time. */
  now: string;
  /** A fresh note id, for annotations whose id is not a `urn:uuid:`. */
  newId: () => string;
  /** The article key for an annotation without Counterpoint's own; defaults to the URL's path. */
  articleKeyFor?: (url: string) => string;
}

/** An annotation that was left out, by its 0-based position in the file's list. */
export interface SkippedAnnotation {
  index: number;
  reason: string;
}

/** The notes read from a file and the annotations left out, or why the file was refused. */
export type ImportParseResult =
  | { ok: true; notes: Note[]; skipped: SkippedAnnotation[] }
  | { ok: false; error: string };

/** The annotations a notes file holds, not yet checked one by one, or why the file was refused. */
export type AnnotationListResult = { ok: true; items: unknown[] } | { ok: false; error: string };

/**
 * Reads a notes file as far as its list of annotations: the size limit, JSON, and where the
 * annotations are. Each item is then checked alone by {@link createAnnotationConverter}, so a
 * caller can convert and write a large file piece by piece. Never throws.
 */
export function readAnnotationList(text: string): AnnotationListResult {
  try {
    return readAnnotationListText(text);
  } catch (error) {
    // Nothing below is expected to throw; this is a last line of defence for odd input.
    return { ok: false, error: t('import_unreadable', [errorMessage(error)]) };
  }
}

/** Reads a notes file into notes ready to merge. Never throws. */
export function parseImport(text: string, options: ImportOptions): ImportParseResult {
  const list = readAnnotationList(text);
  if (!list.ok) return list;
  const notes: Note[] = [];
  const skipped: SkippedAnnotation[] = [];
  const convert = createAnnotationConverter(options);
  try {
    list.items.forEach((item, index) => {
      const converted = convert(item);
      if (converted.ok) notes.push(converted.note);
      else skipped.push({ index, reason: converted.reason });
    });
  } catch (error) {
    // Nothing below is expected to throw; this keeps the promise if a caller's callback does.
    return { ok: false, error: importFailureMessage(error) };
  }
  return { ok: true, notes, skipped };
}

/** The message for an import that stopped on an unexpected error (a failing id source, say). */
export function importFailureMessage(error: unknown): string {
  return t('import_unreadable', [errorMessage(error)]);
}

function readAnnotationListText(text: string): AnnotationListResult {
  // No UTF-16 unit takes more than 3 bytes of UTF-8, so a text this short is within the limit
  // without counting (counting 13 million characters takes tens of milliseconds).
  const bytes = text.length * 3 <= IMPORT_MAX_BYTES ? 0 : utf8Length(text);
  if (bytes > IMPORT_MAX_BYTES) {
    return {
      ok: false,
      error: t('import_too_large', [formatMegabytes(bytes), IMPORT_MAX_BYTES / 1_000_000]),
    };
  }
  // Editors on some systems start UTF-8 files with a byte order mark, which JSON does not allow.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') return { ok: false, error: t('import_empty') };

  const notJson = recogniseNonJson(json);
  if (notJson !== null) return { ok: false, error: notJson };
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: describeJsonError(json, errorMessage(error)) };
  }
  return locateAnnotations(document);
}

// ---------------------------------------------------------------------------------------------
// Files that are not JSON, in plain words

/** The first line of Counterpoint's own Markdown export. */
const MARKDOWN_EXPORT_HEADING = '# Counterpoint notes';

/** Why a file that cannot start a JSON text is refused, or null when it might be JSON. */
function recogniseNonJson(text: string): string | null {
  const start = text.trimStart();
  if (start.startsWith(MARKDOWN_EXPORT_HEADING)) {
    return t('import_markdown_export');
  }
  if (/^[{["\d\-tfn]/.test(start)) return null;
  const sample = start.slice(0, 1000);
  // NUL bytes or undecodable bytes (shown as U+FFFD) mean the file is not text at all.
  if (/[\0\uFFFD]/.test(sample)) {
    return t('import_binary');
  }
  if (start.startsWith('<')) {
    return t('import_html');
  }
  if (start.startsWith('#')) {
    return t('import_markdown');
  }
  return t('import_not_json');
}

/**
 * A JSON syntax error in plain words, with where it is as an editor shows it ("line 3, column
 * 5"). Browsers word the error differently (V8: "at position 12", sometimes with "(line 1
 * column 13)"; Firefox: "at line 1 column 13 of the JSON data"); only the place is taken from it.
 */
function describeJsonError(text: string, message: string): string {
  const position = /position (\d+)/i.exec(message);
  // An error past the last character (whatever the engine calls it) means the text was cut off.
  const atEnd =
    /end of (JSON input|data)/i.test(message) ||
    (position !== null && Number(position[1]) >= text.trimEnd().length);
  const place = errorPlace(text, message) ?? (atEnd ? placeOfOffset(text, text.length) : null);
  const where = place === null ? '' : ` ${t('import_place', [place.line, place.column])}`;
  if (atEnd) return t('import_cut_short', [where]);
  return t('import_out_of_place', [where]);
}

function errorPlace(text: string, message: string): { line: number; column: number } | null {
  const lineColumn = /line (\d+),? column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/i.exec(message);
  if (position) return placeOfOffset(text, Number(position[1]));
  return null;
}

/** The 1-based line and column of a UTF-16 offset into the text. */
function placeOfOffset(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  let line = 1;
  for (let index = before.indexOf('\n'); index !== -1; index = before.indexOf('\n', index + 1)) {
    line += 1;
  }
  return { line, column: offset - lastBreak };
}

// ---------------------------------------------------------------------------------------------
// Finding the list of annotations

const EXPECTED_SHAPE =
  'expected an AnnotationCollection (with first.items), an AnnotationPage (with items), an Annotation or a list of annotations';

type Located = AnnotationListResult;

/** The annotations a document holds, wherever the accepted shapes keep them. */
function locateAnnotations(document: unknown): Located {
  if (Array.isArray(document)) {
    if (document.length > 0 && !document.some(looksLikeAnnotation)) {
      return notFound('the list holds no annotations (objects with a target)');
    }
    return { ok: true, items: document };
  }
  if (!isRecord(document)) return notFound(`the file holds ${describeValue(document)}`);

  const types = typesOf(document);
  if (types.includes('AnnotationCollection')) return collectionItems(document);
  if (types.includes('AnnotationPage')) return pageItems(document, 'the AnnotationPage');
  if (looksLikeAnnotation(document)) return { ok: true, items: [document] };
  // Untyped containers are common in hand-made files.
  if (types.length === 0 && own(document, 'first') !== undefined) return collectionItems(document);
  if (types.length === 0 && Array.isArray(own(document, 'items'))) {
    return pageItems(document, 'the page');
  }
  const found = types.length > 0 ? `its type is "${clip(types.join(', '), 60)}"` : 'it has no type';
  return notFound(found);
}

function collectionItems(collection: Record<string, unknown>): Located {
  const first = own(collection, 'first');
  if (typeof first === 'string') {
    return notFound(
      `the collection's annotations are on a separate page (${clip(first, 100)}), not in this file`,
    );
  }
  if (isRecord(first)) return pageItems(first, "the collection's first page");
  if (first !== undefined) {
    return notFound(`the collection's "first" is ${describeValue(first)}, not a page`);
  }
  // Some writers put the items on the collection itself.
  if (own(collection, 'items') !== undefined) return pageItems(collection, 'the collection');
  // An empty collection has no first page at all.
  return { ok: true, items: [] };
}

/** The items of a page and of any further pages embedded through `next`. */
function pageItems(firstPage: Record<string, unknown>, name: string): Located {
  const items: unknown[] = [];
  let page: Record<string, unknown> | undefined = firstPage;
  for (let count = 0; page !== undefined && count < MAX_PAGES; count += 1) {
    const pageList = own(page, 'items');
    if (!Array.isArray(pageList)) {
      const where = count === 0 ? name : `page ${count + 1}`;
      return notFound(`${where} has ${describeValue(pageList)} where the list of items should be`);
    }
    items.push(...pageList);
    const next = own(page, 'next');
    // A `next` given as an address points outside the file; only embedded pages can be read.
    page = isRecord(next) ? next : undefined;
  }
  return { ok: true, items };
}

function notFound(detail: string): { ok: false; error: string } {
  return { ok: false, error: `No annotations found: ${EXPECTED_SHAPE}; ${detail}.` };
}

function looksLikeAnnotation(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return isAnnotationType(typesOf(value)) || own(value, 'target') !== undefined;
}

function isAnnotationType(types: readonly string[]): boolean {
  return types.includes('Annotation') || types.includes('oa:Annotation');
}

// ---------------------------------------------------------------------------------------------
// One annotation to one note

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

const dateTimeSchema = v.pipe(
  v.string('must be text'),
  v.regex(ISO_DATE_TIME, 'must be an ISO 8601 date-time such as 2024-05-01T12:00:00Z'),
  v.check((text) => Number.isFinite(Date.parse(text)), 'is not a real date'),
);

const extensionSchema = v.object(
  {
    articleKey: v.optional(
      v.pipe(
        v.string('must be text'),
        v.minLength(1, 'is empty'),
        v.maxLength(ARTICLE_KEY_MAX_LENGTH, `is longer than ${ARTICLE_KEY_MAX_LENGTH} characters`),
      ),
    ),
    articleTitle: v.optional(v.string('must be text')),
    claimId: v.optional(
      v.pipe(
        v.string('must be text'),
        v.minLength(1, 'is empty'),
        v.maxLength(CLAIM_ID_MAX_LENGTH, `is longer than ${CLAIM_ID_MAX_LENGTH} characters`),
      ),
    ),
  },
  'must be an object',
);

/** The annotation's own fields; body and target have too many valid forms for one schema. */
const annotationSchema = v.object({
  id: v.optional(v.unknown()),
  created: v.optional(dateTimeSchema),
  modified: v.optional(dateTimeSchema),
  body: v.optional(v.unknown()),
  bodyValue: v.optional(v.string('must be text')),
  target: v.optional(v.unknown()),
  [EXTENSION_PROPERTY]: v.optional(extensionSchema),
});

const textQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(
    v.string('must be text'),
    v.check((text) => text.trim() !== '', 'is empty'),
    v.maxLength(
      NOTE_MAX_LENGTH,
      `is longer than ${NOTE_MAX_LENGTH.toLocaleString('en')} characters`,
    ),
  ),
  prefix: v.optional(v.string('must be text')),
  suffix: v.optional(v.string('must be text')),
});

const textPositionSelectorSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check((selector) => selector.end >= selector.start, 'end comes before start'),
);

const textualBodySchema = v.object({
  value: v.string(),
  purpose: v.optional(v.union([v.string(), v.array(v.string())])),
});

/** One annotation as a note, or why it is left out. */
export type ConvertedAnnotation = { ok: true; note: Note } | { ok: false; reason: string };

/** Checks one annotation and turns it into a note; see {@link createAnnotationConverter}. */
export type AnnotationConverter = (item: unknown) => ConvertedAnnotation;

/**
 * A converter for the annotations of one file (from {@link readAnnotationList}): each is checked
 * and turned into a note. It remembers the page addresses it has read, because a file's notes
 * share a few pages and parsing an address is a good part of converting a note. Throws only when
 * a callback in `options` does.
 */
export function createAnnotationConverter(options: ImportOptions): AnnotationConverter {
  const pageUrls = new Map<string, PageUrl>();
  const readUrl = (source: unknown): PageUrl => {
    if (typeof source !== 'string') return readPageUrl(source);
    let known = pageUrls.get(source);
    if (known === undefined) {
      known = readPageUrl(source);
      pageUrls.set(source, known);
    }
    return known;
  };
  return (item) => annotationToNote(item, options, readUrl);
}

function annotationToNote(
  item: unknown,
  options: ImportOptions,
  readUrl: (source: unknown) => PageUrl,
): ConvertedAnnotation {
  if (!isRecord(item)) return skip(`it is ${describeValue(item)}, not an annotation`);
  const types = typesOf(item);
  if (types.length > 0 && !isAnnotationType(types)) {
    return skip(`its type is "${clip(types.join(', '), 60)}", not Annotation`);
  }

  const parsed = v.safeParse(annotationSchema, item);
  if (!parsed.success) return skip(describeIssue(parsed.issues[0]));
  const annotation = parsed.output;

  const target = readTarget(annotation.target);
  if (!target.ok) return target;

  const url = readUrl(target.source);
  if (!url.ok) return url;

  // The same rules as a note written in the page: tags normalised, then the limits checked.
  const text = checkNoteText(readBodies(annotation.body, annotation.bodyValue));
  if (!text.ok) return skip(text.problem.reason);

  const extension = annotation[EXTENSION_PROPERTY];
  const articleKey =
    extension?.articleKey ?? (options.articleKeyFor ?? articleKeyFromUrl)(url.value);
  const created =
    annotation.created === undefined ? options.now : normaliseTime(annotation.created);
  const note: Note = {
    id: readNoteId(annotation.id) ?? options.newId(),
    articleKey,
    url: url.value,
    // Other tools rarely record the headline; the address is the most useful stand-in.
    articleTitle: (extension?.articleTitle ?? url.value).slice(0, TITLE_MAX_LENGTH),
    target: { selectors: target.selectors },
    body: text.body,
    tags: text.tags,
    created,
    modified: annotation.modified === undefined ? created : normaliseTime(annotation.modified),
  };
  if (extension?.claimId !== undefined) note.claimId = extension.claimId;
  return { ok: true, note };
}

function skip(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** The note id inside a `urn:uuid:` annotation id, or undefined when a new id is needed. */
function readNoteId(id: unknown): string | undefined {
  if (typeof id !== 'string' || !id.toLowerCase().startsWith(UUID_URN_PREFIX)) return undefined;
  const uuid = id.slice(UUID_URN_PREFIX.length);
  return isUuid(uuid) ? uuid : undefined;
}

/** Times are stored in one form so they sort as text; Counterpoint's own already are. */
function normaliseTime(text: string): string {
  return new Date(text).toISOString();
}

type Target = { ok: true; source: unknown; selectors: Selector[] } | { ok: false; reason: string };

/** The page and the selectors of the first target that quotes a passage. */
function readTarget(target: unknown): Target {
  if (typeof target === 'string') {
    return skip('it has no TextQuoteSelector (its target is only an address)');
  }
  const candidates = Array.isArray(target) ? target : [target];
  let firstProblem: string | undefined;
  for (const candidate of candidates) {
    if (!isRecord(candidate)) continue;
    const selectors = readSelectors(own(candidate, 'selector'));
    if (selectors.ok)
      return { ok: true, source: own(candidate, 'source'), selectors: selectors.value };
    firstProblem ??= selectors.reason;
  }
  if (candidates.length === 0 || target === undefined || target === null) {
    return skip('it has no target');
  }
  return skip(firstProblem ?? `its target is ${describeValue(target)}, not a resource`);
}

/**
 * The first TextQuoteSelector and the first TextPositionSelector, in file order. A quote found
 * only in a `refinedBy` (inside a CSS or XPath selector) is used without the position, whose
 * offsets would count from the refined element rather than the page.
 */
function readSelectors(
  selector: unknown,
): { ok: true; value: Selector[] } | { ok: false; reason: string } {
  const listed = Array.isArray(selector) ? selector : selector === undefined ? [] : [selector];
  const selectors: Selector[] = [];
  let quoteProblem: string | undefined;
  const hasType = (type: Selector['type']) => selectors.some((found) => found.type === type);

  for (const entry of listed) {
    if (!isRecord(entry)) continue;
    const type = own(entry, 'type');
    if (type === 'TextQuoteSelector' && !hasType('TextQuoteSelector')) {
      const parsed = readQuote(entry);
      if (parsed.ok) selectors.push(parsed.value);
      else quoteProblem ??= parsed.reason;
    } else if (type === 'TextPositionSelector' && !hasType('TextPositionSelector')) {
      const parsed = v.safeParse(textPositionSelectorSchema, entry);
      // A bad position is dropped, not fatal: the quote alone finds the passage.
      if (parsed.success) {
        const { start, end } = parsed.output;
        selectors.push({ type: 'TextPositionSelector', start, end });
      }
    }
  }
  if (hasType('TextQuoteSelector')) return { ok: true, value: selectors };

  for (const entry of listed) {
    const refined = isRecord(entry) ? own(entry, 'refinedBy') : undefined;
    const refinedList = Array.isArray(refined) ? refined : [refined];
    const refinedQuote = refinedList.find(
      (candidate) => isRecord(candidate) && own(candidate, 'type') === 'TextQuoteSelector',
    );
    if (isRecord(refinedQuote)) {
      const parsed = readQuote(refinedQuote);
      if (parsed.ok) return { ok: true, value: [parsed.value] };
      quoteProblem ??= parsed.reason;
    }
  }
  return skip(
    quoteProblem ?? 'it has no TextQuoteSelector, so there is no quoted passage to attach it to',
  );
}

function readQuote(
  entry: Record<string, unknown>,
): { ok: true; value: TextQuoteSelector } | { ok: false; reason: string } {
  const parsed = v.safeParse(textQuoteSelectorSchema, entry);
  if (!parsed.success) {
    return skip(`its TextQuoteSelector ${describeIssue(parsed.issues[0])}`);
  }
  const { exact, prefix, suffix } = parsed.output;
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact };
  // The context nearest the quote is what matters, so long context is cut from the far end.
  if (prefix !== undefined) quote.prefix = prefix.slice(-CONTEXT_MAX_LENGTH);
  if (suffix !== undefined) quote.suffix = suffix.slice(0, CONTEXT_MAX_LENGTH);
  return { ok: true, value: quote };
}

/**
 * The page address as notes store it: http or https only (a `javascript:` or `data:` address
 * must never become a link), without credentials, query or fragment.
 */
type PageUrl = { ok: true; value: string } | { ok: false; reason: string };

function readPageUrl(source: unknown): PageUrl {
  if (typeof source !== 'string' || source.trim() === '') {
    return skip("its target has no page address (the target's source)");
  }
  let parsed: URL;
  try {
    parsed = new URL(source.trim());
  } catch {
    return skip(`its page address "${clip(source, 60)}" is not a valid address`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return skip(
      `its page address uses "${clip(parsed.protocol, 20)}"; only http and https pages are accepted`,
    );
  }
  return { ok: true, value: `${parsed.origin}${parsed.pathname}` };
}

/**
 * The note text and tags from the annotation's bodies. Tagging bodies become tags (as written;
 * the note rules normalise them); every other
 * textual body is part of the note, joined by blank lines. A plain string body is taken as text,
 * as several tools write it, although the model reads it as an address.
 */
function readBodies(
  body: unknown,
  bodyValue: string | undefined,
): { body: string; tags: string[] } {
  const texts: string[] = bodyValue === undefined ? [] : [bodyValue];
  const tags: string[] = [];
  const bodies = Array.isArray(body) ? body : body === undefined ? [] : [body];
  for (const entry of bodies) {
    if (typeof entry === 'string') {
      texts.push(entry);
      continue;
    }
    const parsed = v.safeParse(textualBodySchema, entry);
    // Bodies that are not text (an image, a linked resource) have nothing a note can keep.
    if (!parsed.success) continue;
    const purposes = parsed.output.purpose ?? [];
    if (purposes.includes('tagging')) {
      tags.push(parsed.output.value);
    } else {
      texts.push(parsed.output.value);
    }
  }
  return { body: texts.join('\n\n'), tags };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property of parsed JSON, never one inherited from Object.prototype. */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The `type` of a JSON-LD node, which may be one string or several. */
function typesOf(record: Record<string, unknown>): string[] {
  const type = own(record, 'type') ?? own(record, '@type');
  if (typeof type === 'string') return [type];
  if (Array.isArray(type))
    return type.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${clip(value, 40)}"`;
  return `a ${typeof value} (${clip(String(value), 40)})`;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${path} ${issue.message}` : issue.message;
}

/** A short, single-line excerpt of text from the file, for messages. */
function clip(text: string, maxLength: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The text's size in UTF-8, the size the file had on disk. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character: 2 bytes for each half.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** Megabytes to one decimal, rounded up so a file just over the limit never reads as at it. */
function formatMegabytes(bytes: number): string {
  return (Math.ceil(bytes / 100_000) / 10).toFixed(1);
}
