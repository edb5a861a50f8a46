/**
 * Export and import of notes as files: W3C Web Annotations (JSON-LD) both ways, and Markdown out.
 * Pure functions; the caller reads the store, writes the file, and writes imported notes back.
 */
export type { ExportedAnnotation, ExportedCollection } from './annotation-format';
export { articleKeyFromUrl } from './article-key';
export { DEFAULT_EXPORT_LABEL, exportJsonLd, type JsonLdExportOptions } from './export-jsonld';
export { exportMarkdown, type MarkdownExportOptions, textFragmentUrl } from './export-markdown';
export {
  type AnnotationConverter,
  type AnnotationListResult,
  type ConvertedAnnotation,
  createAnnotationConverter,
  IMPORT_MAX_BYTES,
  type ImportOptions,
  importFailureMessage,
  readAnnotationList,
  type SkippedAnnotation,
} from './import';
export {
  createImportTally,
  IMPORT_BATCH_SIZE,
  type ImportTally,
  importBatches,
} from './import-batches';
export {
  createDuplicateFilter,
  type DuplicateFilter,
  type DuplicateReason,
  type ImportPlan,
  planImport,
  summariseImport,
} from './merge';
