/**
 * The two highlight layers of a page — claims and notes — from data to paint: anchor every
 * passage in one pass over the article's text, paint what anchored, put a keyboard marker after
 * each claim, and report what could not be placed. Claims are public: they go to the shared
 * highlight registry (`createPainter`). Notes are private: they are drawn inside one closed
 * shadow root (`createNoteShade`), with no element, marker or registry entry per note that the
 * page could count. Pure DOM (no Preact, no extension API).
 */
import { type anchorAll, anchorAllWith, type PreparedText } from '../anchoring/anchor';
import type { AnchorResult, AnchorTarget, Selector } from '../anchoring/types';
import {
  createPainterWith,
  FallbackNeeded,
  insertMarker,
  type Marker,
  type OwnNodeRegistry,
  type Painter,
} from '../highlight';
import { createNoteShade, type NoteShade } from '../highlight/note-shade';
import { pageScheme } from '../highlight/page-scheme';
import type { NoteAnchor } from '../messaging/protocol';
import type { StoredClaim } from '../store/db';
import { type ChangeScope, createPassageBlocks } from './change-scope';
import { type ContentExtras, loadedContentExtras } from './ui-loader';

/** Notes anchored with the claims before the first paint; the rest follow in idle slices. */
export const FIRST_NOTE_BATCH = 200;
/** Notes handed to the anchoring engine at once in an idle slice. */
const NOTE_CHUNK = 100;
/** How long an idle slice anchors notes before it yields to the page. */
const NOTE_SLICE_MS = 12;
/** The longest an idle slice waits for the page to go idle. */
const IDLE_TIMEOUT_MS = 200;

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
    claims: readonly StoredClaim[],
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
  /** Adds to `scope` what these mutations of the article concern (our own nodes never count). */
  collectChanges(records: readonly MutationRecord[], scope: ChangeScope): void;
  status(): LayerStatus;
  /** Where a passage is, if it anchored. */
  rangeOf(id: string): Range | null;
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
  /** Extra test to skip nodes in anchoring (e.g. the overlay's host). */
  ignore?: (node: Node) => boolean;
  /** The anchoring engine's `anchorAll`; a test passes a counting wrapper. */
  anchorAll?: typeof anchorAll;
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
  /** Runs a task when the page is idle; a test passes a fake. Default: `requestIdleCallback`. */
  scheduleIdle?: (task: () => void) => { cancel(): void };
}

/** The selectors of a claim from its pack quote. */
export function claimSelectors(claim: StoredClaim): Selector[] {
  return [{ type: 'TextQuoteSelector', ...claim.quote }];
}

/** Creates the layers; nothing is painted until `setData`. */
export function createLayers(deps: LayerDependencies): Layers {
  const { doc, body, ownNodes } = deps;
  let painter: Painter | null = null;
  const shade: NoteShade = createNoteShade(doc, { ownNodes });
  let claims: readonly StoredClaim[] = [];
  let notes: readonly NoteAnchor[] = [];
  let visibility: LayerVisibility = { claims: true, notes: true };
  const results = new Map<string, AnchorResult>();
  const markers = new Map<string, Marker>();
  let expandedId: string | null = null;
  let busy = false;
  // The extras bundle, once loaded (the content script starts without it); what waits for it.
  let extras: ContentExtras | null = loadedContentExtras();
  let extrasLoading = false;
  const awaitingMatcher = new Set<string>();
  let awaitingFallback = false;
  let needsFallback = deps.paintByWrapping === true;
  let destroyed = false;
  /** Anchors with the full matcher if loaded; `undefined` for a target that waits for it. */
  const anchorTargets = (
    root: Element,
    targets: readonly AnchorTarget[],
    options: Parameters<typeof anchorAll>[2],
  ): Array<AnchorResult | undefined> => {
    if (deps.anchorAll) return deps.anchorAll(root, targets, options);
    const fullText = extras?.anchorInFullText ?? null;
    if (fullText || deps.loadExtras) return anchorAllWith(fullText, root, targets, options);
    return anchorAllWith(
      () => targets.map(() => ({ status: 'orphan', reason: 'not-found' })),
      root,
      targets,
      options,
    );
  };
  // The blocks of the passages placed in the article body, bound once per anchoring.
  const blocks = createPassageBlocks(body);

  /** Every node we added: markers, the shade's host, and the fallback's wrappers. */
  const owns = (node: Node): boolean =>
    ownNodes.has(node) || shade.isOwnNode(node) || (deps.ignore?.(node) ?? false);
  /**
   * What anchoring and the reader's selections skip: our nodes but the fallback's wrappers,
   * whose text is the page's own (a note on a painted claim's words is on those words).
   */
  const ignore = (node: Node): boolean => owns(node) && !(painter?.isWrapper(node) ?? false);

  /** Anchors these targets and records the results (notes may also sit outside the body). */
  function anchorInto(
    claimTargets: readonly AnchorTarget[],
    noteTargets: readonly AnchorTarget[],
    prepared?: PreparedText | null,
  ): void {
    const all = [...claimTargets, ...noteTargets];
    if (all.length === 0) return;
    const inBody = anchorTargets(body, all, { ignore, prepared });
    inBody.forEach((result, index) => {
      const target = all[index];
      if (!target) return;
      if (!result) {
        awaitingMatcher.add(target.id);
        return;
      }
      results.set(target.id, result);
      if (result.status === 'anchored') blocks.set(target.id, result.range);
    });
    // A note may sit outside the article body (the headline, the byline): try the whole page.
    // One that waits for the full matcher in the body tries the page once the matcher is here.
    const pageRoot = doc.body;
    const strays = noteTargets.filter(
      (target) => !awaitingMatcher.has(target.id) && results.get(target.id)?.status !== 'anchored',
    );
    if (pageRoot && strays.length > 0 && pageRoot !== body) {
      anchorTargets(pageRoot, strays, { ignore }).forEach((result, index) => {
        const target = strays[index];
        if (!target) return;
        if (!result) {
          results.delete(target.id);
          awaitingMatcher.add(target.id);
        } else if (result.status === 'anchored') results.set(target.id, result);
      });
    }
    if (awaitingMatcher.size > 0) requestExtras();
    for (const target of all) {
      const result = results.get(target.id);
      if (result?.status === 'anchored') ownNodes.trackRange(result.range);
    }
  }

  const noteTarget = (note: NoteAnchor): AnchorTarget => ({
    id: note.id,
    selectors: note.target.selectors,
  });

  /** Anchors the passages with these ids (all when `only` is absent), leaving the others be. */
  function anchorPassages(only?: ReadonlySet<string>, prepared?: PreparedText | null): void {
    const wanted = (id: string): boolean => only === undefined || only.has(id);
    for (const [id, result] of results) {
      if (!wanted(id)) continue;
      if (result.status === 'anchored') ownNodes.untrackRange(result.range);
      results.delete(id);
      blocks.delete(id);
    }
    for (const id of awaitingMatcher) if (wanted(id)) awaitingMatcher.delete(id);
    if (only === undefined) {
      results.clear();
      blocks.clear();
    }
    const claimTargets = claims
      .filter((claim) => wanted(claim.id))
      .map((claim) => ({ id: claim.id, selectors: claimSelectors(claim) }));
    let chosen = only === undefined ? notes : notes.filter((note) => wanted(note.id));
    if (only === undefined && chosen.length > FIRST_NOTE_BATCH) {
      // The first notes go with the claims; the rest follow in idle slices, so no task is long.
      queueNotes(chosen.slice(FIRST_NOTE_BATCH));
      chosen = chosen.slice(0, FIRST_NOTE_BATCH);
    }
    anchorInto(claimTargets, chosen.map(noteTarget), prepared);
  }

  // Notes anchored in idle time, a slice at a time, after the first paint.
  let pendingNotes: NoteAnchor[] = [];
  const pendingIds = new Set<string>();
  let idle: { cancel(): void } | null = null;

  function cancelPending(): void {
    idle?.cancel();
    idle = null;
    pendingNotes = [];
    pendingIds.clear();
  }

  function queueNotes(queued: readonly NoteAnchor[]): void {
    cancelPending();
    pendingNotes = [...queued];
    for (const note of queued) pendingIds.add(note.id);
    idle = scheduleIdle(anchorSlice);
  }

  function anchorSlice(): void {
    idle = null;
    const started = performance.now();
    while (pendingNotes.length > 0 && performance.now() - started < NOTE_SLICE_MS) {
      const chunk = pendingNotes.splice(0, NOTE_CHUNK);
      for (const note of chunk) pendingIds.delete(note.id);
      anchorInto([], chunk.map(noteTarget));
    }
    if (pendingNotes.length > 0) {
      idle = scheduleIdle(anchorSlice);
      return;
    }
    // Every note is placed (or an orphan): one repaint of the notes layer, one report.
    if (visibility.notes) shade.paint(noteItemsToPaint());
    deps.onAnchored?.();
  }

  /**
   * Loads the extras bundle once, then anchors what waited for the matcher and paints what
   * waited for the fallback. If it cannot load, what waited is an orphan (reported, not lost).
   */
  function requestExtras(): void {
    if (extras || extrasLoading || !deps.loadExtras) return;
    extrasLoading = true;
    deps.loadExtras().then(
      (loaded) => {
        extrasLoading = false;
        extras = loaded;
        if (destroyed) return;
        const again = new Set(awaitingMatcher);
        if (again.size > 0) anchorPassages(again);
        if (awaitingFallback) {
          awaitingFallback = false;
          paint();
        } else if (again.size > 0) repaintChanged(again);
        deps.onAnchored?.();
      },
      () => {
        extrasLoading = false;
        if (destroyed) return;
        for (const id of awaitingMatcher)
          results.set(id, { status: 'orphan', reason: 'not-found' });
        awaitingMatcher.clear();
        awaitingFallback = false;
        deps.onAnchored?.();
      },
    );
  }

  /** Runs `task` when the page is idle (soon, at the latest), via the injected or the page's scheduler. */
  function scheduleIdle(task: () => void): { cancel(): void } {
    if (deps.scheduleIdle) return deps.scheduleIdle(task);
    const view = doc.defaultView;
    if (view && typeof view.requestIdleCallback === 'function') {
      const handle = view.requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
      return { cancel: () => view.cancelIdleCallback(handle) };
    }
    const handle = setTimeout(task, 0);
    return { cancel: () => clearTimeout(handle) };
  }

  function anchorEverything(prepared?: PreparedText | null): void {
    cancelPending();
    anchorPassages(undefined, prepared);
  }

  /** Whether a placed range still stands on the page (a change we did not see may have moved it). */
  function standing(range: Range): boolean {
    return !range.collapsed && range.startContainer.isConnected && range.endContainer.isConnected;
  }

  function removeMarkers(): void {
    for (const marker of markers.values()) marker.remove();
    markers.clear();
  }

  function claimItemsToPaint() {
    return visibility.claims
      ? claims.flatMap((claim) => {
          const result = results.get(claim.id);
          return result?.status === 'anchored'
            ? [{ id: claim.id, range: result.range, style: claim.verdict }]
            : [];
        })
      : [];
  }

  /** The page's scheme, read once: its background does not change under a reader. */
  let scheme: 'light' | 'dark' | null = null;
  const schemeOfPage = (): 'light' | 'dark' => {
    scheme ??= pageScheme(doc);
    return scheme;
  };

  function addMarker(item: { id: string; range: Range; style: StoredClaim['verdict'] }): void {
    const marker = insertMarker(doc, item.range, {
      kind: 'claim',
      style: item.style,
      label: deps.label('claim', item.id),
      ownNodes,
      // The page's own scheme, not the system's: a white site keeps light markers.
      scheme: schemeOfPage(),
      onActivate: (button) => deps.callbacks.onMarker('claim', item.id, button),
      onHover: (hovering, button) =>
        deps.callbacks.onMarkerHover?.('claim', item.id, hovering, button),
    });
    markers.set(item.id, marker);
    if (item.id === expandedId) marker.setExpanded(true);
  }

  /**
   * Repaints with `changed` anchored again: the highlight sets are replaced whole (a registry
   * update for claims, one shade for notes), the markers only for the changed claims.
   */
  function repaintChanged(changed: ReadonlySet<string>): void {
    for (const id of changed) {
      markers.get(id)?.remove();
      markers.delete(id);
    }
    const claimItems = claimItemsToPaint();
    const noteItems = visibility.notes ? noteItemsToPaint() : [];
    if (visibility.notes) shade.paint(noteItems);
    else shade.hide();
    if (claimItems.length === 0) {
      removeMarkers();
      painter?.destroy();
      painter = null;
      return;
    }
    if (!paintClaims(claimItems)) return;
    for (const item of claimItems) {
      if (!markers.has(item.id)) addMarker(item);
    }
    shade.refresh();
  }

  /**
   * Paints the claims' highlights; false (nothing painted, markers included) while the page
   * waits for the wrapping fallback to load.
   */
  function paintClaims(items: Parameters<Painter['paint']>[0]): boolean {
    try {
      painter ??= newPainter();
      painter.paint(items);
      return true;
    } catch (error) {
      if (!(error instanceof FallbackNeeded)) throw error;
      painter?.destroy();
      painter = null;
      needsFallback = true;
      removeMarkers();
      if (!deps.loadExtras) throw error;
      awaitingFallback = true;
      requestExtras();
      return false;
    }
  }

  function newPainter(): Painter {
    const made = createPainterWith(extras?.createFallbackBackend ?? null, doc, {
      ownNodes,
      forceFallback: needsFallback,
    });
    made.setViewportOnly(busy);
    return made;
  }

  function noteItemsToPaint() {
    return notes.flatMap((note) => {
      const result = results.get(note.id);
      return result?.status === 'anchored' ? [{ id: note.id, range: result.range }] : [];
    });
  }

  function paint(): void {
    removeMarkers();
    const claimItems = claimItemsToPaint();
    const noteItems = visibility.notes ? noteItemsToPaint() : [];
    if (visibility.notes) shade.paint(noteItems);
    else shade.hide();
    if (claimItems.length === 0) {
      // No claim to show: take the claim layer out, style sheet included, so the page is as it was.
      painter?.destroy();
      painter = null;
      return;
    }
    if (!paintClaims(claimItems)) return;
    for (const item of claimItems) addMarker(item);
    // Markers take no room, but a split text node can nudge a line by a subpixel: measure after.
    shade.refresh();
  }

  return {
    setData(nextClaims, nextNotes, prepared) {
      claims = nextClaims;
      notes = nextNotes;
      removeMarkers();
      anchorEverything(prepared);
      paint();
    },
    setVisibility(next) {
      visibility = next;
      paint();
    },
    reanchor(scope) {
      if (!scope) {
        removeMarkers();
        painter?.destroy();
        painter = null;
        anchorEverything();
        paint();
        return claims.length + notes.length;
      }
      const again = new Set<string>();
      for (const id of scope.touched) if (results.has(id)) again.add(id);
      // A placed passage whose range no longer stands was moved by a change we could not bind.
      for (const [id, result] of results) {
        if (result.status === 'anchored' && !standing(result.range)) again.add(id);
      }
      if (again.size > 0 || scope.addedText) {
        for (const [id, result] of results) if (result.status !== 'anchored') again.add(id);
      }
      if (again.size === 0) return 0;
      // As for a full anchoring, a passage is read without its marker and its paint.
      for (const id of again) {
        markers.get(id)?.remove();
        markers.delete(id);
      }
      anchorPassages(again);
      repaintChanged(again);
      return again.size;
    },
    updateNotes(nextNotes, changed) {
      notes = nextNotes;
      anchorPassages(changed);
      repaintChanged(changed);
      return notes.filter((note) => changed.has(note.id)).length;
    },
    collectChanges(records, scope) {
      blocks.collect(records, owns, scope);
    },
    status() {
      const placed = (id: string) => results.get(id)?.status === 'anchored';
      return {
        claimsAnchored: claims.filter((claim) => placed(claim.id)).length,
        // A passage waiting for the full matcher is not an orphan yet either.
        orphanedClaimIds: claims
          .filter((claim) => !placed(claim.id) && !awaitingMatcher.has(claim.id))
          .map((claim) => claim.id),
        notesAnchored: notes.filter((note) => placed(note.id)).length,
        notesShown: visibility.notes ? notes.filter((note) => placed(note.id)).length : 0,
        // A note still waiting for its idle slice is not an orphan.
        orphanedNoteIds: notes
          .filter(
            (note) => !placed(note.id) && !pendingIds.has(note.id) && !awaitingMatcher.has(note.id),
          )
          .map((note) => note.id),
      };
    },
    rangeOf(id) {
      const result = results.get(id);
      return result?.status === 'anchored' ? result.range : null;
    },
    markerOf(id) {
      return markers.get(id)?.button ?? null;
    },
    placedClaims() {
      const placed = claims.filter((claim) => results.get(claim.id)?.status === 'anchored');
      return placed
        .map((claim) => ({
          id: claim.id,
          range: (results.get(claim.id) as { range: Range }).range,
        }))
        .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range))
        .map((entry) => entry.id);
    },
    hitTest(x, y) {
      // Notes first: they are the reader's own, drawn over the claims.
      return [...shade.hitTest(x, y), ...(painter?.hitTest(x, y) ?? [])];
    },
    setActive(id) {
      painter?.setActive(id);
      shade.setActive(id);
    },
    setExpanded(id) {
      if (expandedId) markers.get(expandedId)?.setExpanded(false);
      expandedId = id;
      if (id) markers.get(id)?.setExpanded(true);
    },
    isOwnNode: ignore,
    ownsNode: owns,
    setBusy(next) {
      busy = next;
      painter?.setViewportOnly(next);
    },
    destroy() {
      destroyed = true;
      awaitingMatcher.clear();
      cancelPending();
      removeMarkers();
      painter?.destroy();
      painter = null;
      shade.destroy();
      for (const result of results.values()) {
        if (result.status === 'anchored') ownNodes.untrackRange(result.range);
      }
      results.clear();
      blocks.clear();
      ownNodes.rejoinSplits();
    },
  };
}
