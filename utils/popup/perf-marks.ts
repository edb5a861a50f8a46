/**
 * Names of the performance marks the notes views set, so the benchmark (e2e/bench/popup-scale.ts)
 * can time them from outside without changing what it measures.
 */

/** Set when the notes list is first rendered after the notes were read. */
export const NOTES_RENDERED_MARK = 'counterpoint:notes-list-rendered';

/** Set each time the rendered list changes afterwards (a search, a filter, an edit). */
export const NOTES_UPDATED_MARK = 'counterpoint:notes-list-updated';

/** Set when an import starts (a file was chosen). */
export const IMPORT_STARTED_MARK = 'counterpoint:import-started';
/** Set when an import's outcome is known. */
export const IMPORT_FINISHED_MARK = 'counterpoint:import-finished';
