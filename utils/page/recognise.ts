/**
 * Recognising a Global Research article page: is this page an article, what is its headline, which
 * element holds its text, and under which canonical path do its notes live.
 *
 * The site's markup is only partly known (e2e/fixtures/README.md), so nothing here rests on one
 * class name or on the article id: the address must be an article address on the site, and then
 * several independent pieces of page evidence (microdata, Open Graph tags, the `<title>` suffix, a
 * heading that repeats the title, a body container) must add up to a minimum score. Runs on every
 * page of the site, so it never throws and bounds its work on huge pages. The parts: the signals
 * and their weights (`recognition-signals`), the headline (`find-headline`), the body
 * (`find-body`); this module scores them and waits for a late body.
 */
import { articlePathFromUrl, GLOBAL_RESEARCH_ORIGIN } from './article-path';
import { findBody } from './find-body';
import { findHeadline } from './find-headline';
import { metaContent, queryHeadFirst } from './page-meta';
import {
  inSignalOrder,
  MINIMUM_SCORE,
  type RecognitionSignal,
  scoreOf,
} from './recognition-signals';

export { MINIMUM_SCORE, type RecognitionSignal } from './recognition-signals';

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
  /**
   * Runs `run` after `ms` and returns what cancels it: the content script passes timers the page
   * cannot cancel (`utils/annotator/page-clock.ts`); the window's `setTimeout` by default.
   */
  after?: (ms: number, run: () => void) => () => void;
}

/** The window's `setTimeout`, as `WaitForArticleOptions.after` wants it. */
const plainAfter = (ms: number, run: () => void): (() => void) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

/** How long `waitForArticle` waits for a late body by default. */
export const DEFAULT_WAIT_TIMEOUT_MS = 10_000;

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

  const signals = inSignalOrder(found);
  if (scoreOf(signals) < MINIMUM_SCORE) return null;

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
  const { signal, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, after = plainAfter } = options;
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
    let deadline: (() => void) | undefined;
    let checkTimer: (() => void) | undefined;
    let firstPendingMutationAt = 0;
    let observer: MutationObserver | undefined;
    let pollTimer: ReturnType<typeof setInterval> | undefined;

    const finish = (result: ArticleRecognition | null): void => {
      if (settled) return;
      settled = true;
      observer?.disconnect();
      checkTimer?.();
      deadline?.();
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
        checkTimer();
      }
      const waitedSoFar = now - firstPendingMutationAt;
      const delay = Math.max(0, Math.min(WAIT_QUIET_MS, WAIT_MAX_DELAY_MS - waitedSoFar));
      checkTimer = after(delay, check);
    };

    deadline = after(Math.max(0, timeoutMs), () => finish(null));
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
