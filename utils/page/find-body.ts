/**
 * Finding the element that holds an article's text: its microdata, a known container, or the
 * element after the headline with the most paragraph text, within bounds on huge pages. Pure DOM.
 */
import { isOutsideProse } from '../anchoring/text-rules';
import { walkText } from '../anchoring/text-walk';
import { collapseWhitespace } from './page-meta';

// Below this much text a body is a stub, a teaser or a placeholder waiting for the site's scripts.
const MIN_BODY_CHARACTERS = 200;

// The density fallback has no markup to trust, so it asks for a run of real paragraphs: one long
// disclaimer paragraph must not pass for an article.
const MIN_DENSITY_PARAGRAPHS = 3;
const MIN_DENSITY_CHARACTERS = 500;

// Bounds on the work done on huge or hostile pages.
const MAX_PARAGRAPHS_SCORED = 3_000;
const MAX_CANDIDATES_PER_SELECTOR = 50;
const TEXT_MEASURE_LIMIT = 20_000;

// Containers that, when present, are where the body is: if one exists but is still empty, the
// body has not arrived yet and guessing elsewhere would pick a disclaimer or a sidebar.
const DEFINITE_BODY_SELECTORS: readonly string[] = ['div.entry-content', 'div.post-content'];

// Wrappers that often hold the body but also the byline, share bar or footer.
const LOOSE_BODY_SELECTORS: readonly string[] = ['div.content', 'article'];

/** The prose text length of an element, counted up to `limit` (work stops there). */
function boundedTextLength(element: Element, limit: number): number {
  let length = 0;
  // The shared walk and text rules (utils/anchoring/): code, styles, controls and hidden
  // elements hold no prose.
  walkText(element, {
    enter: (child) => !isOutsideProse(child),
    text(node) {
      length += collapseWhitespace(node.nodeValue).length;
      return length < limit;
    },
  });
  return Math.min(length, limit);
}

/**
 * Of the first few elements matching a selector, the one with the most text. A lone match is
 * the answer whatever its length, so its text is read only as far as `MIN_BODY_CHARACTERS`,
 * the one length the caller compares it with.
 */
function fullestMatch(
  doc: Document,
  selector: string,
): { element: Element; length: number } | null {
  const matches = doc.querySelectorAll(selector);
  let best: { element: Element; length: number } | null = null;
  const count = Math.min(matches.length, MAX_CANDIDATES_PER_SELECTOR);
  const limit = count === 1 ? MIN_BODY_CHARACTERS : TEXT_MEASURE_LIMIT;
  for (let index = 0; index < count; index++) {
    const element = matches[index];
    if (element === undefined) continue;
    const length = boundedTextLength(element, limit);
    if (best === null || length > best.length) best = { element, length };
  }
  return best;
}

/** The body found, and which signal found it. */
export interface BodyFinding {
  element: Element;
  signal: 'body-markup' | 'body-container' | 'body-density';
}

/** True when `node` comes after `reference` in document order and is not its ancestor. */
function follows(node: Node, reference: Node): boolean {
  return (reference.compareDocumentPosition(node) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;
}

/**
 * The index of the first paragraph after the headline, by binary search: `querySelectorAll` lists
 * paragraphs in document order, and comparing positions can cost time proportional to the page,
 * so it is done a dozen times, not once per paragraph.
 */
function firstParagraphAfter(
  paragraphs: NodeListOf<HTMLParagraphElement>,
  headline: Element,
): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const paragraph = paragraphs[middle];
    if (paragraph !== undefined && follows(paragraph, headline)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The element after the headline whose own paragraphs hold the most text. */
function densestParagraphContainer(doc: Document, headline: Element | null): Element | null {
  const paragraphs = doc.querySelectorAll('p');
  const totals = new Map<Element, { characters: number; paragraphs: number }>();
  const start = headline === null ? 0 : firstParagraphAfter(paragraphs, headline);
  const end = Math.min(paragraphs.length, start + MAX_PARAGRAPHS_SCORED);
  for (let index = start; index < end; index++) {
    const paragraph = paragraphs[index];
    const parent = paragraph?.parentElement;
    if (paragraph === undefined || parent === null || parent === undefined) continue;
    const characters = collapseWhitespace(paragraph.textContent).length;
    if (characters === 0) continue;
    const total = totals.get(parent) ?? { characters: 0, paragraphs: 0 };
    total.characters += characters;
    total.paragraphs += 1;
    totals.set(parent, total);
  }

  let best: Element | null = null;
  let bestCharacters = 0;
  for (const [element, total] of totals) {
    if (total.paragraphs < MIN_DENSITY_PARAGRAPHS) continue;
    if (total.characters < MIN_DENSITY_CHARACTERS) continue;
    if (total.characters > bestCharacters) {
      best = element;
      bestCharacters = total.characters;
    }
  }
  return best;
}

/** The article's body, or null when it is not there (yet). */
export function findBody(doc: Document, headline: Element | null): BodyFinding | null {
  // The page's own statement of where its text is. If it is there but empty, the site's scripts
  // have not filled it yet: report nothing rather than guess.
  const marked = fullestMatch(doc, '[itemprop~="articleBody"]');
  if (marked !== null) {
    return marked.length >= MIN_BODY_CHARACTERS
      ? { element: marked.element, signal: 'body-markup' }
      : null;
  }

  for (const selector of DEFINITE_BODY_SELECTORS) {
    const match = fullestMatch(doc, selector);
    if (match === null) continue;
    return match.length >= MIN_BODY_CHARACTERS
      ? { element: match.element, signal: 'body-container' }
      : null;
  }

  for (const selector of LOOSE_BODY_SELECTORS) {
    const match = fullestMatch(doc, selector);
    if (match !== null && match.length >= MIN_BODY_CHARACTERS) {
      return { element: match.element, signal: 'body-container' };
    }
  }

  const densest = densestParagraphContainer(doc, headline);
  return densest === null ? null : { element: densest, signal: 'body-density' };
}
