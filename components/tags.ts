/**
 * Turning the editor's comma-separated tags field into the `tags` array a Note stores, with the
 * rules the store enforces (utils/store/note-rules.ts), so the reader learns about a problem
 * before saving.
 */
import { checkNoteTags, tagsFromField } from '../utils/store/note-rules';

/** The tags parsed from the field, and the reason they cannot be saved, if any. */
export interface ParsedTags {
  tags: string[];
  error: string | null;
}

/** Splits on commas and normalises as the store does (trim, collapse inner whitespace, drop empty and case-insensitive repeats, keeping the first spelling). */
export function parseTags(field: string): ParsedTags {
  const tags = tagsFromField(field);
  return { tags, error: checkNoteTags(tags)?.message ?? null };
}
