/**
 * The two highlight layers of a page — claims and notes — from data to paint: anchor every
 * passage in one pass over the article's text, paint what anchored, put a keyboard marker after
 * each claim, and report what could not be placed. Claims are public: they go to the shared
 * highlight registry (`createClaimLayer`). Notes are private: they are drawn inside one closed
 * shadow root (`createNoteShade`), with no element, marker or registry entry per note that the
 * page could count. This module keeps the anchoring bookkeeping and wires the parts: the wait
 * for the extras bundle (`extras-wait`), the notes anchored in idle time (`idle-queue`).
 * Pure DOM (no Preact, no extension API).
 */
import { type PreparedText, readText } from '../anchoring/anchor';
import { rangeOfSpan } from '../anchoring/text-model';
import type { AnchorResult, AnchorTarget, Orphan, Selector, TextSpan } from '../anchoring/types';
import { createNoteShade, type NoteShade } from '../highlight/note-shade';
import { placeOfSpan, spanOfPlace, type TextPlace } from '../highlight/text-place';
import type { NoteAnchor, PageClaim } from '../messaging/protocol';
import { createPassageBlocks, type PassageBounds } from './change-scope';
import { type ClaimItem, createClaimLayer } from './claim-layer';
import { createExtrasWait } from './extras-wait';
import { createIdleQueue, idleScheduler, nextTaskScheduler } from './idle-queue';
import type { LayerDependencies, Layers, LayerVisibility } from './layer-types';
import { windowClock } from './page-clock';

export type {
  LayerCallbacks,
  LayerDependencies,
  LayerStatus,
  Layers,
  LayerVisibility,
  MarkerLabel,
  PlacedPassage,
} from './layer-types';

/** Notes anchored with the claims before the first paint; the rest follow in idle slices. */
export const FIRST_NOTE_BATCH = 200;
/** Notes handed to the anchoring engine at once in an idle slice. */
const NOTE_CHUNK = 100;
/** How long an idle slice anchors notes before it yields to the page. */
const NOTE_SLICE_MS = 12;
/** The longest an idle slice waits for the page to go idle. */
const IDLE_TIMEOUT_MS = 200;

/** The selectors of a claim from its pack quote. */
export function claimSelectors(claim: PageClaim): Selector[] {
  return [{ type: 'TextQuoteSelector', ...claim.quote }];
}

/**
 * Where a passage was placed. A claim keeps a live range: it is painted through the highlight
 * registry or the fallback's wrappers, which follow our splits through the range. A note keeps
 * only its place in page terms: a live range per note would make every DOM change of the page
 * slower with every note, and a heavy annotator's page holds thousands.
 */
type Placement =
  | { status: 'anchored'; range: Range; place?: undefined }
  | { status: 'anchored'; place: TextPlace; range?: undefined }
  | Orphan;

/** Creates the layers; nothing is painted until `setData`. */
export function createLayers(deps: LayerDependencies): Layers {
  const { doc, body, ownNodes } = deps;
  const clock = deps.clock ?? windowClock(doc.defaultView);
  const shade: NoteShade = createNoteShade(doc, {
    ownNodes,
    requestFrame: clock.frame,
    ...(deps.scheme ? { scheme: deps.scheme } : {}),
    ...(deps.partialNotice ? { partialNotice: deps.partialNotice } : {}),
  });
  let claims: readonly PageClaim[] = [];
  let notes: readonly NoteAnchor[] = [];
  let visibility: LayerVisibility = deps.visibility ?? { claims: true, notes: true };
  const results = new Map<string, Placement>();
  // The extras bundle, once loaded (the content script starts without it), and what waits for it.
  const wait = createExtrasWait(
    deps,
    (again, fallbackWaited) => {
      if (again.size > 0) anchorPassages(again);
      if (fallbackWaited) paint();
      else if (again.size > 0) repaintChanged(again);
      deps.onAnchored?.();
    },
    (waited) => {
      // What waited is an orphan: reported, not lost.
      for (const id of waited) results.set(id, { status: 'orphan', reason: 'not-found' });
      deps.onAnchored?.();
    },
  );
  const claimLayer = createClaimLayer({ ...deps, clock }, wait);
  // The blocks of the passages placed in the article body, bound once per anchoring.
  const blocks = createPassageBlocks(body);
  /**
   * The body's text for the idle slices, read by the first and kept while nothing changes it: a
   * change of the page's (`collectChanges`) or our paint (markers split text nodes) drops it.
   */
  let sliceText: PreparedText | null = null;
  const scheduleIdle = deps.scheduleIdle ?? idleScheduler(clock, IDLE_TIMEOUT_MS);
  // Notes anchored in idle time, a slice at a time, after the first paint.
  const noteQueue = createIdleQueue<NoteAnchor>({
    schedule: scheduleIdle,
    continueIn: nextTaskScheduler(clock),
    chunk: NOTE_CHUNK,
    sliceMs: NOTE_SLICE_MS,
    run: (chunk) => {
      sliceText ??= (deps.readText ?? readText)(body);
      anchorInto([], chunk.map(noteTarget), sliceText);
    },
    onDrained() {
      // Every note is placed (or an orphan): one repaint of the notes layer, then one report in
      // a task of its own (for 100,000 notes each is about half of 80 ms).
      if (visibility.notes) shade.paint(noteItemsToPaint());
      scheduleIdle(() => deps.onAnchored?.());
    },
  });

  /** Every node we added: markers, the shade's host, and the fallback's wrappers. */
  const owns = (node: Node): boolean =>
    ownNodes.has(node) || shade.isOwnNode(node) || (deps.ignore?.(node) ?? false);
  /**
   * What anchoring and the reader's selections skip: our nodes but the fallback's wrappers,
   * whose text is the page's own (a note on a painted claim's words is on those words).
   */
  const ignore = (node: Node): boolean => owns(node) && !claimLayer.isWrapper(node);

  /**
   * What is kept of an anchoring result: a claim's live range (tracked through our splits), a
   * note's place (its range is never read, so never made).
   */
  function placementOf(result: AnchorResult, isClaim: boolean): Placement {
    if (result.status !== 'anchored') return result;
    if (!isClaim) return { status: 'anchored', place: placeOfSpan(result.span, ownNodes) };
    ownNodes.trackRange(result.range);
    return { status: 'anchored', range: result.range };
  }

  /**
   * What the change scope binds a passage by: a claim's live range, a note's text nodes as the
   * page wrote them (our splits and rejoins never take those out of the page).
   */
  const boundsOf = (placed: Placement & { status: 'anchored' }): PassageBounds =>
    placed.range ?? { startContainer: placed.place.startRoot, endContainer: placed.place.endRoot };

  /** Anchors these targets and records the results (notes may also sit outside the body). */
  function anchorInto(
    claimTargets: readonly AnchorTarget[],
    noteTargets: readonly AnchorTarget[],
    prepared?: PreparedText | null,
  ): void {
    const all = [...claimTargets, ...noteTargets];
    if (all.length === 0) return;
    const inBody = wait.anchorTargets(body, all, { ignore, prepared });
    inBody.forEach((result, index) => {
      const target = all[index];
      if (!target) return;
      if (!result) {
        wait.awaiting.add(target.id);
        return;
      }
      const placed = placementOf(result, index < claimTargets.length);
      results.set(target.id, placed);
      if (placed.status === 'anchored') blocks.set(target.id, boundsOf(placed));
    });
    // A note may sit outside the article body (the headline, the byline): try the whole page.
    // One that waits for the full matcher in the body tries the page once the matcher is here.
    const pageRoot = doc.body;
    const strays = noteTargets.filter(
      (target) => !wait.awaiting.has(target.id) && results.get(target.id)?.status !== 'anchored',
    );
    if (pageRoot && strays.length > 0 && pageRoot !== body) {
      wait.anchorTargets(pageRoot, strays, { ignore }).forEach((result, index) => {
        const target = strays[index];
        if (!target) return;
        if (!result) {
          results.delete(target.id);
          wait.awaiting.add(target.id);
        } else if (result.status === 'anchored') results.set(target.id, placementOf(result, false));
      });
    }
    if (wait.awaiting.size > 0) wait.request();
  }

  /** Where a placed passage lies now, or null if not placed or no longer standing. */
  function spanOf(id: string): TextSpan | null {
    const placed = results.get(id);
    if (placed?.status !== 'anchored') return null;
    if (placed.place) return spanOfPlace(placed.place, ownNodes);
    const { startContainer, startOffset, endContainer, endOffset } = placed.range;
    if (startContainer.nodeType !== Node.TEXT_NODE || endContainer.nodeType !== Node.TEXT_NODE) {
      return null;
    }
    return {
      startContainer: startContainer as Text,
      startOffset,
      endContainer: endContainer as Text,
      endOffset,
    };
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
      if (result.status === 'anchored' && result.range) ownNodes.untrackRange(result.range);
      results.delete(id);
      blocks.delete(id);
    }
    for (const id of wait.awaiting) if (wanted(id)) wait.awaiting.delete(id);
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
      noteQueue.queue(chosen.slice(FIRST_NOTE_BATCH));
      chosen = chosen.slice(0, FIRST_NOTE_BATCH);
    }
    anchorInto(claimTargets, chosen.map(noteTarget), prepared);
  }

  function anchorEverything(prepared?: PreparedText | null): void {
    noteQueue.cancel();
    anchorPassages(undefined, prepared);
  }

  /** Whether a placed passage still stands on the page (a change we did not see may have moved it). */
  function standing(placed: Placement): boolean {
    if (placed.status !== 'anchored') return false;
    if (placed.place) return spanOfPlace(placed.place, ownNodes) !== null;
    const { range } = placed;
    return !range.collapsed && range.startContainer.isConnected && range.endContainer.isConnected;
  }

  function claimItemsToPaint(): ClaimItem[] {
    return visibility.claims
      ? claims.flatMap((claim) => {
          const range = claimRange(claim.id);
          return range ? [{ id: claim.id, range, style: claim.verdict }] : [];
        })
      : [];
  }

  function noteItemsToPaint() {
    // A loop, not flatMap: for 100,000 notes it is one array, not one per note.
    const items: { id: string; place: TextPlace }[] = [];
    for (const note of notes) {
      const placed = results.get(note.id);
      if (placed?.status === 'anchored' && placed.place) {
        items.push({ id: note.id, place: placed.place });
      }
    }
    return items;
  }

  /** A placed claim's live range. */
  function claimRange(id: string): Range | null {
    const placed = results.get(id);
    return placed?.status === 'anchored' ? (placed.range ?? null) : null;
  }

  /**
   * Paints both layers: the claims with the markers they miss, then the notes' shade whole.
   * Markers take no room, but a split text node can nudge a line by a subpixel: the shade
   * measures after them, so one layout serves both.
   */
  function paintLayers(): void {
    sliceText = null;
    claimLayer.show(claimItemsToPaint());
    if (visibility.notes) shade.paint(noteItemsToPaint());
    else shade.hide();
  }

  /**
   * Repaints with `changed` anchored again: the highlight sets are replaced whole (a registry
   * update for claims, one shade for notes), the markers only for the changed claims.
   */
  function repaintChanged(changed: ReadonlySet<string>): void {
    for (const id of changed) claimLayer.dropMarker(id);
    paintLayers();
  }

  function paint(): void {
    claimLayer.removeMarkers();
    paintLayers();
  }

  return {
    setData(nextClaims, nextNotes, prepared) {
      claims = nextClaims;
      notes = nextNotes;
      claimLayer.removeMarkers();
      anchorEverything(prepared);
      paint();
    },
    setVisibility(next) {
      visibility = next;
      paint();
    },
    reanchor(scope) {
      if (!scope) {
        claimLayer.clear();
        anchorEverything();
        paint();
        return claims.length + notes.length;
      }
      const again = new Set<string>();
      for (const id of scope.touched) if (results.has(id)) again.add(id);
      // A placed passage whose range no longer stands was moved by a change we could not bind.
      for (const [id, placed] of results) {
        if (placed.status === 'anchored' && !standing(placed)) again.add(id);
      }
      if (again.size > 0 || scope.addedText) {
        for (const [id, result] of results) if (result.status !== 'anchored') again.add(id);
      }
      if (again.size === 0) return 0;
      // As for a full anchoring, a passage is read without its marker and its paint.
      for (const id of again) claimLayer.dropMarker(id);
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
    appendNotes(nextNotes, added) {
      notes = nextNotes;
      noteQueue.append(added);
    },
    collectChanges(records, scope) {
      sliceText = null;
      blocks.collect(records, owns, scope);
    },
    status() {
      const placed = (id: string) => results.get(id)?.status === 'anchored';
      // One pass over the notes: a heavy annotator's page reports after every slice.
      let notesAnchored = 0;
      const orphanedNoteIds: string[] = [];
      // While idle slices are due, a note not placed yet may be waiting for its slice: it is
      // not an orphan until they are done (the report after the last one says).
      const queued = noteQueue.busy();
      for (const note of notes) {
        if (placed(note.id)) notesAnchored += 1;
        else if (!wait.awaiting.has(note.id) && !(queued && !results.has(note.id)))
          orphanedNoteIds.push(note.id);
      }
      return {
        claimsAnchored: claims.filter((claim) => placed(claim.id)).length,
        // A passage waiting for the full matcher is not an orphan yet either.
        orphanedClaimIds: claims
          .filter((claim) => !placed(claim.id) && !wait.awaiting.has(claim.id))
          .map((claim) => claim.id),
        notesAnchored,
        notesShown: visibility.notes ? notesAnchored : 0,
        orphanedNoteIds,
      };
    },
    rangeOf(id) {
      const placed = results.get(id);
      if (placed?.status !== 'anchored') return null;
      if (placed.range) return placed.range;
      // A note's range is made on demand, for the one passage a popover or a scroll needs.
      const span = spanOf(id);
      return span ? rangeOfSpan(span) : null;
    },
    spanOf,
    markerOf: claimLayer.markerOf,
    placedClaims() {
      const placed = claims.flatMap((claim) => {
        const range = claimRange(claim.id);
        return range ? [{ id: claim.id, range }] : [];
      });
      return placed
        .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range))
        .map((entry) => entry.id);
    },
    hitTest(x, y) {
      // Notes first: they are the reader's own, drawn over the claims.
      return [...shade.hitTest(x, y), ...claimLayer.hitTest(x, y)];
    },
    setActive(id) {
      claimLayer.setActive(id);
      shade.setActive(id);
    },
    setExpanded: claimLayer.setExpanded,
    isOwnNode: ignore,
    ownsNode: owns,
    setBusy: claimLayer.setBusy,
    destroy() {
      sliceText = null;
      wait.destroy();
      noteQueue.cancel();
      claimLayer.clear();
      shade.destroy();
      for (const placed of results.values()) {
        if (placed.status === 'anchored' && placed.range) ownNodes.untrackRange(placed.range);
      }
      results.clear();
      blocks.clear();
      ownNodes.rejoinSplits();
    },
  };
}
