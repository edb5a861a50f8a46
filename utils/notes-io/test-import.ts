/**
 * Test support: a whole notes file to notes in one call, through the same two steps the import
 * takes (`readAnnotationList`, then `createAnnotationConverter` for each annotation).
 */
import type { Note } from '../store/types';
import {
  createAnnotationConverter,
  type ImportOptions,
  type SkippedAnnotation,
} from './import-annotation';
import { importFailureMessage, readAnnotationList } from './import-file';

/** The notes read from a file and the annotations left out, or why the file was refused. */
export type ImportParseResult =
  | { ok: true; notes: Note[]; skipped: SkippedAnnotation[] }
  | { ok: false; error: string };

/** Reads a notes file into notes ready to merge. Never throws. */
export function parseImport(text: string, options: ImportOptions): ImportParseResult {
  const list = readAnnotationList(text);
  if (!list.ok) return list;
  const notes: Note[] = [];
  const skipped: SkippedAnnotation[] = [];
  const convert = createAnnotationConverter(options);
  try {
    list.items.forEach((item, index) => {
      const converted = convert(item);
      if (converted.ok) notes.push(converted.note);
      else skipped.push({ index, reason: converted.reason });
    });
  } catch (error) {
    // Nothing below is expected to throw; this keeps the promise if a caller's callback does.
    return { ok: false, error: importFailureMessage(error) };
  }
  return { ok: true, notes, skipped };
}
