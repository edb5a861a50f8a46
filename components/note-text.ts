/** Small readings of a Note for display: the passage it is on and a one-line excerpt. */
import type { Note } from '../utils/store/types';

/** The exact passage the note is attached to, from its TextQuoteSelector, or '' if it has none. */
export function quoteOfNote(note: Note): string {
  for (const selector of note.target.selectors) {
    if (selector.type === 'TextQuoteSelector') return selector.exact;
  }
  return '';
}

/** The start of the note as one line of plain text, for accessible names and titles. */
export function excerptOfNote(note: Note, maxLength = 60): string {
  const plain = note.body
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= maxLength ? plain : `${plain.slice(0, maxLength - 1).trimEnd()}…`;
}
