/**
 * Finding an article's headline: from its microdata, a heading that repeats the Open Graph or
 * `<title>` headline, the metadata itself, or a lone `h1`, with the signals each gives. Pure DOM.
 */
import { collapseWhitespace, metaContent, queryHeadFirst } from './page-meta';
import type { RecognitionSignal } from './recognition-signals';

/** At most this many headings are compared with the headline (a bound on huge pages). */
const MAX_HEADINGS_COMPARED = 30;

// The site's suffix in `<title>` and sometimes `og:title`. Stricter than the scrapers' own
// `\s*[-|]\s*(Global Research.*|Home.*)$`, which would also cut "X - Homeland Security - …" at
// "Homeland": "Global Research" or "Home" must stand alone or be followed by another separator.
const SITE_SUFFIX_PATTERN =
  /\s+[-|\u2013\u2014]\s+(?:(Global Research)|Home)(?:\s*[-|:\u2013\u2014].*)?\s*$/i;

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
export function stripSiteSuffix(title: string): { text: string; hadSiteSuffix: boolean } {
  const collapsed = collapseWhitespace(title);
  const match = SITE_SUFFIX_PATTERN.exec(collapsed);
  if (match === null) return { text: collapsed, hadSiteSuffix: false };
  return {
    text: collapsed.slice(0, match.index).trim(),
    hadSiteSuffix: match[1] !== undefined,
  };
}

/** The headline found, the element showing it, and the signals found on the way. */
export interface HeadlineFinding {
  text: string;
  element: Element | null;
  signals: RecognitionSignal[];
}

/** The page's headline, or null when it has none. */
export function findHeadline(doc: Document): HeadlineFinding | null {
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
