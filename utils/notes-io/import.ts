/**
 * Reading a notes file: Counterpoint's own export, or W3C Web Annotations written by other tools.
 *
 * Policy: the whole file is refused only when it cannot be an annotation file at all (too big,
 * not JSON, no annotations where they should be). Inside a good file each annotation stands
 * alone: one that cannot become a valid note (a `javascript:` page, no quoted passage, a body over
 * the limit…) is skipped with its position and a reason, and the rest are kept. Whether to write
 * the kept notes is the caller's choice; the store writes them all or none.
 *
 * Pure: no storage, no extension API, no DOM. Never throws, whatever the text. One module per
 * job: the file and its size (`import-file.ts`), files that are not JSON (`import-not-json.ts`),
 * where the annotations are (`import-locate.ts`), one annotation to one note
 * (`import-annotation.ts`), and small helpers (`import-helpers.ts`).
 */
export {
  type AnnotationConverter,
  type ConvertedAnnotation,
  createAnnotationConverter,
  type ImportOptions,
  type SkippedAnnotation,
} from './import-annotation';
export {
  type AnnotationListResult,
  IMPORT_MAX_BYTES,
  importFailureMessage,
  readAnnotationList,
} from './import-file';
