/**
 * The one rule set for a note's text, whoever writes it: the editor before saving, the
 * background before storing, and the import before adding. Limits, tag normalisation, the
 * checks and the reader-facing wording of every refusal live here, so the three cannot drift.
 *
 * Pure: no storage, no extension API, no DOM.
 */
import * as v from 'valibot';

/** The longest note body a reader can save, in characters. */
export const NOTE_MAX_LENGTH = 20_000;

/** The most tags one note can carry. */
export const NOTE_MAX_TAGS = 20;

/** The longest tag, in characters. */
export const TAG_MAX_LENGTH = 50;

const formatNumber = (value: number): string => value.toLocaleString('en');

/** One tag as it is stored: trimmed, inner runs of whitespace collapsed to one space. */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ');
}

/**
 * Tags as they are stored: each normalised, empty ones dropped, repeats dropped
 * case-insensitively keeping the first spelling (`Foo`, `foo`, `a  b` → `Foo`, `a b`).
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const normalised = normaliseTag(tag);
    const key = normalised.toLowerCase();
    if (normalised !== '' && !seen.has(key)) {
      seen.add(key);
      result.push(normalised);
    }
  }
  return result;
}

/** The tags of the editor's comma-separated field, normalised as {@link normaliseTags} does. */
export function tagsFromField(field: string): string[] {
  return normaliseTags(field.split(','));
}

/**
 * Why a note's text cannot be saved. `message` is a sentence for the reader writing the note
 * (the editor, the background's refusal); `reason` is a clause for a list of skipped items
 * (an import's summary: "item 4: the note is 20,001 characters long; the limit is 20,000").
 */
export interface NoteProblem {
  field: 'body' | 'tags';
  message: string;
  reason: string;
}

/** The message for an empty note. */
export const EMPTY_NOTE_MESSAGE = 'Write something before saving.';

/** The message for a body over the limit, e.g. "Notes can be up to 20,000 characters; this one has 20,431." */
export function overLimitMessage(length: number): string {
  return `Notes can be up to ${formatNumber(NOTE_MAX_LENGTH)} characters; this one has ${formatNumber(length)}.`;
}

/** Why this body cannot be saved (empty or only whitespace, or over the limit), or null. */
export function checkNoteBody(body: string): NoteProblem | null {
  if (body.trim() === '') {
    return {
      field: 'body',
      message: EMPTY_NOTE_MESSAGE,
      reason: 'it has no note text (a highlight only)',
    };
  }
  if (body.length > NOTE_MAX_LENGTH) {
    return {
      field: 'body',
      message: overLimitMessage(body.length),
      reason: `the note is ${formatNumber(body.length)} characters long; the limit is ${formatNumber(NOTE_MAX_LENGTH)}`,
    };
  }
  return null;
}

/** Why these tags (as {@link normaliseTags} gives them) cannot be saved, or null. */
export function checkNoteTags(tags: readonly string[]): NoteProblem | null {
  const tooLong = tags.find((tag) => tag.length > TAG_MAX_LENGTH);
  if (tooLong !== undefined) {
    return {
      field: 'tags',
      message: `Tags can be up to ${TAG_MAX_LENGTH} characters; “${tooLong.slice(0, 20)}…” has ${tooLong.length}.`,
      reason: `the tag "${tooLong.slice(0, 29)}…" is ${tooLong.length} characters long; the limit is ${TAG_MAX_LENGTH}`,
    };
  }
  if (tags.length > NOTE_MAX_TAGS) {
    return {
      field: 'tags',
      message: `A note can have up to ${NOTE_MAX_TAGS} tags; this one has ${tags.length}.`,
      reason: `it has ${tags.length} tags; the limit is ${NOTE_MAX_TAGS}`,
    };
  }
  return null;
}

/**
 * A note's text as it will be stored (tags normalised), or the first problem with it: the body
 * first, then the tags, the order in which the editor shows its fields.
 */
export function checkNoteText(input: {
  body: string;
  tags: readonly string[];
}): { ok: true; body: string; tags: string[] } | { ok: false; problem: NoteProblem } {
  const tags = normaliseTags(input.tags);
  const problem = checkNoteBody(input.body) ?? checkNoteTags(tags);
  return problem ? { ok: false, problem } : { ok: true, body: input.body, tags };
}

/** A note body as a request carries it, with the reader-facing messages above. */
export const noteBodySchema = v.pipe(
  v.string(),
  v.check((text) => checkNoteBody(text)?.message !== EMPTY_NOTE_MESSAGE, EMPTY_NOTE_MESSAGE),
  v.maxLength(NOTE_MAX_LENGTH, (issue) => overLimitMessage(Number(issue.received))),
);

/** A note's tags as a request carries them (before normalisation): bounded count and length. */
export const noteTagsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(TAG_MAX_LENGTH))),
  v.maxLength(NOTE_MAX_TAGS),
);
