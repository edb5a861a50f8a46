/**
 * The article as Counterpoint paints it: its claims and notes anchored, painted and marked
 * (`layers.ts`), kept in place when the page changes (a debounced MutationObserver that ignores
 * our own nodes and re-anchors only the passages whose blocks changed, `change-scope.ts`), and
 * reported to the background. This is the content script's critical path:
 * it needs no Preact. The interactive part (popovers, editor, selection) attaches later through
 * `attach`, from the UI bundle.
 */
import type { PreparedText } from '../anchoring';
import { createOwnNodeRegistry } from '../highlight';
import type { NoteAnchor, PageStatusReport, PageWords } from '../messaging/protocol';
import type { StoredClaim } from '../store/db';
import type { ChangeScope } from './change-scope';
import { createLayers, type LayerDependencies, type Layers, type LayerVisibility } from './layers';

/** How long after the last change to the article it is anchored again. */
export const REANCHOR_DEBOUNCE_MS = 150;

/**
 * The longest a change waits for the page to go quiet: a page that changes faster than the
 * debounce is still anchored again this long after its first unsettled change.
 */
export const REANCHOR_MAX_WAIT_MS = 400;

/**
 * The key in the extension's local storage that makes the page paint claims by wrapping text, as
 * where the Custom Highlight API is missing: a test hook, so the fallback can be tried in browsers
 * that have the API. Only extension pages can set it; the page cannot.
 */
export const PAINT_BY_WRAPPING_KEY = 'diagnostics:paintByWrapping';

/** A page whose changes settle this many times within `BUSY_WINDOW_MS` is busy. */
export const BUSY_SETTLES = 3;
/** The window in which `BUSY_SETTLES` settled changes make a page busy. */
export const BUSY_WINDOW_MS = 2000;
/** How long a busy page must stay unchanged to be quiet again. */
export const QUIET_AFTER_MS = 3000;

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
  claims(): readonly StoredClaim[];
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
  claims: readonly StoredClaim[];
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
  let reanchorTimer: ReturnType<typeof setTimeout> | null = null;
  let maxWaitTimer: ReturnType<typeof setTimeout> | null = null;
  // What the changes since the last anchoring concern, gathered as they come.
  let scope: ChangeScope = { touched: new Set(), addedText: false };
  let destroyed = false;
  // When the page's changes settled lately, to tell a busy page (a live blog, a rotating teaser).
  let settledAt: number[] = [];
  let busy = false;
  let quietTimer: ReturnType<typeof setTimeout> | null = null;

  const claimById = (id: string) => claims.find((claim) => claim.id === id);

  const { words } = deps;
  const layers = createLayers({
    doc,
    partialNotice: words.notesPartial,
    visibility,
    body,
    ownNodes,
    ignore: (node) => extraIgnores.some((test) => test(node)),
    ...(deps.anchorAll ? { anchorAll: deps.anchorAll } : {}),
    ...(deps.readText ? { readText: deps.readText } : {}),
    paintByWrapping: deps.paintByWrapping === true,
    // Notes beyond the first batch are placed in idle time: report them once all are placed.
    onAnchored: () => {
      if (destroyed) return;
      observer.takeRecords();
      notify('anchors');
      report();
    },
    ...(deps.scheduleIdle ? { scheduleIdle: deps.scheduleIdle } : {}),
    ...(deps.loadExtras ? { loadExtras: deps.loadExtras } : {}),
    ...(deps.scheme ? { scheme: deps.scheme } : {}),
    label: (_kind, id) => {
      const claim = claimById(id);
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
    const key = JSON.stringify(status);
    if (key === lastReported) return;
    lastReported = key;
    deps.onStatus(status);
  };
  const notify = (change: ArticleChange): void => {
    for (const listener of listeners) listener(change);
  };

  const isOwnChange = (record: MutationRecord): boolean => {
    if (layers.ownsNode(record.target)) return true;
    if (record.type !== 'childList') return false;
    const changed = [...record.addedNodes, ...record.removedNodes];
    return changed.length > 0 && changed.every((node) => layers.ownsNode(node));
  };

  const cancelTimers = (): void => {
    if (reanchorTimer !== null) clearTimeout(reanchorTimer);
    if (maxWaitTimer !== null) clearTimeout(maxWaitTimer);
    reanchorTimer = null;
    maxWaitTimer = null;
  };

  const noteSettled = (): void => {
    const now = Date.now();
    settledAt = settledAt.filter((at) => now - at < BUSY_WINDOW_MS);
    settledAt.push(now);
    if (!busy && settledAt.length >= BUSY_SETTLES) {
      busy = true;
      layers.setBusy(true);
    }
    if (quietTimer !== null) clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      quietTimer = null;
      settledAt = [];
      if (!busy || destroyed) return;
      busy = false;
      layers.setBusy(false);
    }, QUIET_AFTER_MS);
  };

  const settle = (): void => {
    cancelTimers();
    if (destroyed) return;
    noteSettled();
    // Changes that arrived since the last callback belong to this anchoring too.
    const late = observer.takeRecords().filter((record) => !isOwnChange(record));
    layers.collectChanges(late, scope);
    const changed = scope;
    scope = { touched: new Set(), addedText: false };
    const anchored = layers.reanchor(changed);
    // Our own repainting is not a change of the article.
    observer.takeRecords();
    if (anchored === 0) return;
    notify('anchors');
    report();
  };

  const observer = new MutationObserver((records) => {
    const theirs = records.filter((record) => !isOwnChange(record));
    if (theirs.length === 0) return;
    // Bound to the passages now, while the nodes are where the mutations left them.
    layers.collectChanges(theirs, scope);
    if (reanchorTimer !== null) clearTimeout(reanchorTimer);
    reanchorTimer = setTimeout(settle, REANCHOR_DEBOUNCE_MS);
    maxWaitTimer ??= setTimeout(settle, REANCHOR_MAX_WAIT_MS);
  });

  // One paint, with the reader's layers as they are: no first paint of nothing.
  layers.setData(claims, notes, deps.prepared);
  observer.observe(body, { childList: true, subtree: true, characterData: true });
  report();

  return {
    doc,
    body,
    layers,
    claims: () => claims,
    notes: () => notes,
    visibility: () => visibility,
    busy: () => busy,
    setVisibility(next) {
      visibility = next;
      layers.setVisibility(next);
      observer.takeRecords();
      notify('visibility');
      report();
    },
    setNotes(next) {
      notes = next;
      layers.setData(claims, notes);
      // Everything was anchored again: what the pending changes concerned is settled.
      scope = { touched: new Set(), addedText: false };
      observer.takeRecords();
      notify('notes');
      report();
    },
    reanchorNotes(next, changedIds) {
      notes = next;
      layers.updateNotes(notes, new Set(changedIds));
      observer.takeRecords();
      notify('notes');
      report();
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
      if (quietTimer !== null) clearTimeout(quietTimer);
      listeners.clear();
      layers.destroy();
    },
  };
}
