/**
 * Recognising a Global Research article page: is this page an article, what is its headline, which
 * element holds its text, and under which canonical path do its notes live.
 *
 * The site's markup is only partly known (e2e/fixtures/README.md), so nothing here rests on one
 * class name or on the article id: the address must be an article address on the site, and then
 * several independent pieces of page evidence (microdata, Open Graph tags, the `<title>` suffix, a
 * heading that repeats the title, a body container) must add up to a minimum score. Runs on every
 * page of the site, so it never throws and bounds its work on huge pages.
 */
import { isOutsideProse } from '../anchoring/text-rules';
import { walkText } from '../anchoring/text-walk';
import { articlePathFromUrl, GLOBAL_RESEARCH_ORIGIN } from './article-path';

/** One piece of evidence that the page is an article. */
export type RecognitionSignal =
  /** The page is on globalresearch.ca (required). */
  | 'host'
  /** The address has the article form `/slug/number` (required). */
  | 'article-path'
  /** `rel=canonical` or `og:url` names the same article path. */
  | 'canonical-path'
  /** `og:type` is `article`. */
  | 'og-article'
  /** An `og:title` is present. */
  | 'og-title'
  /** `<title>` ends with the site's " - Global Research" suffix. */
  | 'title-tag'
  /** An element marked `itemprop="headline"` holds the headline. */
  | 'headline-markup'
  /** An `h1`/`h2` repeats the headline given by `og:title` or `<title>`. */
  | 'heading'
  /** The body is the element marked `itemprop="articleBody"`. */
  | 'body-markup'
  /** The body was found by a common WordPress container (`div.entry-content`, `article`, …). */
  | 'body-container'
  /** The body is the element after the headline with the most paragraph text. */
  | 'body-density';

/** A recognised article page. */
export interface ArticleRecognition {
  /** The headline as the page shows it, whitespace collapsed, without the site's suffix. */
  headline: string;
  /** The element that holds the article's paragraphs; anchoring and painting work inside it. */
  body: Element;
  /** `https://www.globalresearch.ca` + `articlePath`, whatever form the page's address took. */
  canonicalUrl: string;
  /** The article's canonical path (`/slug/1234567`): the notes' key when no context pack matches. */
  articlePath: string;
  /** The evidence found, in a stable order; for logs, tests and the popup's diagnostics. */
  signals: RecognitionSignal[];
}

/** Options for `waitForArticle`. */
export interface WaitForArticleOptions {
  /** Stops waiting (the promise resolves null) when aborted. */
  signal?: AbortSignal;
  /** How long to wait for the body to appear; defaults to `DEFAULT_WAIT_TIMEOUT_MS`. */
  timeoutMs?: number;
}

/** How long `waitForArticle` waits for a late body by default. */
export const DEFAULT_WAIT_TIMEOUT_MS = 10_000;

/** The page evidence (beyond host and address) an article must add up to. */
export const MINIMUM_SCORE = 3;

// Microdata is the site's own statement of what the page is, so it weighs double; each of the
// other signals is common on non-article pages too and proves little on its own.
const SIGNAL_WEIGHTS: Readonly<Record<RecognitionSignal, number>> = {
  host: 0,
  'article-path': 0,
  'canonical-path': 1,
  'og-article': 1,
  'og-title': 1,
  'title-tag': 1,
  'headline-markup': 2,
  heading: 1,
  'body-markup': 2,
  'body-container': 1,
  'body-density': 1,
};

// The order signals are reported in, so results compare equal across runs.
const SIGNAL_ORDER: readonly RecognitionSignal[] = [
  'host',
  'article-path',
  'canonical-path',
  'og-article',
  'og-title',
  'title-tag',
  'headline-markup',
  'heading',
  'body-markup',
  'body-container',
  'body-density',
];

// Below this much text a body is a stub, a teaser or a placeholder waiting for the site's scripts.
const MIN_BODY_CHARACTERS = 200;

// The density fallback has no markup to trust, so it asks for a run of real paragraphs: one long
// disclaimer paragraph must not pass for an article.
const MIN_DENSITY_PARAGRAPHS = 3;
const MIN_DENSITY_CHARACTERS = 500;

// Bounds on the work done on huge or hostile pages.
const MAX_PARAGRAPHS_SCORED = 3_000;
const MAX_CANDIDATES_PER_SELECTOR = 50;
const MAX_HEADINGS_COMPARED = 30;
const TEXT_MEASURE_LIMIT = 20_000;

// Containers that, when present, are where the body is: if one exists but is still empty, the
// body has not arrived yet and guessing elsewhere would pick a disclaimer or a sidebar.
const DEFINITE_BODY_SELECTORS: readonly string[] = ['div.entry-content', 'div.post-content'];

// Wrappers that often hold the body but also the byline, share bar or footer.
const LOOSE_BODY_SELECTORS: readonly string[] = ['div.content', 'article'];

// The site's suffix in `<title>` and sometimes `og:title`. Stricter than the scrapers' own
// `\s*[-|]\s*(Global Research.*|Home.*)$`, which would also cut "X - Homeland Security - …" at
// "Homeland": "Global Research" or "Home" must stand alone or be followed by another separator.
const SITE_SUFFIX_PATTERN =
  /\s+[-|\u2013\u2014]\s+(?:(Global Research)|Home)(?:\s*[-|:\u2013\u2014].*)?\s*$/i;

/** Whitespace (including no-break spaces) collapsed to single spaces, trimmed. */
function collapseWhitespace(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A form of a headline for comparing two copies of it, ignoring case and typography. */
function comparableHeadline(text: string): string {
  return collapseWhitespace(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019`]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015]/g, '-'),
  );
}

/** A title without the site's suffix, and whether the suffix named Global Research. */
function stripSiteSuffix(title: string): { text: string; hadSiteSuffix: boolean } {
  const collapsed = collapseWhitespace(title);
  const match = SITE_SUFFIX_PATTERN.exec(collapsed);
  if (match === null) return { text: collapsed, hadSiteSuffix: false };
  return {
    text: collapsed.slice(0, match.index).trim(),
    hadSiteSuffix: match[1] !== undefined,
  };
}

/**
 * The first element matching a selector in <head>, where metadata lives, else anywhere: looking
 * in <head> first keeps huge pages cheap, and looking further covers markup parsed out of place.
 */
function queryHeadFirst(doc: Document, selector: string): Element | null {
  return doc.head?.querySelector(selector) ?? doc.querySelector(selector);
}

function metaContent(doc: Document, property: string): string {
  const meta = queryHeadFirst(doc, `meta[property="${property}"], meta[name="${property}"]`);
  return collapseWhitespace(meta?.getAttribute('content'));
}

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

/** Of the first few elements matching a selector, the one with the most text. */
function fullestMatch(
  doc: Document,
  selector: string,
): { element: Element; length: number } | null {
  const matches = doc.querySelectorAll(selector);
  let best: { element: Element; length: number } | null = null;
  const count = Math.min(matches.length, MAX_CANDIDATES_PER_SELECTOR);
  for (let index = 0; index < count; index++) {
    const element = matches[index];
    if (element === undefined) continue;
    const length = boundedTextLength(element, TEXT_MEASURE_LIMIT);
    if (best === null || length > best.length) best = { element, length };
  }
  return best;
}

interface HeadlineFinding {
  text: string;
  element: Element | null;
  signals: RecognitionSignal[];
}

function findHeadline(doc: Document): HeadlineFinding | null {
  const signals: RecognitionSignal[] = [];

  const ogTitle = stripSiteSuffix(metaContent(doc, 'og:title')).text;
  if (ogTitle !== '') signals.push('og-title');

  const titleTag = stripSiteSuffix(queryHeadFirst(doc, 'title')?.textContent ?? '');
  if (titleTag.hadSiteSuffix && titleTag.text !== '') signals.push('title-tag');

  const marked = doc.querySelector('[itemprop~="headline"]');
  const markedText =
    marked === null
      ? ''
      : collapseWhitespace(
          marked.tagName.toUpperCase() === 'META'
            ? marked.getAttribute('content')
            : marked.textContent,
        );
  if (markedText !== '') signals.push('headline-markup');

  // A heading that repeats what the metadata says the headline is: a visible copy, independent of
  // the metadata. The microdata is not a reference here: its element is often the heading itself.
  const references = new Set(
    [ogTitle, titleTag.text].filter((text) => text !== '').map(comparableHeadline),
  );
  const headings = doc.querySelectorAll('h1, h2');
  let matchingHeading: Element | null = null;
  let firstH1: Element | null = null;
  const headingCount = Math.min(headings.length, MAX_HEADINGS_COMPARED);
  for (let index = 0; index < headingCount; index++) {
    const heading = headings[index];
    if (heading === undefined) continue;
    const text = collapseWhitespace(heading.textContent);
    if (text === '') continue;
    if (firstH1 === null && heading.tagName.toUpperCase() === 'H1') firstH1 = heading;
    if (matchingHeading === null && references.has(comparableHeadline(text))) {
      matchingHeading = heading;
    }
  }
  if (matchingHeading !== null) signals.push('heading');

  // Prefer what the page marks or shows as the headline; the metadata may be shortened or
  // rewritten for social media. A lone h1 comes last: on many sites it is the site's name.
  const text =
    markedText ||
    collapseWhitespace(matchingHeading?.textContent) ||
    ogTitle ||
    titleTag.text ||
    collapseWhitespace(firstH1?.textContent);
  if (text === '') return null;

  const element =
    (markedText !== '' && marked?.tagName.toUpperCase() !== 'META' ? marked : null) ??
    matchingHeading ??
    firstH1;
  return { text, element, signals };
}

interface BodyFinding {
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

function findBody(doc: Document, headline: Element | null): BodyFinding | null {
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

/** True when the page's `rel=canonical` or `og:url` names the same article path. */
function canonicalAgrees(doc: Document, url: string, articlePath: string): boolean {
  const declared = [
    queryHeadFirst(doc, 'link[rel~="canonical"]')?.getAttribute('href'),
    metaContent(doc, 'og:url'),
  ];
  for (const href of declared) {
    if (href === null || href === undefined || href === '') continue;
    let absolute: string;
    try {
      absolute = new URL(href, url).href;
    } catch {
      continue;
    }
    if (articlePathFromUrl(absolute) === articlePath) return true;
  }
  return false;
}

function recogniseUnguarded(doc: Document, url: string): ArticleRecognition | null {
  // The address decides first, and cheaply: on listings and the home page nothing else is read.
  // articlePathFromUrl also checks the host: only the site's own addresses have an article path.
  const articlePath = articlePathFromUrl(url);
  if (articlePath === null) return null;

  const headline = findHeadline(doc);
  if (headline === null) return null;
  const body = findBody(doc, headline.element);
  if (body === null) return null;

  const found = new Set<RecognitionSignal>(['host', 'article-path', ...headline.signals]);
  found.add(body.signal);
  if (metaContent(doc, 'og:type').toLowerCase() === 'article') found.add('og-article');
  if (canonicalAgrees(doc, url, articlePath)) found.add('canonical-path');

  const signals = SIGNAL_ORDER.filter((signal) => found.has(signal));
  const score = signals.reduce((sum, signal) => sum + SIGNAL_WEIGHTS[signal], 0);
  if (score < MINIMUM_SCORE) return null;

  return {
    headline: headline.text,
    body: body.element,
    canonicalUrl: `${GLOBAL_RESEARCH_ORIGIN}${articlePath}`,
    articlePath,
    signals,
  };
}

/**
 * Recognises a Global Research article in `doc`, shown at `url`: its headline, body element and
 * canonical path, or null when the page is not an article (a listing, the home page, another
 * site) or its body is not there yet. Never throws.
 */
export function recogniseArticle(doc: Document, url: string): ArticleRecognition | null {
  try {
    return recogniseUnguarded(doc, url);
  } catch {
    // Whatever a page's markup does, the content script must go on running; an unrecognised
    // page simply gets no highlights.
    return null;
  }
}

// Mutations come in bursts while a site builds its page: wait for a quiet moment, but never let a
// constantly changing page (tickers, ads) postpone the check for longer than the maximum.
const WAIT_QUIET_MS = 150;
const WAIT_MAX_DELAY_MS = 1_000;

/**
 * Recognises the article at once, or watches the page (a debounced MutationObserver) until the
 * site's scripts insert its body. Resolves null on timeout, on abort, or at once when the address
 * can never be an article. The observer and timers are released in every case.
 */
export function waitForArticle(
  doc: Document,
  url: string,
  options: WaitForArticleOptions = {},
): Promise<ArticleRecognition | null> {
  const { signal, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS } = options;
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve(null);
      return;
    }
    const immediate = recogniseArticle(doc, url);
    if (immediate !== null || articlePathFromUrl(url) === null) {
      resolve(immediate);
      return;
    }

    let settled = false;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let checkTimer: ReturnType<typeof setTimeout> | undefined;
    let firstPendingMutationAt = 0;
    let observer: MutationObserver | undefined;
    let pollTimer: ReturnType<typeof setInterval> | undefined;

    const finish = (result: ArticleRecognition | null): void => {
      if (settled) return;
      settled = true;
      observer?.disconnect();
      clearTimeout(checkTimer);
      clearTimeout(deadline);
      clearInterval(pollTimer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => finish(null);

    const check = (): void => {
      checkTimer = undefined;
      const result = recogniseArticle(doc, url);
      if (result !== null) finish(result);
    };

    const onMutations = (): void => {
      const now = Date.now();
      if (checkTimer === undefined) {
        firstPendingMutationAt = now;
      } else {
        clearTimeout(checkTimer);
      }
      const waitedSoFar = now - firstPendingMutationAt;
      const delay = Math.max(0, Math.min(WAIT_QUIET_MS, WAIT_MAX_DELAY_MS - waitedSoFar));
      checkTimer = setTimeout(check, delay);
    };

    deadline = setTimeout(() => finish(null), Math.max(0, timeoutMs));
    signal?.addEventListener('abort', onAbort, { once: true });

    const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    if (typeof Observer === 'function') {
      observer = new Observer(onMutations);
      observer.observe(doc, { childList: true, subtree: true, characterData: true });
    } else {
      // No observer (an unusual document): look again now and then until the deadline.
      pollTimer = setInterval(check, WAIT_MAX_DELAY_MS);
    }
  });
}
