/** Small readings of a Note for display: the passage it is on and a one-line excerpt. */
import type { Note } from '../utils/store/types';

export { quoteOfNote } from '../utils/store/note-quote';

/** The start of the note as one line of plain text, for accessible names and titles. */
export function excerptOfNote(note: Note, maxLength = 60): string {
  const plain = note.body
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= maxLength ? plain : `${plain.slice(0, maxLength - 1).trimEnd()}…`;
}
