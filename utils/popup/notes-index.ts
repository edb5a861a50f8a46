/**
 * Searching, filtering, sorting and grouping the reader's notes in memory, for the popup and the
 * notes manager. Notes are read from the store once; each keystroke in the search box then runs
 * over a prepared lower-cased text per note instead of querying IndexedDB again, which keeps
 * 10,000 notes responsive.
 *
 * Pure: no storage, no extension API, no DOM.
 */

import { t } from '../i18n';
import { quoteOfNote } from '../store/note-quote';
import type { Note } from '../store/types';

/** How the list is ordered. Notes are dated by their last change, as their cards show. */
export type NotesSort = 'newest' | 'oldest' | 'article';

/** Every sort order, with the words the sort control shows. */
export const NOTES_SORT_LABELS: Record<NotesSort, string> = {
  get newest() {
    return t('notes_sort_newest');
  },
  get oldest() {
    return t('notes_sort_oldest');
  },
  get article() {
    return t('notes_sort_article');
  },
};

/** One note prepared for searching. */
export interface IndexedNote {
  note: Note;
  /** Body, quoted passage, tags and headline, lower-cased, joined by a line break. */
  haystack: string;
  /** Tags lower-cased, for the tag filter. */
  tagKeys: string[];
}

/** The notes prepared once per load; `byId` finds one again after an edit or delete. */
export interface NotesIndex {
  entries: IndexedNote[];
  byId: Map<string, IndexedNote>;
}

/** What the reader asked for: search text, a tag (or none) and the order. */
export interface NotesQuery {
  search: string;
  /** A tag as the reader sees it; compared case-insensitively. Empty for every tag. */
  tag: string;
  sort: NotesSort;
}

/** The notes of one article, in the list's order. */
export interface ArticleGroup {
  articleKey: string;
  /** The headline of the group's most recently changed note (titles can change over time). */
  articleTitle: string;
  url: string;
  notes: Note[];
}

/** A tag with the number of notes carrying it. */
export interface TagCount {
  tag: string;
  count: number;
}

/** Prepares notes for searching; soft-deleted notes are left out. */
export function buildNotesIndex(notes: readonly Note[]): NotesIndex {
  const entries: IndexedNote[] = [];
  const byId = new Map<string, IndexedNote>();
  for (const note of notes) {
    if (note.deletedAt !== undefined) continue;
    const entry = indexNote(note);
    entries.push(entry);
    byId.set(note.id, entry);
  }
  return { entries, byId };
}

function indexNote(note: Note): IndexedNote {
  const tagKeys = note.tags.map((tag) => tag.toLowerCase());
  const haystack = [note.body, quoteOfNote(note), ...note.tags, note.articleTitle]
    .join('\n')
    .toLowerCase();
  return { note, haystack, tagKeys };
}

/** The search words: lower-cased, split on whitespace; every word must appear in a note. */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The notes matching a query, sorted (ungrouped). */
export function queryNotes(index: NotesIndex, query: NotesQuery): Note[] {
  const terms = searchTerms(query.search);
  const tag = query.tag.trim().toLowerCase();
  const matches: Note[] = [];
  for (const entry of index.entries) {
    if (tag !== '' && !entry.tagKeys.includes(tag)) continue;
    if (!terms.every((term) => entry.haystack.includes(term))) continue;
    matches.push(entry.note);
  }
  return matches.sort(query.sort === 'oldest' ? oldestFirst : newestFirst);
}

/**
 * Groups sorted notes by article. Newest and oldest keep the article of the first note first;
 * "by article" orders the groups by headline (then key, so equal headlines stay apart and stable).
 */
export function groupByArticle(sortedNotes: readonly Note[], sort: NotesSort): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const note of sortedNotes) {
    const group = groups.get(note.articleKey);
    if (group) group.notes.push(note);
    else
      groups.set(note.articleKey, {
        articleKey: note.articleKey,
        articleTitle: note.articleTitle,
        url: note.url,
        notes: [note],
      });
  }
  const list = [...groups.values()];
  if (sort === 'oldest') {
    // The group's headline and address come from its most recent note, the last one here.
    for (const group of list) {
      const latest = group.notes.at(-1);
      if (latest) {
        group.articleTitle = latest.articleTitle;
        group.url = latest.url;
      }
    }
  }
  if (sort === 'article') {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    list.sort(
      (a, b) =>
        collator.compare(displayTitle(a), displayTitle(b)) ||
        (a.articleKey < b.articleKey ? -1 : a.articleKey > b.articleKey ? 1 : 0),
    );
  }
  return list;
}

/** The first `limit` notes of grouped results, keeping the groups (for "Show more"). */
export function limitGroups(groups: readonly ArticleGroup[], limit: number): ArticleGroup[] {
  const shown: ArticleGroup[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    const notes = group.notes.length <= left ? group.notes : group.notes.slice(0, left);
    shown.push(notes === group.notes ? group : { ...group, notes });
    left -= notes.length;
  }
  return shown;
}

/** A group's headline, or its address when the headline is empty. */
export function displayTitle(group: Pick<ArticleGroup, 'articleTitle' | 'url'>): string {
  return group.articleTitle.trim() || group.url || t('notes_untitled_article');
}

/** Every tag in use, most used first, then alphabetically; spelled as first seen. */
export function tagCounts(index: NotesIndex): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const entry of index.entries) {
    entry.note.tags.forEach((tag, position) => {
      const key = entry.tagKeys[position] ?? tag.toLowerCase();
      const known = counts.get(key);
      if (known) known.count += 1;
      else counts.set(key, { tag, count: 1 });
    });
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || a.tag.localeCompare(b.tag, undefined, { sensitivity: 'base' }),
  );
}

/** Replaces or removes one note in a list without re-reading the store. */
export function replaceNote(notes: readonly Note[], id: string, next: Note | null): Note[] {
  const result: Note[] = [];
  for (const note of notes) {
    if (note.id !== id) result.push(note);
    else if (next !== null && next.deletedAt === undefined) result.push(next);
  }
  return result;
}

/**
 * Applies a change record to a list: each of `ids` is replaced by its stored version in `found`,
 * added when new, or removed when it is gone or deleted; every other row stays as it is.
 */
export function applyChangedNotes(
  notes: readonly Note[],
  ids: readonly string[],
  found: readonly Note[],
): Note[] {
  const changed = new Set(ids);
  const live = new Map(
    found
      .filter((note) => changed.has(note.id) && note.deletedAt === undefined)
      .map((note) => [note.id, note]),
  );
  const kept = notes.flatMap((note) => {
    if (!changed.has(note.id)) return [note];
    const next = live.get(note.id);
    live.delete(note.id);
    return next ? [next] : [];
  });
  return live.size > 0 ? addNotes(kept, [...live.values()]) : kept;
}

/**
 * Adds notes just written (an import) to a list without re-reading the store: newest first, as
 * the store lists them; notes already in the list, and deleted ones, are left out.
 */
export function addNotes(notes: readonly Note[], added: readonly Note[]): Note[] {
  const known = new Set(notes.map((note) => note.id));
  const fresh = added.filter((note) => note.deletedAt === undefined && !known.has(note.id));
  if (fresh.length === 0) return [...notes];
  return [...fresh, ...notes].sort(newestFirst);
}

function newestFirst(a: Note, b: Note): number {
  return compareText(b.modified, a.modified) || compareText(a.id, b.id);
}

function oldestFirst(a: Note, b: Note): number {
  return compareText(a.modified, b.modified) || compareText(a.id, b.id);
}

// Stored times are all ISO 8601 in UTC (the store and the importer write them so): text order is
// time order, and comparing text is much faster than parsing dates 10,000 times per keystroke.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
