/**
 * The shapes the claim and note layers share with the article view: what is shown, what was
 * placed, how anchoring went, and what the layers need and call back into. Types only.
 */
import type { anchorAll, PreparedText, readText } from '../anchoring/anchor';
import type { TextSpan } from '../anchoring/types';
import type { OwnNodeRegistry } from '../highlight';
import type { NoteAnchor, PageClaim } from '../messaging/protocol';
import type { ChangeScope } from './change-scope';
import type { PageClock } from './page-clock';
import type { ContentExtras } from './ui-loader';

/** Which layers are shown. */
export interface LayerVisibility {
  claims: boolean;
  notes: boolean;
}

/** A passage placed on the page. */
export interface PlacedPassage {
  id: string;
  kind: 'claim' | 'note';
  range: Range;
}

/** How anchoring went, for the badge, the popup and the reading guide. */
export interface LayerStatus {
  claimsAnchored: number;
  orphanedClaimIds: string[];
  notesAnchored: number;
  /** Notes painted now: the anchored ones while the notes layer is on, else none. */
  notesShown: number;
  orphanedNoteIds: string[];
}

/** What the layers call back into. */
export interface LayerCallbacks {
  /** A claim's marker was activated (click, Enter or Space). */
  onMarker(kind: 'claim', id: string, button: HTMLButtonElement): void;
  /** The pointer rests on a claim's marker, or left it. */
  onMarkerHover?(kind: 'claim', id: string, hovering: boolean, button: HTMLButtonElement): void;
}

/** Describes a claim's marker for a screen reader. */
export type MarkerLabel = (kind: 'claim', id: string) => string;

/** The claim and note layers of one article. */
export interface Layers {
  /** Replaces the data and repaints; `prepared` is the body's text read ahead, if still valid. */
  setData(
    claims: readonly PageClaim[],
    notes: readonly NoteAnchor[],
    prepared?: PreparedText | null,
  ): void;
  /** Shows or hides the layers. */
  setVisibility(visibility: LayerVisibility): void;
  /**
   * Anchors again after the page changed, and repaints. Without a scope, everything; with one,
   * only the passages it touched, plus the orphaned ones when anything is re-anchored or text
   * arrived (late content). The other passages keep their ranges, highlights and markers. Returns
   * how many targets were anchored again (0: nothing was done).
   */
  reanchor(scope?: ChangeScope): number;
  /**
   * Replaces the notes, anchoring again only those in `changed` (added, restored or removed);
   * every other passage keeps its range, highlight and marker. Returns how many were anchored.
   */
  updateNotes(notes: readonly NoteAnchor[], changed: ReadonlySet<string>): number;
  /** Replaces the notes with `notes`, which end with `added`: those are anchored in idle time. */
  appendNotes(notes: readonly NoteAnchor[], added: readonly NoteAnchor[]): void;
  /** Adds to `scope` what these mutations of the article concern (our own nodes never count). */
  collectChanges(records: readonly MutationRecord[], scope: ChangeScope): void;
  status(): LayerStatus;
  /**
   * Where a passage is, as a live range, if it anchored. A note's is made on each call: for the
   * one passage a popover or a scroll needs, never for every note (see `spanOf`).
   */
  rangeOf(id: string): Range | null;
  /** Where a placed passage lies now, as plain boundary points (no live range is made). */
  spanOf(id: string): TextSpan | null;
  /** The marker button of a claim, if shown. */
  markerOf(id: string): HTMLButtonElement | null;
  /** Claims that anchored, in reading order. */
  placedClaims(): string[];
  /** Ids under a viewport point, smallest first. */
  hitTest(x: number, y: number): string[];
  setActive(id: string | null): void;
  setExpanded(id: string | null): void;
  /**
   * True for nodes the layers added that hold none of the page's text (markers, the notes
   * layer's host): what anchoring and the reader's selections skip.
   */
  isOwnNode(node: Node): boolean;
  /** True for every node the layers added, the fallback's text wrappers included. */
  ownsNode(node: Node): boolean;
  /**
   * Says the page keeps changing: only the claims near the viewport stay registered with the
   * browser (which repaints every registered highlight on every change), until it is quiet.
   */
  setBusy(busy: boolean): void;
  destroy(): void;
}

/** Everything the layers need. */
export interface LayerDependencies {
  doc: Document;
  /** The article body: claims anchor only here. */
  body: Element;
  ownNodes: OwnNodeRegistry;
  callbacks: LayerCallbacks;
  label: MarkerLabel;
  /** The note layer's "only the nearest are shown" notice, in the interface language. */
  partialNotice?: string;
  /** Extra test to skip nodes in anchoring (e.g. the overlay's host). */
  ignore?: (node: Node) => boolean;
  /** The anchoring engine's `anchorAll`; a test passes a counting wrapper. */
  anchorAll?: typeof anchorAll;
  /** The engine's `readText` (the body's text read once for the idle slices); a test counts. */
  readText?: typeof readText;
  /** Paint claims by wrapping text, as where the Custom Highlight API is missing (tests). */
  paintByWrapping?: boolean;
  /**
   * Called once passages anchored later are all placed (or orphans), and painted: the notes
   * anchored in idle time, or what waited for the extras bundle.
   */
  onAnchored?: () => void;
  /**
   * Loads the extras bundle (the full matcher, the wrapping fallback) on the pages that need
   * it: a quote the page no longer holds word for word, a browser without the Custom Highlight
   * API. Without it (and unless the bundle has already registered) such quotes are orphans.
   */
  loadExtras?: () => Promise<ContentExtras>;
  /** Runs a task when the page is idle; a test passes a fake. Default: the clock's idle callbacks. */
  scheduleIdle?: (task: () => void) => { cancel(): void };
  /**
   * The delays, frames and idle callbacks the layers run on: the content script passes timers the
   * page cannot cancel (`pageProofClock`); the window's own by default.
   */
  clock?: PageClock;
  /**
   * The page's scheme, read before anything is painted (reading it forces a style pass, which
   * after our first writes would be a second one); read on first use when absent.
   */
  scheme?: 'light' | 'dark';
  /** Which layers show from the first paint on; both by default. */
  visibility?: LayerVisibility;
}
