/**
 * Turning the editor's comma-separated tags field into the `tags` array a Note stores, with the
 * limits the store enforces, so the reader learns about a problem before saving.
 */
import { NOTE_MAX_TAGS, TAG_MAX_LENGTH } from '../utils/store/types';

/** The tags parsed from the field, and the reason they cannot be saved, if any. */
export interface ParsedTags {
  tags: string[];
  error: string | null;
}

/** Splits on commas, trims, collapses inner whitespace, and drops empty and repeated tags (case-insensitively, keeping the first spelling). */
export function parseTags(field: string): ParsedTags {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const part of field.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  const tooLong = tags.find((tag) => tag.length > TAG_MAX_LENGTH);
  if (tooLong !== undefined) {
    const shown = `${tooLong.slice(0, 20)}…`;
    return {
      tags,
      error: `Tags can be up to ${TAG_MAX_LENGTH} characters; “${shown}” has ${tooLong.length}.`,
    };
  }
  if (tags.length > NOTE_MAX_TAGS) {
    return {
      tags,
      error: `A note can have up to ${NOTE_MAX_TAGS} tags; this one has ${tags.length}.`,
    };
  }
  return { tags, error: null };
}
