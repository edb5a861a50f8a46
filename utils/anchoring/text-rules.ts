/**
 * The one set of text rules for every reader of a page's text: anchoring's visible text
 * (text-model.ts), its verbatim path (verbatim.ts), describing a selection (describe.ts), and
 * page recognition and the text fingerprint (utils/page/). Which elements never hold readable
 * text, which begin and end a line, and which characters are invisible: one answer each, so a
 * passage found by one reader is the same passage for the others. The readers that choose what
 * to read walk the page with one walk (text-walk.ts).
 *
 * Pure data and predicates: no DOM access beyond an element's tag name.
 */

/** Elements whose content is never read as text (code, styles, embedded documents, controls). */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'HEAD',
  'TITLE',
]);

/**
 * Elements whose text is on the page (anchorable, a reader may select it) but is no part of the
 * article's prose: left out of the fingerprint and of body-size estimates, as share buttons
 * change between copies of one article.
 */
export const NOT_PROSE_TAGS: ReadonlySet<string> = new Set(['BUTTON']);

/** Elements that begin and end a line of text (HTML's block-level and table elements). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Whether an element's content is never read as text (by tag; `hidden` and styles aside). */
export function isSkippedElement(element: Element): boolean {
  // Upper-cased because foreign elements (`svg`) keep their own case in HTML documents.
  return SKIPPED_TAGS.has(element.tagName.toUpperCase());
}

/**
 * Whether an element's content is no part of an article's prose, for the readers that go without
 * styles (the fingerprint, recognition's body-size estimates): never-read tags, controls that are
 * not prose, and `hidden` elements.
 */
export function isOutsideProse(element: Element): boolean {
  return (
    isSkippedElement(element) ||
    NOT_PROSE_TAGS.has(element.tagName.toUpperCase()) ||
    element.hasAttribute('hidden')
  );
}

/** Whether an element begins and ends a line of text. */
export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName.toUpperCase());
}

/**
 * Whether a UTF-16 code unit shows no glyph of its own when text is compared: whitespace of
 * every kind (line breaks between blocks differ between readers of the text), control
 * characters, soft hyphens, zero-width characters and direction marks.
 */
export function isInvisibleCode(code: number): boolean {
  if (code <= 0x20) return true;
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** {@link isInvisibleCode} for the first code unit of a string (false for the empty string). */
export function isInvisibleCharacter(character: string): boolean {
  return character.length > 0 && isInvisibleCode(character.charCodeAt(0));
}
