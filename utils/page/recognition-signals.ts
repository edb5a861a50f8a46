/**
 * The evidence that a page is an article: the signals, what each weighs, the order they are
 * reported in, and the score a page must reach. Pure data and arithmetic.
 */

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

/** The page evidence (beyond host and address) an article must add up to. */
export const MINIMUM_SCORE = 3;

/**
 * What each signal weighs (host and address are required, so they weigh nothing). Microdata is
 * the site's own statement of what the page is, so it weighs double; each of the other signals
 * is common on non-article pages too and proves little on its own.
 */
export const SIGNAL_WEIGHTS: Readonly<Record<RecognitionSignal, number>> = {
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

/** The order signals are reported in, so results compare equal across runs. */
export const SIGNAL_ORDER: readonly RecognitionSignal[] = [
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

/** The signals found, in the stable order. */
export function inSignalOrder(found: ReadonlySet<RecognitionSignal>): RecognitionSignal[] {
  return SIGNAL_ORDER.filter((signal) => found.has(signal));
}

/** What these signals add up to. */
export function scoreOf(signals: readonly RecognitionSignal[]): number {
  return signals.reduce((sum, signal) => sum + SIGNAL_WEIGHTS[signal], 0);
}
