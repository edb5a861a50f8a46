/**
 * The reader's note passages, drawn where the page cannot see them.
 *
 * Claims are public and go to the shared `CSS.highlights` registry; notes must not, because the
 * page can enumerate that registry and read every range in it. So note passages are drawn as
 * plain rectangles inside ONE closed shadow root on a plain `div` (never a custom-element name,
 * so no page constructor runs on it and `ElementInternals` cannot open the root). The page sees
 * one host element whatever the number of notes, never an element per note, and cannot read
 * what is inside. The host is absolutely positioned at the document's origin with no size and
 * `pointer-events: none`: it takes no room, moves nothing, catches no click, and scrolls with the
 * page natively.
 *
 * The work follows what is on screen, not the note count: notes are grouped by their block
 * (paragraph), the blocks' positions are read once per layout change, and only the notes whose
 * block lies in or near the viewport are measured (`getClientRects` of each text node's part,
 * so a wholly covered paragraph gives its lines, not its block) and drawn, at most
 * `MAX_MEASURED_NOTES` notes and `MAX_BOXES` rectangles at a time, the rectangle elements reused:
 * a rectangle already where it should be is not written again, so a scroll step costs the
 * rectangles that came and went (each style write is parsed, and Firefox held frames for it).
 * Beyond that cap (a hundred thousand imported notes, say) the nearest are drawn and a short
 * notice in the same closed root tells the reader that only part is shown (no note text).
 * Scrolling and resizing redraw in the next animation frame (passive listeners); the passages
 * changing, the body resizing (watched only while there are passages) or fonts loading measure
 * again. Pure DOM: no Preact, no extension API.
 */

import { type RequestFrame, windowFrames } from './frames';
import { PRINT_HIDDEN_CSS } from './host-style';
import { type OwnNodeRegistry, sharedOwnNodes } from './own-nodes';
import { pageScheme } from './page-scheme';
import {
  type Block,
  groupPassages,
  measureSpan,
  type Passage,
  passagesAt,
  readBlockLayout,
  type ShadeItem,
} from './shade-geometry';
import { HOST_STYLE, SHADE_CSS } from './shade-style';
import { spanOfPlace } from './text-place';

export type { ShadeItem } from './shade-geometry';

/** What the shade drew last, for the reader's notice and the tests. */
export interface ShadeStats {
  /** Passages given to the shade. */
  notes: number;
  /** Passages measured for the latest frame (those in or near the viewport, up to the cap). */
  measured: number;
  /** Rectangles drawn (shown elements inside the shadow root). */
  boxes: number;
  /** True when passages near the viewport were left undrawn because there are too many. */
  partial: boolean;
}

/** The note layer of one page. */
export interface NoteShade {
  /**
   * Replaces the passages drawn. The host is there from the first paint on, even with no
   * passage, so its presence says only that the notes layer is on, never whether notes exist.
   */
  paint(items: readonly ShadeItem[]): void;
  /** Takes the host out (the notes layer is off); a later paint brings it back. */
  hide(): void;
  /** Reads the passages' geometry again (the layout moved). */
  refresh(): void;
  /** Draws one passage as the open one (null: none). */
  setActive(id: string | null): void;
  /** Ids of the passages under a viewport point, shortest first. */
  hitTest(x: number, y: number): string[];
  /** What was drawn last. */
  stats(): ShadeStats;
  /** True for the host element. */
  isOwnNode(node: Node): boolean;
  /** Takes the host out; the page's DOM is as it was. */
  destroy(): void;
}

/** Options of {@link createNoteShade}. */
export interface NoteShadeOptions {
  ownNodes?: OwnNodeRegistry;
  /** Called when the shade starts or stops leaving passages undrawn (too many near the viewport). */
  onPartial?: (partial: boolean) => void;
  /** The page's scheme, if already read (reading it forces a style pass). */
  scheme?: 'light' | 'dark';
  /** The notice's words in the interface language ({@link PARTIAL_NOTICE} when absent). */
  partialNotice?: string;
  /** How animation frames are asked for; the window's own by default. */
  requestFrame?: RequestFrame;
}

/** The most passages measured for one frame: beyond it, the rest near the viewport wait. */
export const MAX_MEASURED_NOTES = 600;
/** The most rectangles drawn at once (elements in the shadow root), whatever the note count. */
export const MAX_BOXES = 1200;
/** How long one frame measures passages; the rest are measured in the next frames. */
const MEASURE_BUDGET_MS = 8;

const now = (): number => performance.now();

/** What the reader is told while notes near the viewport are left undrawn (no note text), in English. */
export const PARTIAL_NOTICE =
  'Too many notes here to show at once: only the nearest are highlighted.';

/** Creates the note layer; the host is added on the first paint. */
export function createNoteShade(doc: Document, options: NoteShadeOptions = {}): NoteShade {
  const ownNodes = options.ownNodes ?? sharedOwnNodes;
  const view = doc.defaultView;
  let host: HTMLDivElement | null = null;
  let layer: HTMLDivElement | null = null;
  /** The rectangles' parent, out of the accessibility tree. */
  let boxLayer: HTMLDivElement | null = null;
  let notice: HTMLDivElement | null = null;
  let blocks: Block[] = [];
  let passages: Passage[] = [];
  /** Whether the blocks' positions and the measured boxes belong to the current layout. */
  let layoutRead = false;
  /** The passages measured for the latest frame. */
  let near: Passage[] = [];
  /** The one range every passage is measured with (see `measureSpan`). */
  let measuring: Range | undefined;
  /** The scroll position `near` was measured for (NaN: not measured). */
  let measuredScroll = Number.NaN;
  /** The rectangles drawn, by their place (their inline style), and hidden ones kept for reuse. */
  let shown = new Map<string, HTMLDivElement>();
  let spare: HTMLDivElement[] = [];
  let drawnBoxes = 0;
  let partial = false;
  let activeId: string | null = null;
  let destroyed = false;
  let resizeObserver: ResizeObserver | null = null;
  /** Whether the resize observer watches the body: only while there are passages to shade. */
  let observing = false;
  const requestFrame = options.requestFrame ?? windowFrames(view);
  /** Cancels the frame asked for, while one is. */
  let cancelFrame: (() => void) | null = null;
  let watching = new AbortController();

  function ensureHost(): HTMLDivElement {
    if (host && layer) return layer;
    host = doc.createElement('div');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = `${SHADE_CSS}\n${PRINT_HIDDEN_CSS}`;
    layer = doc.createElement('div');
    // Inside the closed root, where the page cannot read it.
    layer.dataset.scheme = options.scheme ?? pageScheme(doc);
    // The rectangles say nothing a reader of the page's text does not hear already: the browser
    // keeps none of them in its accessibility tree (a thousand boxes cost it a frame's time).
    boxLayer = doc.createElement('div');
    boxLayer.className = 'boxes';
    boxLayer.setAttribute('aria-hidden', 'true');
    notice = doc.createElement('div');
    notice.className = 'notice';
    notice.setAttribute('role', 'status');
    notice.hidden = true;
    notice.textContent = options.partialNotice || PARTIAL_NOTICE;
    layer.append(boxLayer, notice);
    shadow.append(style, layer);
    doc.documentElement.append(host);
    ownNodes.add(host);
    const listen = { signal: watching.signal, passive: true };
    view?.addEventListener('resize', relayout, listen);
    view?.addEventListener('scroll', scheduleDraw, listen);
    doc.fonts?.addEventListener?.('loadingdone', relayout, { signal: watching.signal });
    if (view && 'ResizeObserver' in view) resizeObserver = new view.ResizeObserver(relayout);
    return layer;
  }

  function removeHost(): void {
    watching.abort();
    watching = new AbortController();
    resizeObserver?.disconnect();
    resizeObserver = null;
    observing = false;
    cancelFrame?.();
    cancelFrame = null;
    if (host) {
      host.remove();
      ownNodes.delete(host);
    }
    host = null;
    layer = null;
    boxLayer = null;
    notice = null;
    shown = new Map();
    spare = [];
    drawnBoxes = 0;
    near = [];
    setPartial(false);
  }

  function setPartial(next: boolean): void {
    if (notice && notice.hidden === next) notice.hidden = !next;
    if (next === partial) return;
    partial = next;
    options.onPartial?.(next);
  }

  /** The layout moved: positions are read again in the next frame. */
  function relayout(): void {
    layoutRead = false;
    scheduleDraw();
  }

  function scheduleDraw(): void {
    if (destroyed || cancelFrame || !view || !host) return;
    cancelFrame = requestFrame(() => {
      cancelFrame = null;
      update();
    });
  }

  /** Reads the blocks' positions (one layout read per block, not per passage). */
  function readLayout(): void {
    readBlockLayout(blocks, passages, view?.scrollY ?? 0);
    layoutRead = true;
  }

  /**
   * Measures the passages in or near the viewport (one viewport's height either side), nearest
   * first, for at most `MEASURE_BUDGET_MS` a frame: what is left is measured in the next frames.
   */
  function measureNear(): void {
    if (!host) return;
    if (!layoutRead) readLayout();
    const height = view?.innerHeight ?? 0;
    const scrollTop = view?.scrollY ?? 0;
    const from = scrollTop - height;
    const to = scrollTop + 2 * height;
    const centre = scrollTop + height / 2;
    const wanted = blocks
      .filter((block) => block.bottom >= from && block.top <= to)
      .sort(
        (a, b) =>
          Math.abs((a.top + a.bottom) / 2 - centre) - Math.abs((b.top + b.bottom) / 2 - centre),
      );
    let origin: DOMRect | null = null;
    const started = now();
    const next: Passage[] = [];
    // The passages within the cap, measured or not yet: one left for the next frame keeps its
    // place, so a farther passage is not drawn in its stead for a frame and hidden the next.
    let taken = 0;
    let capped = false;
    let unfinished = false;
    for (const block of wanted) {
      for (const passage of block.passages) {
        if (taken++ >= MAX_MEASURED_NOTES) {
          capped = true;
          break;
        }
        if (!passage.boxes) {
          if (now() - started > MEASURE_BUDGET_MS) {
            unfinished = true;
            continue;
          }
          origin ??= host.getBoundingClientRect();
          measuring ??= doc.createRange();
          // A passage whose text the page changed is drawn nowhere until it is anchored again.
          const span = spanOfPlace(passage.place, ownNodes);
          const measure = span ? measureSpan(doc, span, origin, measuring) : null;
          passage.boxes = measure?.boxes ?? [];
          passage.length = measure?.length ?? 0;
        }
        next.push(passage);
      }
      if (capped) break;
    }
    near = next;
    measuredScroll = scrollTop;
    setPartial(capped);
    if (unfinished) scheduleDraw();
  }

  /**
   * Draws the rectangles of the measured passages. A rectangle already drawn where it should be
   * is left alone: a scroll step or a repaint of the same passages writes only the rectangles
   * that came or went, not every one near the viewport (in Firefox each style write is parsed).
   */
  function draw(): void {
    if (!boxLayer) return;
    // A rectangle's place, as its inline style, and its class. Passages on the same words (an
    // import of duplicates) measure the same and are drawn once, with the open one's class.
    const wanted = new Map<string, string>();
    const order = activeId
      ? [...near].sort((a, b) => +(b.id === activeId) - +(a.id === activeId))
      : near;
    for (const passage of order) {
      for (const box of passage.boxes ?? []) {
        const place = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
        if (wanted.has(place)) continue;
        // Beyond the cap the rest are left out, and the reader is told.
        if (wanted.size < MAX_BOXES)
          wanted.set(place, passage.id === activeId ? 'box active' : 'box');
        else setPartial(true);
      }
    }
    // The rectangles that left are moved to the places that came (no change of visibility);
    // hidden ones are shown or visible ones hidden only for the difference in number.
    const left: HTMLDivElement[] = [];
    for (const [place, element] of shown) {
      if (!wanted.has(place)) {
        shown.delete(place);
        left.push(element);
      }
    }
    for (const [place, name] of wanted) {
      let element = shown.get(place);
      if (!element) {
        element = left.pop();
        if (!element) {
          element = spare.pop();
          if (element) element.hidden = false;
          else {
            element = doc.createElement('div');
            boxLayer.append(element);
          }
        }
        element.style.cssText = place;
        shown.set(place, element);
      }
      if (element.className !== name) element.className = name;
    }
    // Rectangles not needed now are hidden, not removed: there are never more than MAX_BOXES,
    // and one scroll step does not rebuild the root.
    for (const element of left) {
      element.hidden = true;
      spare.push(element);
    }
    drawnBoxes = wanted.size;
  }

  function update(): void {
    // No passage: nothing to measure, so no layout is read (reading the scroll position would
    // force one, in the middle of the first paint).
    if (passages.length === 0) {
      near = [];
      setPartial(false);
    } else measureNear();
    draw();
  }

  function group(items: readonly ShadeItem[]): void {
    ({ passages, blocks } = groupPassages(doc, items));
    layoutRead = false;
  }

  /**
   * Watches the body's size only while there is something to shade: a page without notes that
   * grows (a paragraph appended every second) calls nothing of ours. The first passage starts
   * the watch, and paint measures it anyway.
   */
  function watchBody(): void {
    const wanted = passages.length > 0;
    if (wanted === observing || !doc.body) return;
    observing = wanted;
    resizeObserver?.[wanted ? 'observe' : 'unobserve'](doc.body);
  }

  return {
    paint(items) {
      if (destroyed) return;
      group(items);
      ensureHost();
      watchBody();
      update();
    },
    hide() {
      passages = [];
      blocks = [];
      removeHost();
    },
    refresh() {
      if (destroyed || !host) return;
      layoutRead = false;
      update();
    },
    setActive(id) {
      if (destroyed || id === activeId) return;
      activeId = id;
      draw();
    },
    hitTest(x, y) {
      if (!host || destroyed) return [];
      // A click can come before the frame that follows a scroll: measure what is there now.
      if (!layoutRead || measuredScroll !== (view?.scrollY ?? 0)) update();
      // A point on screen lies in the measured part, unless the cap left its passage out.
      const origin = host.getBoundingClientRect();
      return passagesAt(near, x - origin.left, y - origin.top);
    },
    stats() {
      return { notes: passages.length, measured: near.length, boxes: drawnBoxes, partial };
    },
    isOwnNode(node) {
      return host !== null && node === host;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      passages = [];
      blocks = [];
      removeHost();
    },
  };
}
