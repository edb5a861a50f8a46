/**
 * A list that draws only the rows on screen (and a little around), for lists of 10,000 notes
 * and more. The page itself scrolls (so zoom and the keyboard scroll as on any page); the list
 * reserves its full height and places each drawn row at its top. Row heights are estimated, then
 * measured once drawn (`ResizeObserver`), and the maths is `utils/sidepanel/windowing.ts`.
 *
 * Keyboard: the list is one Tab stop (roving focus): Up and Down move between rows, Home and
 * End to the first and last, Page Up and Down by a screenful; the row reached is drawn, scrolled
 * into view and focused. The row holding focus is always drawn, wherever the page scrolls, so
 * focus is never lost. Every row says its place (`aria-posinset` of `aria-setsize`), so a screen
 * reader knows the list's length though few rows exist.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { rowOffsets, scrollToShow, visibleRows } from '../../utils/sidepanel/windowing';

/** What a row is told when it is drawn. */
export interface RowState {
  /** The row that is the list's Tab stop: its controls get `tabIndex` 0, others -1. */
  active: boolean;
  /** The item the page has open. */
  current: boolean;
}

/** Props of {@link VirtualList}. */
export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf(item: T): string;
  /** A first guess at a row's height in CSS pixels, until it is measured. */
  estimateHeight(item: T): number;
  renderRow(item: T, state: RowState): ComponentChildren;
  /** The list's accessible name. */
  label: string;
  /** The key of the item the page has open: marked current and scrolled into view. */
  currentKey?: string | null;
  /** Pixels drawn beyond each edge of the screen. */
  overscan?: number;
  class?: string;
}

interface View {
  top: number;
  bottom: number;
}

/** The element in a row that takes focus: marked `data-row-focus`. */
const FOCUS_SELECTOR = '[data-row-focus]';

/** A windowed list with roving focus. */
export function VirtualList<T>({
  items,
  keyOf,
  estimateHeight,
  renderRow,
  label,
  currentKey = null,
  overscan = 400,
  class: className,
}: VirtualListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const measured = useRef(new Map<string, number>());
  const [version, setVersion] = useState(0);
  const [view, setView] = useState<View>({ top: 0, bottom: 0 });
  const [activeIndex, setActiveIndex] = useState(0);
  /** The row to focus once it is drawn (keys move focus; a render draws the row first). */
  const focusPending = useRef<number | null>(null);

  const keys = useMemo(() => items.map(keyOf), [items, keyOf]);
  // `version` counts new measurements, which live in a ref.
  const offsets = useMemo(
    () =>
      rowOffsets(
        items.map((item, i) => measured.current.get(keys[i] ?? '') ?? estimateHeight(item)),
      ),
    [items, keys, estimateHeight, version],
  );
  const active = Math.min(activeIndex, Math.max(0, items.length - 1));

  /** Where the screen is, in the list's coordinates. */
  const readView = (): View => {
    const list = listRef.current;
    if (!list) return { top: 0, bottom: 0 };
    const top = -list.getBoundingClientRect().top;
    return { top, bottom: top + window.innerHeight };
  };
  const updateView = (): void => {
    const next = readView();
    setView((previous) =>
      Math.abs(previous.top - next.top) < 1 && Math.abs(previous.bottom - next.bottom) < 1
        ? previous
        : next,
    );
  };

  useEffect(() => {
    let frame = 0;
    const onChange = (): void => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        updateView();
      });
    };
    window.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange);
    return () => {
      window.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  // Whatever moved the list (content above it, a new height), see where the screen is now.
  useLayoutEffect(updateView);

  // Measure drawn rows; a changed height re-lays out the rows after it.
  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const row = entry.target as HTMLElement;
              const key = row.dataset.key;
              if (!row.isConnected) {
                // A row scrolled away (or filtered out): stop watching it.
                observerRef.current?.unobserve(row);
                continue;
              }
              if (key === undefined) continue;
              const height = row.offsetHeight;
              if (height > 0 && Math.abs((measured.current.get(key) ?? -1) - height) > 0.5) {
                measured.current.set(key, height);
                changed = true;
              }
            }
            if (changed) setVersion((v) => v + 1);
          }),
    [],
  );
  const observerRef = useRef(observer);
  observerRef.current = observer;
  useEffect(() => () => observer?.disconnect(), [observer]);

  const scrollRowIntoView = (index: number, centre: boolean): void => {
    const list = listRef.current;
    if (!list) return;
    const now = readView();
    const height = window.innerHeight;
    const rowTop = offsets[index] ?? 0;
    const rowHeight = (offsets[index + 1] ?? rowTop) - rowTop;
    const target = centre
      ? rowTop - Math.max(0, (height - rowHeight) / 2)
      : scrollToShow(offsets, index, now.top, height);
    if (Math.abs(target - now.top) >= 1) window.scrollBy({ top: target - now.top });
    updateView();
  };

  const moveTo = (index: number): void => {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, index));
    focusPending.current = next;
    setActiveIndex(next);
    scrollRowIntoView(next, false);
  };

  // The focus follows the active row once it is drawn.
  useEffect(() => {
    const wanted = focusPending.current;
    if (wanted === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`li[data-index="${wanted}"]`);
    const target = row?.querySelector<HTMLElement>(FOCUS_SELECTOR);
    if (!target) return;
    focusPending.current = null;
    target.focus({ preventScroll: true });
  });

  // The panel follows the page: the open item becomes the Tab stop and comes into view.
  // Only a new current item moves the list, not every change of the items.
  useEffect(() => {
    if (currentKey === null) return;
    const index = keys.indexOf(currentKey);
    if (index < 0) return;
    setActiveIndex(index);
    scrollRowIntoView(index, true);
  }, [currentKey]);

  const onKeyDown = (event: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor(window.innerHeight / Math.max(1, rowHeightAt(active))));
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: items.length - 1,
      PageDown: active + page,
      PageUp: active - page,
    };
    const next = moves[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    moveTo(next);
  };
  const rowHeightAt = (index: number): number => (offsets[index + 1] ?? 0) - (offsets[index] ?? 0);

  const onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as HTMLElement | null)?.closest<HTMLElement>('li[data-index]');
    const index = row ? Number(row.dataset.index) : Number.NaN;
    if (Number.isInteger(index) && index !== active) setActiveIndex(index);
  };

  const window_ = visibleRows(offsets, view.top, view.bottom, overscan);
  const drawn: number[] = [];
  for (let i = window_.start; i < window_.end; i++) drawn.push(i);
  // The Tab stop is always drawn, so focus has somewhere to be.
  if (items.length > 0 && (active < window_.start || active >= window_.end)) drawn.push(active);

  const total = offsets[items.length] ?? 0;
  return (
    <ul
      ref={listRef}
      class={`cp-vlist${className ? ` ${className}` : ''}`}
      aria-label={label}
      style={{ height: `${total}px` }}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      {drawn.map((index) => {
        const item = items[index] as T;
        const key = keys[index] ?? String(index);
        return (
          <li
            key={key}
            data-key={key}
            data-index={index}
            aria-setsize={items.length}
            aria-posinset={index + 1}
            class="cp-vlist-row"
            style={{ top: `${offsets[index] ?? 0}px` }}
            ref={(row) => {
              if (row) observer?.observe(row);
            }}
          >
            {renderRow(item, { active: index === active, current: key === currentKey })}
          </li>
        );
      })}
    </ul>
  );
}
