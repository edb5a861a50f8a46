/**
 * A reader's note as a card: the body (light Markdown), tags and when it was last changed.
 * Compact cards, as listed under a claim, clamp the body to three lines and offer "Open".
 */
import { t } from '../utils/i18n';
import type { Note } from '../utils/store/types';
import { formatTimestamp } from './dates';
import { renderMarkdown } from './markdown';
import { excerptOfNote, quoteOfNote } from './note-text';

/** Props of {@link NoteCard}. */
export interface NoteCardProps {
  note: Note;
  /** Clamp the body and leave out the quoted passage, for lists inside a popover. */
  compact?: boolean;
  /** Opens the note on its own (its popover); without it the card offers no button. */
  onOpen?(id: string): void;
}

/** The tags of a note as a list, or nothing when it has none. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="cp-tags" aria-label={t('common_tags')}>
      {tags.map((tag, index) => (
        <li key={`${index}:${tag}`} class="cp-tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/**
 * A note's passage (left out when `quote` is empty), its text and its tags, each laid out in its
 * own writing direction: what the note card and the popup's note row both show.
 */
export function NoteContent({ quote, note }: { quote: string; note: Pick<Note, 'body' | 'tags'> }) {
  return (
    <>
      {quote === '' ? null : (
        <blockquote class="cp-quote" dir="auto">
          {quote}
        </blockquote>
      )}
      <div class="cp-note-body" dir="auto">
        {renderMarkdown(note.body)}
      </div>
      <TagList tags={note.tags} />
    </>
  );
}

/** One note, full or compact. */
export function NoteCard({ note, compact = false, onOpen }: NoteCardProps) {
  const quote = compact ? '' : quoteOfNote(note);
  return (
    <article class="cp-note-card" data-compact={compact ? '' : undefined}>
      <NoteContent quote={quote} note={note} />
      <div class="cp-note-card-meta">
        <time dateTime={note.modified}>{formatTimestamp(note.modified)}</time>
        {onOpen === undefined ? null : (
          <button
            type="button"
            class="cp-link-button"
            aria-label={t('card_open_note', [excerptOfNote(note)])}
            onClick={() => onOpen(note.id)}
          >
            Open
          </button>
        )}
      </div>
    </article>
  );
}
