/**
 * The article as Counterpoint paints it: its claims and notes anchored, painted and marked
 * (`layers.ts`), kept in place when the page changes (a debounced MutationObserver that ignores
 * our own nodes), and reported to the background. This is the content script's critical path:
 * it needs no Preact. The interactive part (popovers, editor, selection) attaches later through
 * `attach`, from the UI bundle.
 */
import type { PreparedText } from '../anchoring';
import { createOwnNodeRegistry } from '../highlight';
import type { NoteAnchor, PageStatusReport } from '../messaging/protocol';
import { VERDICT_LABELS } from '../packs/verdicts';
import type { StoredClaim } from '../store/db';
import { createLayers, type Layers, type LayerVisibility } from './layers';

/** How long after the last change to the article it is anchored again. */
export const REANCHOR_DEBOUNCE_MS = 150;

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
  setVisibility(visibility: LayerVisibility): void;
  /** Replaces the notes (saved here, or changed elsewhere) and repaints. */
  setNotes(notes: readonly NoteAnchor[]): void;
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
  body: Element;
  claims: readonly StoredClaim[];
  notes: readonly NoteAnchor[];
  visibility: LayerVisibility;
  /** The body's text read ahead of time (while the background answered), if the page has not changed since. */
  prepared?: PreparedText | null;
  /** Called whenever anchoring results change, to report them to the background. */
  onStatus(status: PageStatusReport): void;
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
  let destroyed = false;

  const claimById = (id: string) => claims.find((claim) => claim.id === id);

  const layers = createLayers({
    doc,
    body,
    ownNodes,
    ignore: (node) => extraIgnores.some((test) => test(node)),
    label: (_kind, id) => {
      const claim = claimById(id);
      return claim ? `Claim: ${VERDICT_LABELS[claim.verdict]}. Open context` : 'Claim';
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
    if (layers.isOwnNode(record.target)) return true;
    if (record.type !== 'childList') return false;
    const changed = [...record.addedNodes, ...record.removedNodes];
    return changed.length > 0 && changed.every((node) => layers.isOwnNode(node));
  };

  const observer = new MutationObserver((records) => {
    if (!records.some((record) => !isOwnChange(record))) return;
    if (reanchorTimer !== null) clearTimeout(reanchorTimer);
    reanchorTimer = setTimeout(() => {
      reanchorTimer = null;
      if (destroyed) return;
      layers.reanchor();
      // Our own repainting is not a change of the article.
      observer.takeRecords();
      notify('anchors');
      report();
    }, REANCHOR_DEBOUNCE_MS);
  });

  layers.setVisibility(visibility);
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
      observer.takeRecords();
      notify('notes');
      report();
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
      if (reanchorTimer !== null) clearTimeout(reanchorTimer);
      listeners.clear();
      layers.destroy();
    },
  };
}
