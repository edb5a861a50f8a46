/**
 * The side panel's view model, pure: what the overview of one tab shows, from the tab's record,
 * the article's claims and notes, the reader's settings and what the page has open. Claims come
 * in the pack's order (the order a reader meets them; a pack test keeps it so), notes in the
 * order of their passages in the article, and the notes that could not be placed in a group of
 * their own. The verdict filter narrows the claims only.
 */
import type { ShownItem } from '../messaging/shown-item';
import { VERDICTS, type Verdict } from '../packs/types';
import { isGlobalResearchHost } from '../page/article-path';
import { isPaused, type Settings } from '../settings';
import type { StoredClaim } from '../store/db';
import type { TabPage } from '../store/tab-pages';
import type { Note } from '../store/types';

/** Everything the overview is built from. */
export interface OverviewInput {
  /** The tab's address, when the browser tells it (it does for the site's pages). */
  tabUrl: string | undefined;
  /** The background's record of the tab; null when no article was recognised there. */
  page: TabPage | null;
  claims: readonly StoredClaim[];
  notes: readonly Note[];
  settings: Settings;
  shown: ShownItem | null;
}

/** Why there is nothing to list. */
export type EmptyReason =
  /** No tab to follow (e.g. every tab closed). */
  | 'no-tab'
  /** A page on another site, or a browser page. */
  | 'other-site'
  /** A page of the site that is not an article (the home page, a category). */
  | 'not-an-article'
  /** An article address whose page has not reported yet (still loading). */
  | 'waiting';

/** What the panel shows for one tab. */
export type Overview =
  | { kind: 'empty'; reason: EmptyReason }
  | { kind: 'paused'; host: string; articleTitle: string | null }
  | {
      kind: 'article';
      page: TabPage;
      claims: readonly StoredClaim[];
      /** Live notes whose passages were placed, in the article's order. */
      placedNotes: readonly Note[];
      /** Live notes whose passages are not on the page as it is now. */
      orphanedNotes: readonly Note[];
      shown: ShownItem | null;
    };

/** Builds the overview of a tab. */
export function buildOverview(input: OverviewInput): Overview {
  const { page } = input;
  const host = hostOf(page?.url ?? input.tabUrl);
  if (host !== null && isPaused(input.settings, host)) {
    return {
      kind: 'paused',
      host: host.replace(/^www\./, ''),
      articleTitle: page?.articleTitle ?? null,
    };
  }
  if (!page) return { kind: 'empty', reason: emptyReason(input.tabUrl) };
  const orphaned = new Set(page.orphanedNoteIds);
  const live = input.notes.filter((note) => !note.deletedAt && note.articleKey === page.articleKey);
  return {
    kind: 'article',
    page,
    claims: page.hasPack ? input.claims : [],
    placedNotes: inReadingOrder(live.filter((note) => !orphaned.has(note.id))),
    orphanedNotes: inReadingOrder(live.filter((note) => orphaned.has(note.id))),
    shown: input.shown,
  };
}

function emptyReason(tabUrl: string | undefined): EmptyReason {
  if (tabUrl === undefined) return 'other-site';
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return 'other-site';
  }
  if (!isGlobalResearchHost(url.hostname)) return 'other-site';
  // An article's address is /slug/number; anything else on the site is a section or a search.
  return /^\/[^/]+\/\d+\/?$/.test(url.pathname) ? 'waiting' : 'not-an-article';
}

function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.hostname.toLowerCase()
      : null;
  } catch {
    return null;
  }
}

/** Where a note's passage starts in the article's text, if its selectors say so. */
function positionOf(note: Note): number {
  for (const selector of note.target.selectors) {
    if (selector.type === 'TextPositionSelector') return selector.start;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Notes in the order of their passages (by the position selector's start), ties and notes
 * without a position by when they were written: the order a reader meets them.
 */
export function inReadingOrder(notes: readonly Note[]): Note[] {
  return [...notes].sort(
    (a, b) =>
      positionOf(a) - positionOf(b) ||
      a.created.localeCompare(b.created) ||
      a.id.localeCompare(b.id),
  );
}

/** How many claims have each verdict, in the verdicts' order, only those with any. */
export function verdictCounts(
  claims: readonly StoredClaim[],
): { verdict: Verdict; count: number }[] {
  return VERDICTS.map((verdict) => ({
    verdict,
    count: claims.filter((claim) => claim.verdict === verdict).length,
  })).filter((entry) => entry.count > 0);
}

/** The claims the filter lets through: every claim when no verdict is chosen. */
export function filterClaims(
  claims: readonly StoredClaim[],
  chosen: ReadonlySet<Verdict>,
): readonly StoredClaim[] {
  return chosen.size === 0 ? claims : claims.filter((claim) => chosen.has(claim.verdict));
}

/** The filter after pressing a verdict's button: on if it was off, off if it was on. */
export function toggleVerdict(chosen: ReadonlySet<Verdict>, verdict: Verdict): Set<Verdict> {
  const next = new Set(chosen);
  if (next.has(verdict)) next.delete(verdict);
  else next.add(verdict);
  return next;
}
