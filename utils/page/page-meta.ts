/**
 * Reading a page's metadata and text for recognition: whitespace collapsed, `<head>` looked in
 * first, `<meta>` contents by property or name. Pure DOM.
 */

/** Whitespace (including no-break spaces) collapsed to single spaces, trimmed. */
export function collapseWhitespace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The first element matching a selector in <head>, where metadata lives, else anywhere: looking
 * in <head> first keeps huge pages cheap, and looking further covers markup parsed out of place.
 */
export function queryHeadFirst(doc: Document, selector: string): Element | null {
  return doc.head?.querySelector(selector) ?? doc.querySelector(selector);
}

/** The collapsed content of the `<meta>` with this property or name ('' if none). */
export function metaContent(doc: Document, property: string): string {
  const meta = queryHeadFirst(doc, `meta[property="${property}"], meta[name="${property}"]`);
  return collapseWhitespace(meta?.getAttribute('content'));
}
