/**
 * Finding the list of annotations in a parsed notes file, wherever the accepted shapes keep it:
 * an AnnotationCollection (its first page and the pages after), an AnnotationPage, one
 * Annotation, or a plain list.
 */
import type { AnnotationListResult } from './import-file';
import { clip, describeValue, isRecord, own, typesOf } from './import-helpers';

/** Embedded pages followed at most; real files have one. */
const MAX_PAGES = 10_000;

const EXPECTED_SHAPE =
  'expected an AnnotationCollection (with first.items), an AnnotationPage (with items), an Annotation or a list of annotations';

type Located = AnnotationListResult;

/** The annotations a document holds, wherever the accepted shapes keep them. */
export function locateAnnotations(document: unknown): Located {
  if (Array.isArray(document)) {
    if (document.length > 0 && !document.some(looksLikeAnnotation)) {
      return notFound('the list holds no annotations (objects with a target)');
    }
    return { ok: true, items: document };
  }
  if (!isRecord(document)) return notFound(`the file holds ${describeValue(document)}`);

  const types = typesOf(document);
  if (types.includes('AnnotationCollection')) return collectionItems(document);
  if (types.includes('AnnotationPage')) return pageItems(document, 'the AnnotationPage');
  if (looksLikeAnnotation(document)) return { ok: true, items: [document] };
  // Untyped containers are common in hand-made files.
  if (types.length === 0 && own(document, 'first') !== undefined) return collectionItems(document);
  if (types.length === 0 && Array.isArray(own(document, 'items'))) {
    return pageItems(document, 'the page');
  }
  const found = types.length > 0 ? `its type is "${clip(types.join(', '), 60)}"` : 'it has no type';
  return notFound(found);
}

function collectionItems(collection: Record<string, unknown>): Located {
  const first = own(collection, 'first');
  if (typeof first === 'string') {
    return notFound(
      `the collection's annotations are on a separate page (${clip(first, 100)}), not in this file`,
    );
  }
  if (isRecord(first)) return pageItems(first, "the collection's first page");
  if (first !== undefined) {
    return notFound(`the collection's "first" is ${describeValue(first)}, not a page`);
  }
  // Some writers put the items on the collection itself.
  if (own(collection, 'items') !== undefined) return pageItems(collection, 'the collection');
  // An empty collection has no first page at all.
  return { ok: true, items: [] };
}

/** The items of a page and of any further pages embedded through `next`. */
function pageItems(firstPage: Record<string, unknown>, name: string): Located {
  const items: unknown[] = [];
  let page: Record<string, unknown> | undefined = firstPage;
  for (let count = 0; page !== undefined && count < MAX_PAGES; count += 1) {
    const pageList = own(page, 'items');
    if (!Array.isArray(pageList)) {
      const where = count === 0 ? name : `page ${count + 1}`;
      return notFound(`${where} has ${describeValue(pageList)} where the list of items should be`);
    }
    items.push(...pageList);
    const next = own(page, 'next');
    // A `next` given as an address points outside the file; only embedded pages can be read.
    page = isRecord(next) ? next : undefined;
  }
  return { ok: true, items };
}

function notFound(detail: string): { ok: false; error: string } {
  return { ok: false, error: `No annotations found: ${EXPECTED_SHAPE}; ${detail}.` };
}

function looksLikeAnnotation(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return isAnnotationType(typesOf(value)) || own(value, 'target') !== undefined;
}

/** Whether JSON-LD types name a Web Annotation. */
export function isAnnotationType(types: readonly string[]): boolean {
  return types.includes('Annotation') || types.includes('oa:Annotation');
}
