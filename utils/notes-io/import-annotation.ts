/**
 * One W3C Web Annotation to one note, checked alone: the note rules of `store/note-rules.ts`
 * (the same as the editor's and the background's), a page address that is http(s), a quoted
 * passage, dates in ISO 8601. An annotation that cannot become a valid note is skipped with a
 * reason; nothing here throws on odd input.
 */
import * as v from 'valibot';
import type { Selector, TextQuoteSelector } from '../anchoring/types';
import { t } from '../i18n';
import { checkNoteText, NOTE_MAX_LENGTH } from '../store/note-rules';
import type { Note } from '../store/types';
import { EXTENSION_PROPERTY, isUuid, UUID_URN_PREFIX } from './annotation-format';
import { articleKeyFromUrl } from './article-key';
import {
  clip,
  describeIssue,
  describeValue,
  isRecord,
  own,
  FIELD_PROBLEMS as P,
  typesOf,
} from './import-helpers';
import { isAnnotationType } from './import-locate';

/** Longest quote context kept, as the message schemas allow; longer context is cut, not refused. */
const CONTEXT_MAX_LENGTH = 1000;
/** Longest article key and claim id, as the message schemas allow. */
const ARTICLE_KEY_MAX_LENGTH = 2000;
const CLAIM_ID_MAX_LENGTH = 200;
/** Longest headline kept, as the page messages allow. */
const TITLE_MAX_LENGTH = 1000;

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

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

// The messages are keys of the interface's words, put into sentences by `describeIssue`.
const dateTimeSchema = v.pipe(
  v.string(P.text),
  v.regex(ISO_DATE_TIME, P.dateTime),
  v.check((text) => Number.isFinite(Date.parse(text)), P.notRealDate),
);

const extensionSchema = v.object(
  {
    articleKey: v.optional(
      v.pipe(
        v.string(P.text),
        v.minLength(1, P.empty),
        v.maxLength(ARTICLE_KEY_MAX_LENGTH, P.tooLong),
      ),
    ),
    articleTitle: v.optional(v.string(P.text)),
    claimId: v.optional(
      v.pipe(
        v.string(P.text),
        v.minLength(1, P.empty),
        v.maxLength(CLAIM_ID_MAX_LENGTH, P.tooLong),
      ),
    ),
  },
  P.object,
);

/** The annotation's own fields; body and target have too many valid forms for one schema. */
const annotationSchema = v.object({
  id: v.optional(v.unknown()),
  created: v.optional(dateTimeSchema),
  modified: v.optional(dateTimeSchema),
  body: v.optional(v.unknown()),
  bodyValue: v.optional(v.string(P.text)),
  target: v.optional(v.unknown()),
  [EXTENSION_PROPERTY]: v.optional(extensionSchema),
});

const textQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(
    v.string(P.text),
    v.check((text) => text.trim() !== '', P.empty),
    v.maxLength(NOTE_MAX_LENGTH, P.tooLong),
  ),
  prefix: v.optional(v.string(P.text)),
  suffix: v.optional(v.string(P.text)),
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
  if (!isRecord(item)) return skip(t('import_skip_not_annotation', [describeValue(item)]));
  const types = typesOf(item);
  if (types.length > 0 && !isAnnotationType(types)) {
    return skip(t('import_skip_type', [clip(types.join(', '), 60)]));
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
    return skip(t('import_skip_target_address'));
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
    return skip(t('import_skip_no_target'));
  }
  return skip(firstProblem ?? t('import_skip_target_value', [describeValue(target)]));
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
  return skip(quoteProblem ?? t('import_skip_no_quote'));
}

function readQuote(
  entry: Record<string, unknown>,
): { ok: true; value: TextQuoteSelector } | { ok: false; reason: string } {
  const parsed = v.safeParse(textQuoteSelectorSchema, entry);
  if (!parsed.success) {
    return skip(t('import_skip_quote_problem', [describeIssue(parsed.issues[0])]));
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
    return skip(t('import_skip_no_address'));
  }
  let parsed: URL;
  try {
    parsed = new URL(source.trim());
  } catch {
    return skip(t('import_skip_bad_address', [clip(source, 60)]));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return skip(t('import_skip_protocol', [clip(parsed.protocol, 20)]));
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
