/**
 * The notes list's filters: this article's notes or every article's, the search box (note text,
 * quoted passages, tags), the tag filter and the order. Draws only: the list filters itself.
 */
import { t } from '../../utils/i18n';
import { NOTES_SORT_LABELS, type NotesSort, type tagCounts } from '../../utils/popup/notes-index';

/** Which notes the list shows: the current article's or every article's. */
export type NotesScope = 'article' | 'all';

/** Props of {@link NotesFilters}. */
export interface NotesFiltersProps {
  /** The ids of the section's heading, search box and count sentence. */
  ids: { heading: string; search: string; count: string };
  /** The scope choice, offered only while the popup is about an article. */
  scope?: {
    value: NotesScope;
    /** How many notes the current article has. */
    articleCount: number;
    /** How many notes there are in all, once every note has been read (else null). */
    allCount: number | null;
    onChange(scope: NotesScope): void;
  };
  search: string;
  onSearch(search: string): void;
  tag: string;
  /** The tags to filter by, with their counts. */
  tags: ReturnType<typeof tagCounts>;
  onTag(tag: string): void;
  sort: NotesSort;
  onSort(sort: NotesSort): void;
}

/** The scope choice and the toolbar above the notes. */
export function NotesFilters(props: NotesFiltersProps) {
  const { ids, scope, search, tag, tags, sort, onSearch, onTag, onSort } = props;
  return (
    <>
      {scope ? (
        <fieldset class="cp-scope">
          <legend>{t('notes_scope_legend')}</legend>
          <label>
            <input
              type="radio"
              name={`${ids.heading}-scope`}
              checked={scope.value === 'article'}
              onChange={() => scope.onChange('article')}
            />
            {t('notes_scope_article', [scope.articleCount])}
          </label>
          <label>
            <input
              type="radio"
              name={`${ids.heading}-scope`}
              checked={scope.value === 'all'}
              onChange={() => scope.onChange('all')}
            />
            {scope.allCount !== null
              ? t('notes_scope_all_count', [scope.allCount])
              : t('notes_scope_all')}
          </label>
        </fieldset>
      ) : null}
      <div class="cp-notes-toolbar">
        <label for={ids.search} class="cp-visually-hidden">
          {t('notes_search')}
        </label>
        <input
          id={ids.search}
          type="search"
          placeholder={t('notes_search_placeholder')}
          value={search}
          aria-describedby={ids.count}
          onInput={(event) => onSearch(event.currentTarget.value)}
        />
        <select
          aria-label={t('notes_filter_tag')}
          value={tag}
          onChange={(event) => onTag(event.currentTarget.value)}
        >
          <option value="">{t('notes_all_tags')}</option>
          {tags.map((entry) => (
            <option key={entry.tag.toLowerCase()} value={entry.tag}>
              {entry.tag} ({entry.count})
            </option>
          ))}
        </select>
        <select
          aria-label={t('notes_sort')}
          value={sort}
          onChange={(event) => onSort(event.currentTarget.value as NotesSort)}
        >
          {(Object.keys(NOTES_SORT_LABELS) as NotesSort[]).map((key) => (
            <option key={key} value={key}>
              {NOTES_SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
