/**
 * The shape of Counterpoint's notes file: a W3C Web Annotation collection
 * (https://www.w3.org/TR/annotation-model/), shared by the exporter and the importer so the two
 * cannot drift apart.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';

/** The JSON-LD context every Web Annotation document names. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The property that carries Counterpoint's own fields on each annotation. The Web Annotation
 * context does not define it, so other tools ignore it while a round trip through Counterpoint
 * keeps every field.
 */
export const EXTENSION_PROPERTY = 'counterpoint';

/** Media type of a note's text: the editor writes plain text with light Markdown. */
export const NOTE_BODY_FORMAT = 'text/markdown';

/** Counterpoint's fields that have no Web Annotation equivalent. */
export interface CounterpointExtension {
  articleKey: string;
  articleTitle: string;
  claimId?: string;
}

/** A body of an exported annotation: the note's text, or one of its tags. */
export interface ExportedTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: typeof NOTE_BODY_FORMAT;
}

/** One note as a Web Annotation. */
export interface ExportedAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  created: string;
  modified: string;
  body: ExportedTextualBody[];
  target: {
    source: string;
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
  [EXTENSION_PROPERTY]: CounterpointExtension;
}

/** The whole exported file. */
export interface ExportedCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first?: {
    type: 'AnnotationPage';
    startIndex: 0;
    items: ExportedAnnotation[];
  };
}

/** The scheme Counterpoint uses for annotation ids: note ids are random UUIDs. */
export const UUID_URN_PREFIX = 'urn:uuid:';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID in its usual 8-4-4-4-12 hexadecimal form. */
export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text);
}
