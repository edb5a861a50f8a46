/**
 * The one rule set for a note's text, whoever writes it: the editor before saving, the
 * background before storing, and the import before adding. Limits, tag normalisation, the
 * checks and the reader-facing wording of every refusal live here, so the three cannot drift.
 *
 * Pure: no storage, no extension API, no DOM.
 */

import * as v from 'valibot';
import { t } from '../i18n';

/** The longest note body a reader can save, in characters. */
export const NOTE_MAX_LENGTH = 20_000;

/** The most tags one note can carry. */
export const NOTE_MAX_TAGS = 20;

/** The longest tag, in characters. */
export const TAG_MAX_LENGTH = 50;

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
export function emptyNoteMessage(): string {
  return t('rules_empty');
}

/** The message for a body over the limit, e.g. "Notes can be up to 20,000 characters; this one has 20,431." */
export function overLimitMessage(length: number): string {
  return t('rules_over_limit', [NOTE_MAX_LENGTH, length]);
}

/** Why this body cannot be saved (empty or only whitespace, or over the limit), or null. */
export function checkNoteBody(body: string): NoteProblem | null {
  if (body.trim() === '') {
    return {
      field: 'body',
      message: emptyNoteMessage(),
      reason: t('rules_empty_reason'),
    };
  }
  if (body.length > NOTE_MAX_LENGTH) {
    return {
      field: 'body',
      message: overLimitMessage(body.length),
      reason: t('rules_over_limit_reason', [body.length, NOTE_MAX_LENGTH]),
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
      message: t('rules_tag_too_long', [TAG_MAX_LENGTH, tooLong.slice(0, 20), tooLong.length]),
      reason: t('rules_tag_too_long_reason', [
        tooLong.slice(0, 29),
        tooLong.length,
        TAG_MAX_LENGTH,
      ]),
    };
  }
  if (tags.length > NOTE_MAX_TAGS) {
    return {
      field: 'tags',
      message: t('rules_too_many_tags', [NOTE_MAX_TAGS, tags.length]),
      reason: t('rules_too_many_tags_reason', [tags.length, NOTE_MAX_TAGS]),
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
  v.check((text) => text.trim() !== '', emptyNoteMessage),
  v.maxLength(NOTE_MAX_LENGTH, (issue) => overLimitMessage(Number(issue.received))),
);

/** A note's tags as a request carries them (before normalisation): bounded count and length. */
export const noteTagsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(TAG_MAX_LENGTH))),
  v.maxLength(NOTE_MAX_TAGS),
);
