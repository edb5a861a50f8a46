/** Reading a note's passage, for every view that shows or searches it. */
import type { Note } from './types';

/** The exact passage the note is attached to, from its TextQuoteSelector, or '' if it has none. */
export function quoteOfNote(note: Note): string {
  for (const selector of note.target.selectors) {
    if (selector.type === 'TextQuoteSelector') return selector.exact;
  }
  return '';
}
