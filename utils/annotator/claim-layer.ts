/**
 * The claims' paint: their highlights in the shared highlight registry (or the wrapping
 * fallback), and a keyboard marker after each. Claims are public, so this is what the page may
 * see. Pure DOM (no Preact, no extension API).
 */
import {
  createPainterWith,
  FallbackNeeded,
  insertMarker,
  type Marker,
  type Painter,
} from '../highlight';
import { pageScheme } from '../highlight/page-scheme';
import type { Verdict } from '../packs/types';
import type { ExtrasWait } from './extras-wait';
import type { LayerDependencies } from './layer-types';
import type { PageClock } from './page-clock';

/** A claim to paint: where it is and its verdict. */
export interface ClaimItem {
  id: string;
  range: Range;
  style: Verdict;
}

/** What the claim layer needs: the page, the layers' marker labels and callbacks, the loader. */
export type ClaimLayerDependencies = Pick<
  LayerDependencies,
  'doc' | 'ownNodes' | 'callbacks' | 'label' | 'paintByWrapping' | 'loadExtras' | 'scheme'
> & {
  /** The layers' clock: the painter's frames are asked of it. */
  clock: PageClock;
};

/**
 * The wait for the extras bundle, which brings the wrapping fallback: when the browser needs it
 * and it cannot be loaded, the painter's error is thrown.
 */
export type FallbackSource = Pick<ExtrasWait, 'extras' | 'awaitFallback'>;

/** The claims' highlights and markers. */
export interface ClaimLayer {
  /**
   * Paints these claims, adding the markers missing; false when nothing was painted: no claim
   * (the layer is taken out, style sheet included) or the page waits for the fallback.
   */
  show(items: readonly ClaimItem[]): boolean;
  /** Removes one claim's marker (it is anchored again). */
  dropMarker(id: string): void;
  /** Removes every marker. */
  removeMarkers(): void;
  /** Removes the markers and the painter (the next `show` paints afresh); the page is as it was. */
  clear(): void;
  /** The marker button of a claim, if shown. */
  markerOf(id: string): HTMLButtonElement | null;
  /** Claim ids under a viewport point. */
  hitTest(x: number, y: number): string[];
  setActive(id: string | null): void;
  setExpanded(id: string | null): void;
  /** Only the claims near the viewport stay registered while the page is busy. */
  setBusy(busy: boolean): void;
  /** True for the fallback's text wrappers (their text is the page's own). */
  isWrapper(node: Node): boolean;
}

/** Creates the claim layer; nothing is painted until `show`. */
export function createClaimLayer(deps: ClaimLayerDependencies, wait: FallbackSource): ClaimLayer {
  const { doc, ownNodes } = deps;
  let painter: Painter | null = null;
  const markers = new Map<string, Marker>();
  let expandedId: string | null = null;
  let busy = false;
  let needsFallback = deps.paintByWrapping === true;

  /** The page's scheme, read once: its background does not change under a reader. */
  let scheme: 'light' | 'dark' | null = deps.scheme ?? null;
  const schemeOfPage = (): 'light' | 'dark' => {
    scheme ??= pageScheme(doc);
    return scheme;
  };

  function removeMarkers(): void {
    for (const marker of markers.values()) marker.remove();
    markers.clear();
  }

  function dropPainter(): void {
    painter?.destroy();
    painter = null;
  }

  function addMarker(item: ClaimItem): void {
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

  function newPainter(): Painter {
    const made = createPainterWith(wait.extras()?.createFallbackBackend ?? null, doc, {
      ownNodes,
      forceFallback: needsFallback,
      scheme: schemeOfPage(),
      requestFrame: deps.clock.frame,
    });
    made.setViewportOnly(busy);
    return made;
  }

  /**
   * Paints the claims' highlights; false (nothing painted, markers included) while the page
   * waits for the wrapping fallback to load.
   */
  function paintClaims(items: readonly ClaimItem[]): boolean {
    try {
      painter ??= newPainter();
      painter.paint(items);
      return true;
    } catch (error) {
      if (!(error instanceof FallbackNeeded)) throw error;
      dropPainter();
      needsFallback = true;
      removeMarkers();
      if (!deps.loadExtras) throw error;
      wait.awaitFallback();
      return false;
    }
  }

  return {
    show(items) {
      if (items.length === 0) {
        // No claim to show: take the claim layer out, style sheet included, so the page is as it was.
        removeMarkers();
        dropPainter();
        return false;
      }
      if (!paintClaims(items)) return false;
      for (const item of items) if (!markers.has(item.id)) addMarker(item);
      return true;
    },
    dropMarker(id) {
      markers.get(id)?.remove();
      markers.delete(id);
    },
    removeMarkers,
    clear() {
      removeMarkers();
      dropPainter();
    },
    markerOf: (id) => markers.get(id)?.button ?? null,
    hitTest: (x, y) => painter?.hitTest(x, y) ?? [],
    setActive(id) {
      painter?.setActive(id);
    },
    setExpanded(id) {
      if (expandedId) markers.get(expandedId)?.setExpanded(false);
      expandedId = id;
      if (id) markers.get(id)?.setExpanded(true);
    },
    setBusy(next) {
      busy = next;
      painter?.setViewportOnly(next);
    },
    isWrapper: (node) => painter?.isWrapper(node) ?? false,
  };
}
