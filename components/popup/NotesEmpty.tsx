/**
 * What the notes list says about itself: the count sentence under the filters, and the empty
 * list (how to add a first note, or that nothing matches, with a way to clear the filters).
 */
import { plural, t } from '../../utils/i18n';
import { DEFAULT_SHORTCUTS } from '../../utils/shortcuts';
import { SLOT, withSlots } from '../slots';

/** "12 notes", "Showing 100 of 2,345 notes", "3 notes match". */
export function countSentence(shown: number, total: number, filtering: boolean): string {
  if (shown < total) return plural('notes_count_showing', total, [shown]);
  return filtering ? plural('notes_count_matching', total) : plural('notes_count', total);
}

/** What an empty list says: how to add a first note, or that nothing matches. */
export function EmptyNotes({
  anyNotes,
  filtering,
  articleOnly,
  onClear,
}: {
  anyNotes: boolean;
  filtering: boolean;
  articleOnly: boolean;
  onClear(): void;
}) {
  if (filtering) {
    return (
      <div class="cp-empty">
        <p>{t('notes_none_match')}</p>
        <button type="button" class="cp-link-button" onClick={onClear}>
          {t('notes_clear_filters')}
        </button>
      </div>
    );
  }
  if (articleOnly && anyNotes) {
    return (
      <p class="cp-empty">
        {withSlots(t('notes_empty_article', [SLOT, DEFAULT_SHORTCUTS.addNote]), [
          <strong key="add">{t('common_add_note')}</strong>,
        ])}
      </p>
    );
  }
  return (
    <p class="cp-empty">
      {withSlots(t('notes_empty', [SLOT, DEFAULT_SHORTCUTS.addNote]), [
        <strong key="add">{t('common_add_note')}</strong>,
      ])}
    </p>
  );
}
