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
 * Geometry is read from the ranges' text (`getClientRects` of each text node's part, so a wholly
 * covered paragraph gives its lines, not its block) whenever the passages change, the window or
 * the body resizes, or fonts load. Pure DOM: no Preact, no extension API.
 */

import { hostStyle, PRINT_HIDDEN_CSS } from './host-style';
import { type OwnNodeRegistry, sharedOwnNodes } from './own-nodes';
import { pageScheme } from './page-scheme';

/** A note passage to draw. */
export interface ShadeItem {
  id: string;
  range: Range;
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
  /** True for the host element. */
  isOwnNode(node: Node): boolean;
  /** Takes the host out; the page's DOM is as it was. */
  destroy(): void;
}

/** Options of {@link createNoteShade}. */
export interface NoteShadeOptions {
  ownNodes?: OwnNodeRegistry;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Drawn {
  id: string;
  range: Range;
  length: number;
  /** Boxes in the host's coordinates (document coordinates, in effect). */
  boxes: Box[];
}

/** Follows the document (so it scrolls natively), catches no pointer, sits in the page's own layer. */
const HOST_STYLE = hostStyle('absolute', [
  'pointer-events: none',
  'contain: none',
  'z-index: auto',
]);

const SHADE_CSS = `
:host { ${HOST_STYLE}; }
.box {
  position: absolute;
  box-sizing: border-box;
  pointer-events: none;
  background: rgba(255, 204, 0, 0.32);
  border-bottom: 2px solid rgba(196, 140, 0, 0.9);
  border-radius: 2px;
}
.box.active { background: rgba(255, 204, 0, 0.5); border-bottom-color: rgba(150, 100, 0, 1); }
[data-scheme='dark'] > .box { background: rgba(255, 214, 64, 0.28); border-bottom-color: rgba(255, 214, 64, 0.9); }
@media (forced-colors: active) {
  .box { background: transparent; border-bottom: 2px solid Highlight; }
}
@media print { .box { display: none; } }
`;

/** Creates the note layer; the host is added on the first paint with passages. */
export function createNoteShade(doc: Document, options: NoteShadeOptions = {}): NoteShade {
  const ownNodes = options.ownNodes ?? sharedOwnNodes;
  const view = doc.defaultView;
  let host: HTMLDivElement | null = null;
  let layer: HTMLDivElement | null = null;
  let drawn: Drawn[] = [];
  let activeId: string | null = null;
  let destroyed = false;
  let resizeObserver: ResizeObserver | null = null;
  let frame = 0;

  function ensureHost(): HTMLDivElement {
    if (host && layer) return layer;
    host = doc.createElement('div');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = `${SHADE_CSS}\n${PRINT_HIDDEN_CSS}`;
    layer = doc.createElement('div');
    // Inside the closed root, where the page cannot read it.
    layer.dataset.scheme = pageScheme(doc);
    shadow.append(style, layer);
    doc.documentElement.append(host);
    ownNodes.add(host);
    view?.addEventListener('resize', scheduleRefresh, { signal: watching.signal, passive: true });
    doc.fonts?.addEventListener?.('loadingdone', scheduleRefresh, { signal: watching.signal });
    if (view && 'ResizeObserver' in view && doc.body) {
      resizeObserver = new view.ResizeObserver(scheduleRefresh);
      resizeObserver.observe(doc.body);
    }
    return layer;
  }

  let watching = new AbortController();
  function removeHost(): void {
    watching.abort();
    watching = new AbortController();
    resizeObserver?.disconnect();
    resizeObserver = null;
    if (frame && view) view.cancelAnimationFrame(frame);
    frame = 0;
    if (host) {
      host.remove();
      ownNodes.delete(host);
    }
    host = null;
    layer = null;
  }

  function scheduleRefresh(): void {
    if (destroyed || frame || !view) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      measure();
      draw();
    });
  }

  function measure(): void {
    if (!host) return;
    const origin = host.getBoundingClientRect();
    for (const item of drawn) item.boxes = boxesOf(doc, item.range, origin);
  }

  function draw(): void {
    if (!layer) return;
    const boxes: HTMLDivElement[] = [];
    for (const item of drawn) {
      for (const box of item.boxes) {
        const element = doc.createElement('div');
        element.className = item.id === activeId ? 'box active' : 'box';
        element.style.left = `${box.left}px`;
        element.style.top = `${box.top}px`;
        element.style.width = `${box.width}px`;
        element.style.height = `${box.height}px`;
        boxes.push(element);
      }
    }
    layer.replaceChildren(...boxes);
  }

  return {
    paint(items) {
      if (destroyed) return;
      drawn = items.map((item) => ({
        id: item.id,
        range: item.range,
        length: item.range.toString().length,
        boxes: [],
      }));
      ensureHost();
      measure();
      draw();
    },
    hide() {
      drawn = [];
      removeHost();
    },
    refresh() {
      if (destroyed || !host) return;
      measure();
      draw();
    },
    setActive(id) {
      if (destroyed || id === activeId) return;
      activeId = id;
      draw();
    },
    hitTest(x, y) {
      if (!host || destroyed) return [];
      const origin = host.getBoundingClientRect();
      const px = x - origin.left;
      const py = y - origin.top;
      return drawn
        .filter((item) =>
          item.boxes.some(
            (box) =>
              px >= box.left &&
              px <= box.left + box.width &&
              py >= box.top &&
              py <= box.top + box.height,
          ),
        )
        .sort((a, b) => a.length - b.length)
        .map((item) => item.id);
    },
    isOwnNode(node) {
      return host !== null && node === host;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      drawn = [];
      removeHost();
    },
  };
}

/** The boxes of a range's text, line by line, relative to `origin`. */
function boxesOf(doc: Document, range: Range, origin: DOMRect): Box[] {
  const boxes: Box[] = [];
  const root = range.commonAncestorContainer;
  const add = (text: Text): void => {
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.length;
    if (from >= to) return;
    const part = doc.createRange();
    part.setStart(text, from);
    part.setEnd(text, to);
    for (const rect of Array.from(part.getClientRects())) {
      if (rect.width < 0.5 || rect.height < 0.5) continue;
      boxes.push({
        left: rect.left - origin.left,
        top: rect.top - origin.top,
        width: rect.width,
        height: rect.height,
      });
    }
  };
  if (root.nodeType === 3) {
    add(root as Text);
    return boxes;
  }
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) add(node as Text);
  }
  return boxes;
}
