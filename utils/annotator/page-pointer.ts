/**
 * The reader's pointer on the page: resting on a claim's passage opens its popover after a
 * moment (`hover-intent.ts`), and a click on highlighted text opens what lies there (a second
 * click on the open passage, what lies under it). Only trusted input counts, and nothing our
 * overlay or popover frame handles. Hover opens claims only: a note opens on a click, so a
 * resting pointer never shows the page (which sees the frame appear) where a note is.
 */
import { type RequestFrame, windowFrames } from '../highlight/frames';
import type { HoverIntent } from './hover-intent';
import type { Layers } from './layers';

/** What the pointer controller needs. */
export interface PagePointerDependencies {
  doc: Document;
  /** How animation frames are asked for (the article's clock); the window's own by default. */
  requestFrame?: RequestFrame;
  layers: Pick<Layers, 'hitTest'>;
  hover: HoverIntent;
  /** Whether an event happened in our overlay or popover frame. */
  ours(event: Event): boolean;
  /**
   * Whether the target is a claim marker's host: over a marker, the marker's own enter and leave
   * decide (its badge may stand beside the claim's words, where hit-testing the text finds none).
   */
  isMarkerHost?(target: EventTarget | null): boolean;
  isClaim(id: string): boolean;
  /** The id open now and whether a hover opened it. */
  open(): { id: string | null; hover: boolean; editing: boolean } | null;
  /** A click asks for this passage (focus returns quietly to what had it). */
  activate(id: string, returnFocusTo: HTMLElement | null): void;
  /** A click outside every passage. */
  clickedOutside(): void;
  signal: AbortSignal;
}

/** Starts following the pointer (until `signal` aborts). */
export function createPagePointer(deps: PagePointerDependencies): void {
  const { doc, layers, hover } = deps;
  const requestFrame = deps.requestFrame ?? windowFrames(doc.defaultView ?? window);
  /** Cancels the frame asked for, while one is. */
  let cancelFrame: (() => void) | null = null;
  /** Where the pointer is last: the frame's test uses it, not where it first moved in the frame. */
  let pointerAt = { x: 0, y: 0 };
  deps.signal.addEventListener('abort', () => {
    cancelFrame?.();
    cancelFrame = null;
  });

  doc.addEventListener(
    'pointermove',
    (event) => {
      // Only the reader's own input counts: the page can dispatch events, not make them trusted.
      if (!event.isTrusted || deps.ours(event)) return;
      // The page sees the pointer only outside the popover frame: it has left the popover.
      hover.pointerInPopover(false);
      if (deps.isMarkerHost?.(event.target)) return;
      pointerAt = { x: event.clientX, y: event.clientY };
      if (cancelFrame) return;
      cancelFrame = requestFrame(() => {
        cancelFrame = null;
        if (deps.signal.aborted) return;
        const { x: clientX, y: clientY } = pointerAt;
        const claimId = layers.hitTest(clientX, clientY).find((id) => deps.isClaim(id));
        if (claimId) hover.enter(claimId);
        else hover.leave(deps.open()?.hover ?? false);
      });
    },
    { signal: deps.signal, passive: true },
  );

  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || deps.ours(event) || event.defaultPrevented || event.button !== 0) {
        return;
      }
      const target = event.target instanceof Element ? event.target : null;
      // Links inside a claim keep working as links.
      if (target?.closest('a[href], button, input, textarea, select, label')) return;
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed) return;
      const hits = layers.hitTest(event.clientX, event.clientY);
      const id = hits[0];
      const open = deps.open();
      if (!id) {
        if (open && !open.editing) deps.clickedOutside();
        return;
      }
      // A second click on the open passage reaches what lies under it (a claim under a note).
      const next = open?.id === id && hits.length > 1 ? (hits[1] ?? id) : id;
      deps.activate(next, doc.activeElement instanceof HTMLElement ? doc.activeElement : null);
    },
    { signal: deps.signal },
  );
}
