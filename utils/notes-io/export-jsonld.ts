/**
 * Notes out as a W3C Web Annotation collection, the format other annotation tools read.
 * The annotations sit embedded in the collection's first page, so one file holds them all.
 */
import type { Note } from '../store/types';
import {
  ANNOTATION_CONTEXT,
  EXTENSION_PROPERTY,
  type ExportedAnnotation,
  type ExportedCollection,
  type ExportedTextualBody,
  NOTE_BODY_FORMAT,
  UUID_URN_PREFIX,
} from './annotation-format';

/** What an export needs besides the notes; the time is passed in so exports are reproducible. */
export interface JsonLdExportOptions {
  /** ISO 8601 time of the export. */
  generatedAt: string;
  /** The collection's human-readable name. */
  label?: string;
}

/** The label used when the caller gives none. */
export const DEFAULT_EXPORT_LABEL = 'Counterpoint notes';

/** Serialises the live (not soft-deleted) notes as a pretty-printed AnnotationCollection. */
export function exportJsonLd(notes: readonly Note[], options: JsonLdExportOptions): string {
  const items = notes.filter((note) => note.deletedAt === undefined).map(noteToAnnotation);
  const collection: ExportedCollection = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: options.label ?? DEFAULT_EXPORT_LABEL,
    total: items.length,
    generated: options.generatedAt,
  };
  // The model asks for a first page only when there are annotations to put on it.
  if (items.length > 0) {
    collection.first = { type: 'AnnotationPage', startIndex: 0, items };
  }
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** One note as a Web Annotation; the importer reverses this exactly. */
function noteToAnnotation(note: Note): ExportedAnnotation {
  const comment: ExportedTextualBody = {
    type: 'TextualBody',
    value: note.body,
    format: NOTE_BODY_FORMAT,
    purpose: 'commenting',
  };
  const tags = note.tags.map(
    (tag): ExportedTextualBody => ({ type: 'TextualBody', value: tag, purpose: 'tagging' }),
  );
  return {
    id: `${UUID_URN_PREFIX}${note.id}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: note.created,
    modified: note.modified,
    body: [comment, ...tags],
    target: {
      source: note.url,
      // Copied field by field so nothing but the selector's own data leaves the store.
      selector: note.target.selectors.map((selector) =>
        selector.type === 'TextQuoteSelector'
          ? {
              type: selector.type,
              exact: selector.exact,
              ...(selector.prefix === undefined ? {} : { prefix: selector.prefix }),
              ...(selector.suffix === undefined ? {} : { suffix: selector.suffix }),
            }
          : { type: selector.type, start: selector.start, end: selector.end },
      ),
    },
    [EXTENSION_PROPERTY]: {
      articleKey: note.articleKey,
      articleTitle: note.articleTitle,
      ...(note.claimId === undefined ? {} : { claimId: note.claimId }),
    },
  };
}
