/**
 * Places its child next to a reference on the page (a Range or an element), inside the
 * viewport (@floating-ui/dom), in the document's own coordinates: the page's scrolling carries it
 * with its reference, frame for frame, and it is placed again only when something is resized or
 * moves. (Moved from scroll events, it lagged behind the page, and Firefox warned of a
 * "scroll-linked positioning effect".)
 */
import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  type Placement,
  shift,
  size,
} from '@floating-ui/dom';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** A place with no element or range behind it (e.g. the top of the viewport). */
export interface ViewportPoint {
  getBoundingClientRect(): DOMRect;
}

/** Something on the page to sit next to. */
export type FloatingReference = Range | Element | ViewportPoint;

/** Props of {@link Floating}. */
export interface FloatingProps {
  reference: FloatingReference;
  placement?: Placement;
  /** Distance from the reference, in pixels. */
  gap?: number;
  className?: string;
  children: ComponentChildren;
  onPointerInside?(inside: boolean): void;
}

function virtualElement(reference: FloatingReference) {
  if (reference instanceof Element) return reference;
  if (!(reference instanceof Range))
    return { getBoundingClientRect: () => reference.getBoundingClientRect() };
  const context = reference.startContainer.parentElement ?? undefined;
  return {
    getBoundingClientRect: () => reference.getBoundingClientRect(),
    getClientRects: () => reference.getClientRects(),
    contextElement: context,
  };
}

/** A box in document coordinates that follows its reference. */
export function Floating({
  reference,
  placement = 'bottom-start',
  gap = 8,
  className,
  children,
  onPointerInside,
}: FloatingProps) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const floating = box.current;
    if (!floating) return;
    const anchor = virtualElement(reference);
    const update = (): void => {
      void computePosition(anchor, floating, {
        strategy: 'absolute',
        placement,
        middleware: [
          offset(gap),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              floating.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
        floating.style.visibility = 'visible';
      });
    };
    return autoUpdate(anchor, floating, update, { ancestorScroll: false });
  }, [reference, placement, gap]);
  return (
    <div
      ref={box}
      class={`cp-floating ${className ?? ''}`}
      style={{ position: 'absolute', left: '0px', top: '0px', visibility: 'hidden' }}
      onPointerEnter={() => onPointerInside?.(true)}
      onPointerLeave={() => onPointerInside?.(false)}
    >
      {children}
    </div>
  );
}
