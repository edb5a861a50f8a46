/**
 * Selection → "Add note": while the reader selects text of the page, the overlay offers an
 * "Add note" button next to it (after the selection rests a moment); pressing it opens the
 * editor for the selection as it is then. A triple-click selects the whole paragraph (Chromium
 * stops a paragraph selection at a shadow host, such as a claim's marker). Trusted input only.
 *
 * A selection the reader made before this controller started (while the page was still
 * loading, or before the in-page interface arrived after the first paint) is offered too: no
 * `selectionchange` will come for it.
 */
import type { OverlayState } from './overlay-state';
import type { Timer, Timers } from './timers';

/** How long a selection rests before "Add note" is offered. */
export const SELECTION_SETTLE_MS = 120;

/** What the selection controller needs. */
export interface SelectionAdderDependencies {
  doc: Document;
  /** The article body: a triple-click inside it selects the whole block. */
  body: Element;
  timers: Timers;
  /** While the editor is open, the selection offers nothing. */
  editing(): boolean;
  setAdder(adder: OverlayState['adder']): void;
  /** Opens the editor for a range (a copy of the selection). */
  openEditor(range: Range): void;
  /** Whether an event happened inside our overlay. */
  inOverlay(event: Event): boolean;
  signal: AbortSignal;
}

/** The selection controller. */
export interface SelectionAdder {
  /** The selected range of the page, if it holds any words. */
  currentRange(): Range | null;
  /** Looks at the selection again after `ms` (0 after the editor closed). */
  refresh(ms?: number): void;
}

/** Starts watching the selection (until `signal` aborts). */
export function createSelectionAdder(deps: SelectionAdderDependencies): SelectionAdder {
  const { doc, timers } = deps;
  const win = doc.defaultView ?? window;
  let timer: Timer | null = null;

  function currentRange(): Range | null {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (range.toString().trim() === '') return null;
    return range;
  }

  function update(): void {
    if (deps.editing()) return;
    const range = currentRange();
    const inPage = range && doc.body?.contains(range.commonAncestorContainer);
    deps.setAdder(
      range && inPage
        ? {
            reference: range.cloneRange(),
            // The selection as it is when the button is pressed, which may have moved on since.
            onAdd: () => deps.openEditor((currentRange() ?? range).cloneRange()),
          }
        : null,
    );
  }

  function refresh(ms = SELECTION_SETTLE_MS): void {
    timers.clear(timer);
    timer = timers.set(update, ms);
  }

  doc.addEventListener('selectionchange', () => refresh(), { signal: deps.signal });
  // A press on the page starts a new click or drag: the button for the old selection goes at
  // once (it would stand where the old words were until the new selection settles), and the
  // release looks again, for a press that left the selection as it was (a right-click on it).
  // Presses on our own overlay (the button keeps the selection) are not the page's.
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.isTrusted || deps.inOverlay(event) || deps.editing()) return;
      timers.clear(timer);
      timer = null;
      deps.setAdder(null);
    },
    { signal: deps.signal, capture: true },
  );
  doc.addEventListener(
    'pointerup',
    (event) => {
      if (event.isTrusted && !deps.inOverlay(event)) refresh();
    },
    { signal: deps.signal, capture: true },
  );
  // The selection may already be there, made before we started.
  refresh();

  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || event.detail !== 3 || deps.inOverlay(event)) return;
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const block = enclosingBlock(selection.getRangeAt(0).startContainer, win);
      if (!block || !deps.body.contains(block)) return;
      const whole = doc.createRange();
      whole.selectNodeContents(block);
      selection.removeAllRanges();
      selection.addRange(whole);
    },
    { signal: deps.signal },
  );

  return { currentRange, refresh };
}

/** The nearest ancestor laid out as a block (a paragraph, a list item, a cell). */
function enclosingBlock(node: Node, win: Window): Element | null {
  for (
    let up = node.nodeType === 1 ? (node as Element) : node.parentElement;
    up;
    up = up.parentElement
  ) {
    const display = win.getComputedStyle(up).display;
    if (
      display === 'block' ||
      display === 'list-item' ||
      display === 'table-cell' ||
      display === 'flow-root'
    ) {
      return up;
    }
  }
  return null;
}
