/**
 * An import as batches of notes to write. Each annotation of the file is checked and converted
 * (import.ts) and duplicates are left out (merge.ts), a batch at a time, so the store can write
 * one batch while the next is being prepared instead of waiting for the whole file.
 *
 * Pure: no storage, no extension API, no DOM.
 */
import type { Note } from '../store/types';
import { createAnnotationConverter, type ImportOptions, type SkippedAnnotation } from './import';
import { createDuplicateFilter, type ImportPlan } from './merge';

/**
 * Annotations per batch. Large enough that the writing side always has notes queued, small
 * enough that writing starts early in the file.
 */
export const IMPORT_BATCH_SIZE = 500;

/** What an import has found so far, filled in as its batches are prepared. */
export interface ImportTally {
  /** The notes yielded for writing, and the duplicates left out. */
  plan: ImportPlan;
  /** Annotations that could not become notes, by position in the file. */
  invalid: SkippedAnnotation[];
}

/** An empty tally, for {@link importBatches} to fill in. */
export function createImportTally(): ImportTally {
  return { plan: { add: [], skipped: [] }, invalid: [] };
}

/**
 * Converts a file's annotations (from `readAnnotationList`) into the new notes to add, batch by
 * batch, checked against the stored notes and against each other, and records every note added or
 * left out in `tally`. Throws only when a callback in `options` does.
 */
export function* importBatches(
  items: readonly unknown[],
  stored: readonly Note[],
  options: ImportOptions,
  tally: ImportTally,
  batchSize: number = IMPORT_BATCH_SIZE,
): Generator<Note[], void, undefined> {
  const convert = createAnnotationConverter(options);
  const duplicates = createDuplicateFilter(stored);
  for (let start = 0; start < items.length; start += batchSize) {
    const end = Math.min(start + batchSize, items.length);
    const batch: Note[] = [];
    for (let index = start; index < end; index += 1) {
      const converted = convert(items[index]);
      if (!converted.ok) {
        tally.invalid.push({ index, reason: converted.reason });
        continue;
      }
      const reason = duplicates.check(converted.note);
      if (reason === undefined) batch.push(converted.note);
      else tally.plan.skipped.push({ note: converted.note, reason });
    }
    tally.plan.add.push(...batch);
    yield batch;
  }
}
