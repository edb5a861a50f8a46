/**
 * Finding the list of annotations in a parsed notes file, wherever the accepted shapes keep it:
 * an AnnotationCollection (its first page and the pages after), an AnnotationPage, one
 * Annotation, or a plain list.
 */
import { t } from '../i18n';
import type { AnnotationListResult } from './import-file';
import { clip, describeValue, isRecord, own, typesOf } from './import-helpers';

/** Embedded pages followed at most; real files have one. */
const MAX_PAGES = 10_000;

type Located = AnnotationListResult;

/** The annotations a document holds, wherever the accepted shapes keep them. */
export function locateAnnotations(document: unknown): Located {
  if (Array.isArray(document)) {
    if (document.length > 0 && !document.some(looksLikeAnnotation)) {
      return notFound(t('import_found_list_no_annotations'));
    }
    return { ok: true, items: document };
  }
  if (!isRecord(document)) return notFound(t('import_found_file_holds', [describeValue(document)]));

  const types = typesOf(document);
  if (types.includes('AnnotationCollection')) return collectionItems(document);
  if (types.includes('AnnotationPage')) return pageItems(document, 'annotation-page');
  if (looksLikeAnnotation(document)) return { ok: true, items: [document] };
  // Untyped containers are common in hand-made files.
  if (types.length === 0 && own(document, 'first') !== undefined) return collectionItems(document);
  if (types.length === 0 && Array.isArray(own(document, 'items'))) {
    return pageItems(document, 'page');
  }
  const found =
    types.length > 0
      ? t('import_found_type', [clip(types.join(', '), 60)])
      : t('import_found_no_type');
  return notFound(found);
}

function collectionItems(collection: Record<string, unknown>): Located {
  const first = own(collection, 'first');
  if (typeof first === 'string') {
    return notFound(t('import_found_separate_page', [clip(first, 100)]));
  }
  if (isRecord(first)) return pageItems(first, 'first-page');
  if (first !== undefined) {
    return notFound(t('import_found_first_not_page', [describeValue(first)]));
  }
  // Some writers put the items on the collection itself.
  if (own(collection, 'items') !== undefined) return pageItems(collection, 'collection');
  // An empty collection has no first page at all.
  return { ok: true, items: [] };
}

/** Which container holds the first page's items, for the message when they are not a list. */
type FirstPage = 'annotation-page' | 'page' | 'first-page' | 'collection';

/** The items of a page and of any further pages embedded through `next`. */
function pageItems(firstPage: Record<string, unknown>, name: FirstPage): Located {
  const items: unknown[] = [];
  let page: Record<string, unknown> | undefined = firstPage;
  for (let count = 0; page !== undefined && count < MAX_PAGES; count += 1) {
    const pageList = own(page, 'items');
    if (!Array.isArray(pageList)) {
      const value = describeValue(pageList);
      return notFound(
        count > 0 ? t('import_found_items_page_number', [count + 1, value]) : noItems(name, value),
      );
    }
    items.push(...pageList);
    const next = own(page, 'next');
    // A `next` given as an address points outside the file; only embedded pages can be read.
    page = isRecord(next) ? next : undefined;
  }
  return { ok: true, items };
}

/** The clause for a first page whose items are not a list; `value` says what is there. */
function noItems(name: FirstPage, value: string): string {
  switch (name) {
    case 'annotation-page':
      return t('import_found_items_annotation_page', [value]);
    case 'page':
      return t('import_found_items_page', [value]);
    case 'first-page':
      return t('import_found_items_first_page', [value]);
    case 'collection':
      return t('import_found_items_collection', [value]);
  }
}

function notFound(detail: string): { ok: false; error: string } {
  return { ok: false, error: t('import_not_found', [detail]) };
}

function looksLikeAnnotation(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return isAnnotationType(typesOf(value)) || own(value, 'target') !== undefined;
}

/** Whether JSON-LD types name a Web Annotation. */
export function isAnnotationType(types: readonly string[]): boolean {
  return types.includes('Annotation') || types.includes('oa:Annotation');
}
