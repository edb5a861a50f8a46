/**
 * Deciding which imported notes to add: importing the same file twice, or a file that overlaps
 * the reader's notes, must never create duplicates.
 */
import { plural, t } from '../i18n';
import type { Note } from '../store/types';
import type { SkippedAnnotation } from './import';

/** Why an incoming note is not added. */
export type DuplicateReason = 'same-id' | 'same-quote-and-body';

/** The notes to write and the duplicates left out. */
export interface ImportPlan {
  add: Note[];
  skipped: { note: Note; reason: DuplicateReason }[];
}

/** Sorts incoming notes one at a time into new ones and duplicates, remembering what it let in. */
export interface DuplicateFilter {
  /** Why the note is a duplicate, or undefined when it is new (it then counts as present). */
  check(note: Note): DuplicateReason | undefined;
}

/**
 * A filter against the stored notes, for notes that arrive one by one. A note is a duplicate
 * when its id is taken, or when a note on the same article already quotes the same passage with
 * the same text (whitespace aside). Notes it has let in count too, so a file with repeats adds
 * each note once. A soft-deleted note still holds its id (the store's key) but not its content,
 * so a backup of a note the reader has just deleted, under another id, is added again.
 */
export function createDuplicateFilter(existing: readonly Note[]): DuplicateFilter {
  const takenIds = new Set(existing.map((note) => note.id));
  const takenContent = new Set(
    existing.filter((note) => note.deletedAt === undefined).map(contentKey),
  );
  return {
    check(note) {
      if (takenIds.has(note.id)) return 'same-id';
      const content = contentKey(note);
      if (takenContent.has(content)) return 'same-quote-and-body';
      takenIds.add(note.id);
      takenContent.add(content);
      return undefined;
    },
  };
}

/** Splits incoming notes into new ones and duplicates, as {@link createDuplicateFilter} decides. */
export function planImport(existing: readonly Note[], incoming: readonly Note[]): ImportPlan {
  const filter = createDuplicateFilter(existing);
  const plan: ImportPlan = { add: [], skipped: [] };
  for (const note of incoming) {
    const reason = filter.check(note);
    if (reason === undefined) plan.add.push(note);
    else plan.skipped.push({ note, reason });
  }
  return plan;
}

/** What makes two notes the same note: article, quoted passage and text. */
function contentKey(note: Note): string {
  const quote = note.target.selectors.find((selector) => selector.type === 'TextQuoteSelector');
  // A JSON array keeps the three parts apart whatever characters they contain.
  return JSON.stringify([
    note.articleKey,
    normaliseWhitespace(quote?.exact ?? ''),
    normaliseWhitespace(note.body),
  ]);
}

/** Whitespace that collapsing changes: a tab, a line break or another space, or two in a row. */
const COLLAPSIBLE_WHITESPACE = /[^\S ]| {2}/;

function normaliseWhitespace(text: string): string {
  // Most notes have only single spaces; testing first spares building a new string for each.
  const collapsed = COLLAPSIBLE_WHITESPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
  return collapsed.trim();
}

/** Reasons listed in the summary; more would make the sentence unreadable. */
const REASONS_SHOWN = 3;

/**
 * One sentence for the reader after an import, e.g. "Added 12 notes; skipped 3 already present
 * and 1 invalid (item 4: …)." Items are numbered from 1, as a person counts them.
 */
export function summariseImport(plan: ImportPlan, invalid: readonly SkippedAnnotation[]): string {
  const added = plan.add.length;
  const present = plan.skipped.length;
  const start = added === 0 ? t('import_added_none') : plural('import_added', added);
  const skippedParts: string[] = [];
  if (present > 0) skippedParts.push(plural('import_skipped_present', present));
  if (invalid.length > 0) {
    skippedParts.push(plural('import_skipped_invalid', invalid.length, [listReasons(invalid)]));
  }
  const [first, second] = skippedParts;
  if (first === undefined) return t('import_summary', [start]);
  if (second === undefined) return t('import_summary_skipped', [start, first]);
  return t('import_summary_skipped_both', [start, first, second]);
}

function listReasons(invalid: readonly SkippedAnnotation[]): string {
  const shown = invalid
    .slice(0, REASONS_SHOWN)
    .map((entry) => t('import_item_reason', [entry.index + 1, entry.reason]));
  const more = invalid.length - shown.length;
  if (more > 0) shown.push(plural('import_more_reasons', more));
  return shown.join('; ');
}
