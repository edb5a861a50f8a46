/**
 * The article as Counterpoint paints it: its claims and notes anchored, painted and marked
 * (`layers.ts`), kept in place when the page changes (a debounced MutationObserver that ignores
 * our own nodes and re-anchors only the passages whose blocks changed, `change-scope.ts`; on a
 * busy page it watches only the body's children that hold a passage), and
 * reported to the background. This is the content script's critical path:
 * it needs no Preact. The interactive part (popovers, editor, selection) attaches later through
 * `attach`, from the UI bundle.
 */
import type { PreparedText } from '../anchoring';
import { createOwnNodeRegistry } from '../highlight';
import type { NoteAnchor, PageClaim, PageStatusReport, PageWords } from '../messaging/protocol';
import type { ChangeScope } from './change-scope';
import { createLayers, type LayerDependencies, type Layers, type LayerVisibility } from './layers';
import { type Cancel, type PageClock, windowClock } from './page-clock';

/** How long after the last change to the article it is anchored again. */
export const REANCHOR_DEBOUNCE_MS = 150;

/**
 * The longest a change waits for the page to go quiet: a page that changes faster than the
 * debounce is still anchored again this long after its first unsettled change.
 */
export const REANCHOR_MAX_WAIT_MS = 400;

/**
 * A page that changes at this many moments (at least `REANCHOR_DEBOUNCE_MS` apart) within
 * `BUSY_WINDOW_MS` is busy.
 */
export const BUSY_SETTLES = 3;
/** The window in which `BUSY_SETTLES` moments of change make a page busy. */
export const BUSY_WINDOW_MS = 2000;
/** How long a busy page must stay unchanged to be quiet again. */
export const QUIET_AFTER_MS = 3000;
/** What the whole article body is watched for. */
const WATCH_ALL: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** What changed, for whoever draws on top of the article. */
export type ArticleChange = 'anchors' | 'notes' | 'visibility';

/** Who handles a marker's activation (the interactive part, once it has loaded). */
export interface MarkerHandler {
  onMarker(kind: 'claim', id: string, button: HTMLButtonElement): void;
  onMarkerHover(kind: 'claim', id: string, hovering: boolean): void;
}

/** The painted article. */
export interface ArticleView {
  readonly doc: Document;
  readonly body: Element;
  readonly layers: Layers;
  /** The delays, frames and idle callbacks of everything on this page of ours. */
  readonly clock: PageClock;
  claims(): readonly PageClaim[];
  /** Where the article's notes are (never what they say: that stays in extension pages). */
  notes(): readonly NoteAnchor[];
  visibility(): LayerVisibility;
  /** Whether the page keeps changing (only the claims near the viewport are registered then). */
  busy(): boolean;
  setVisibility(visibility: LayerVisibility): void;
  /** Replaces the notes (saved here, or changed elsewhere) and repaints. */
  setNotes(notes: readonly NoteAnchor[]): void;
  /** Replaces the notes, anchoring again only `changedIds` (the change feed's record). */
  reanchorNotes(notes: readonly NoteAnchor[], changedIds: readonly string[]): void;
  /** Adds notes that came later (a further page), placed in idle time after those queued. */
  appendNotes(more: readonly NoteAnchor[]): void;
  /** Also skip these nodes when anchoring and watching (e.g. the overlay's host). */
  ignore(test: (node: Node) => boolean): void;
  /** Hands marker activations to the interactive part; one made before it loaded is replayed. */
  attach(handler: MarkerHandler): void;
  /** Calls back after every change; returns the unsubscribe function. */
  subscribe(listener: (change: ArticleChange) => void): () => void;
  destroy(): void;
}

/** What the view needs. */
export interface ArticleViewDependencies {
  doc: Document;
  /** The markers' names and the notes' notice in the interface language, from the background. */
  words: PageWords;
  body: Element;
  claims: readonly PageClaim[];
  notes: readonly NoteAnchor[];
  visibility: LayerVisibility;
  /** The body's text read ahead of time (while the background answered), if the page has not changed since. */
  prepared?: PreparedText | null;
  /** Called whenever anchoring results change, to report them to the background. */
  onStatus(status: PageStatusReport): void;
  /** The anchoring engine's `anchorAll`; a test passes a counting wrapper. */
  anchorAll?: LayerDependencies['anchorAll'];
  /** The engine's `readText`; a test passes a counting wrapper. */
  readText?: LayerDependencies['readText'];
  /** Paint claims by wrapping text even where the Custom Highlight API exists (tests). */
  paintByWrapping?: boolean;
  /** Runs a task when the page is idle (notes beyond the first batch); a test passes a fake. */
  scheduleIdle?: LayerDependencies['scheduleIdle'];
  /** Loads the extras bundle (full matcher, wrapping fallback) where the page needs it. */
  loadExtras?: LayerDependencies['loadExtras'];
  /** The page's scheme, read while the background answered. */
  scheme?: LayerDependencies['scheme'];
  /** The timers everything on the page runs on (see `page-clock.ts`); the window's by default. */
  clock?: PageClock;
}

/** Anchors and paints the article, and keeps it painted. */
export function createArticleView(deps: ArticleViewDependencies): ArticleView {
  const { doc, body } = deps;
  const ownNodes = createOwnNodeRegistry();
  const claims = deps.claims;
  let notes = deps.notes;
  let visibility = deps.visibility;
  let handler: MarkerHandler | null = null;
  let pending: Parameters<MarkerHandler['onMarker']> | null = null;
  const extraIgnores: ((node: Node) => boolean)[] = [];
  const listeners = new Set<(change: ArticleChange) => void>();
  const clock = deps.clock ?? windowClock(doc.defaultView);
  let reanchorTimer: Cancel | undefined;
  let maxWaitTimer: Cancel | undefined;
  // What the changes since the last anchoring concern, gathered as they come.
  let scope: ChangeScope = { touched: new Set(), addedText: false };
  let destroyed = false;
  // When the page changed lately, to tell a busy page (a live blog, a rotating teaser).
  let changedAt: number[] = [];
  let busy = false;
  let quietTimer: Cancel | undefined;
  // Whether a busy page that seemed quiet, watched narrowly, is watched whole to confirm it.
  let confirming = false;
  // Whether some passage is not placed (an orphan, or not anchored yet), as last reported.
  let unplaced = true;

  const { words } = deps;
  const layers = createLayers({
    // The engine, loader and scheduler a test passes, the page's scheme and the reader's
    // visibility (the first paint is made with it), as they are.
    ...deps,
    clock,
    partialNotice: words.notesPartial,
    ownNodes,
    ignore: (node) => extraIgnores.some((test) => test(node)),
    // Notes beyond the first batch are placed in idle time: report them once all are placed.
    onAnchored: () => {
      if (!destroyed) repainted('anchors');
    },
    label: (_kind, id) => {
      const claim = claims.find((candidate) => candidate.id === id);
      return claim ? words.claimMarkers[claim.verdict] : words.claim;
    },
    callbacks: {
      onMarker(kind, id, button) {
        if (handler) handler.onMarker(kind, id, button);
        else pending = [kind, id, button];
      },
      onMarkerHover(kind, id, hovering) {
        handler?.onMarkerHover(kind, id, hovering);
      },
    },
  });

  let lastReported = '';
  const report = (): void => {
    const status = layers.status();
    unplaced = status.claimsAnchored + status.notesAnchored < claims.length + notes.length;
    watch();
    const key = JSON.stringify(status);
    if (key === lastReported) return;
    lastReported = key;
    deps.onStatus(status);
  };
  const notify = (change: ArticleChange): void => {
    for (const listener of listeners) listener(change);
  };

  /**
   * After our repainting: its changes dropped (they are not the page's), the subscribers told,
   * the status reported.
   */
  const repainted = (change: ArticleChange): void => {
    observer.takeRecords();
    notify(change);
    report();
  };

  const cancelTimers = (): void => {
    reanchorTimer?.();
    maxWaitTimer?.();
    reanchorTimer = maxWaitTimer = undefined;
  };

  /**
   * A busy page is quiet again once the whole body, watched, has not changed for
   * `QUIET_AFTER_MS`: watched narrowly, the page may still be changing where it is not watched
   * (a teaser), so the whole body is watched again first, and the page stays busy meanwhile.
   */
  const waitForQuiet = (): void => {
    quietTimer?.();
    quietTimer = clock.after(QUIET_AFTER_MS, () => {
      // Watched narrowly (every passage placed) and not confirmed yet. (One across the body's
      // children keeps the body watched whole: that page is then confirmed needlessly.)
      if (!(unplaced || confirming)) {
        confirming = true;
        watch();
        return waitForQuiet();
      }
      confirming = false;
      changedAt = [];
      busy = false;
      layers.setBusy(false);
      watch();
    });
  };

  /** Counts a change of the page towards telling a busy page. */
  const noteChange = (): void => {
    const now = Date.now();
    // Changes closer together than the debounce are one moment of change.
    if (!busy && now - (changedAt.at(-1) ?? 0) >= REANCHOR_DEBOUNCE_MS) {
      // The last `BUSY_SETTLES` moments: busy when they fall within `BUSY_WINDOW_MS`.
      changedAt = [...changedAt.slice(1 - BUSY_SETTLES), now];
      if (changedAt.length < BUSY_SETTLES || now - (changedAt[0] ?? 0) >= BUSY_WINDOW_MS) return;
      busy = true;
      layers.setBusy(true);
      watch();
    }
    if (!busy) return;
    // A change seen while confirming: still busy, and watched narrowly again.
    if (confirming) {
      confirming = false;
      watch();
    }
    waitForQuiet();
  };

  const settle = (): void => {
    // (`destroy` cancels the timers, so this never runs after it.)
    cancelTimers();
    // Changes that arrived since the last callback belong to this anchoring too (our own
    // nodes are never a change: `collectChanges` skips them).
    layers.collectChanges(observer.takeRecords(), scope);
    const changed = scope;
    scope = { touched: new Set(), addedText: false };
    const anchored = layers.reanchor(changed);
    if (anchored) repainted('anchors');
    else observer.takeRecords();
  };

  /** The page's changes that can concern the passages, as the observer hands them over. */
  const onRecords = (records: readonly MutationRecord[]): void => {
    noteChange();
    // Bound to the passages now, while the nodes are where the mutations left them.
    layers.collectChanges(records, scope);
    if (scope.touched.size === 0 && !scope.addedText) return;
    reanchorTimer?.();
    reanchorTimer = clock.after(REANCHOR_DEBOUNCE_MS, settle);
    maxWaitTimer ??= clock.after(REANCHOR_MAX_WAIT_MS, settle);
  };
  const observer = new MutationObserver(onRecords);

  /** The body's child that holds a node (null outside the body). */
  const childOfBody = (node: Node): Node | null => {
    let current: Node | null = node;
    while (current && current.parentNode !== body) current = current.parentNode;
    return current;
  };

  /**
   * Watches the whole body, or, while the page is busy and every passage is placed, only what can move them: the body's children that hold them (and which children the
   * body has). A change elsewhere (a teaser, a comment widget) is then not even handed over.
   */
  const watch = (): void => {
    // Changes not yet handed over are handled after the watch moved.
    const pending = observer.takeRecords();
    observer.disconnect();
    let children: Set<Node> | null = busy && !unplaced && !confirming ? new Set() : null;
    // Only while busy: a heavy annotator's page reports (and so comes here) with every note.
    const passages = children ? [...claims, ...notes] : [];
    for (const [index, { id }] of passages.entries()) {
      // A claim's live range as it is; a note's span, since a range made per note would itself
      // slow the page's DOM work.
      const bounds = index < claims.length ? layers.rangeOf(id) : layers.spanOf(id);
      const first = bounds && childOfBody(bounds.startContainer);
      // A passage across the body's children (or on the body itself): any change of the body
      // may move it.
      if (
        bounds &&
        (first !== childOfBody(bounds.endContainer) || bounds.startContainer === body)
      ) {
        children = null;
        break;
      }
      // One outside the body (a note on the headline) is not watched.
      if (first) children?.add(first);
    }
    observer.observe(body, children ? { childList: true } : WATCH_ALL);
    for (const child of children ?? []) observer.observe(child, WATCH_ALL);
    if (pending.length > 0) onRecords(pending);
  };

  // One paint, with the reader's layers as they are: no first paint of nothing.
  layers.setData(claims, notes, deps.prepared);
  report();

  return {
    doc,
    body,
    layers,
    clock,
    claims: () => claims,
    notes: () => notes,
    visibility: () => visibility,
    busy: () => busy,
    setVisibility(next) {
      visibility = next;
      layers.setVisibility(next);
      repainted('visibility');
    },
    setNotes(next) {
      notes = next;
      layers.setData(claims, notes);
      // Everything was anchored again: what the pending changes concerned is settled.
      scope = { touched: new Set(), addedText: false };
      repainted('notes');
    },
    reanchorNotes(next, changedIds) {
      notes = next;
      layers.updateNotes(notes, new Set(changedIds));
      repainted('notes');
    },
    appendNotes(more) {
      notes = [...notes, ...more];
      layers.appendNotes(notes, more);
      notify('notes');
    },
    ignore(test) {
      extraIgnores.push(test);
    },
    attach(next) {
      handler = next;
      if (pending) {
        const [kind, id, button] = pending;
        pending = null;
        next.onMarker(kind, id, button);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      observer.disconnect();
      cancelTimers();
      quietTimer?.();
      listeners.clear();
      layers.destroy();
    },
  };
}
