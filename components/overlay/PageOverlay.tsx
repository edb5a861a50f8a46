/**
 * What Counterpoint draws over the article in the page itself, in a closed shadow root: the
 * "Add note" button by a selection, the reading guide, a status toast, and in the window's bottom
 * corner the welcome card and the notice that some notes could not be loaded. None of it carries
 * note text: popovers, the editor and the notes list are in the popover frame, an extension
 * page (`entrypoints/popover/`). The controller owns the state and passes it down.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { OverlayState } from '../../utils/annotator/overlay-state';
import { sheetTop } from '../../utils/annotator/panel-frame';
import { articleRight, GUIDE_GAP } from '../../utils/annotator/reading-guide';
import { type RequestFrame, windowFrames } from '../../utils/highlight/frames';
import { plural } from '../../utils/i18n';
import { AdderButton } from '../AdderButton';
import { ReadingGuide } from '../ReadingGuide';
import { Toast } from '../Toast';
import { useUniqueId } from '../unique-id';
import { cornerPlace } from './corner-place';
import { FIRST_RUN_CSS, FirstRunCard } from './FirstRunCard';
import { Floating } from './Floating';
import { guidePosition, guideReach, topObstruction } from './guide-dock';
import { NOTES_MISSING_CSS, NotesMissingNotice } from './NotesMissingNotice';

/**
 * What the overlay shows, and where its events go (the controller's state, drawn as it is), and
 * what its two layers tell each other (the host passes it): the lowest the guide can be, which
 * the bottom corner keeps below.
 */
export type PageOverlayProps = OverlayState & {
  /** The lowest bottom edge the guide can have in the window (`guideReach`), or null: none. */
  guideReach?: number | null;
  /** Told that edge each time the guide is placed, and null when it goes. */
  onGuideReach?(reach: number | null): void;
  /** How the guide asks for an animation frame to be placed in; the window's own by default. */
  requestFrame?: RequestFrame;
};

/** The overlay's root component. */
export function PageOverlay(props: PageOverlayProps) {
  return (
    <div class="cp-overlay">
      {props.guide && (
        <GuideDock
          guide={props.guide}
          shortcuts={props.shortcuts}
          {...(props.onGuideReach ? { onReach: props.onGuideReach } : {})}
          {...(props.requestFrame ? { requestFrame: props.requestFrame } : {})}
        />
      )}
      {props.adder && (
        <Floating
          reference={props.adder.reference}
          placement="top"
          gap={6}
          className="cp-adder-box"
        >
          <AdderButton onAdd={props.adder.onAdd} shortcut={props.shortcuts.addNote} />
        </Floating>
      )}
      {(props.welcome || props.notesMissing) && (
        <Corner reach={props.guideReach ?? null} aboveShadeNotice={Boolean(props.notesMissing)}>
          {props.notesMissing && <NotesMissingNotice {...props.notesMissing} />}
          {props.welcome && (
            <FirstRunCard
              addNoteShortcut={props.shortcuts.addNote}
              onHelp={props.welcome.onHelp}
              onDismiss={props.welcome.onDismiss}
            />
          )}
        </Corner>
      )}
      {props.toast && (
        <div class="cp-toast-box">
          <Toast {...props.toast} />
        </div>
      )}
    </div>
  );
}

/**
 * The window's bottom corner: below the lowest the guide can be (`corner-place.ts`), placed again
 * after each drawing and when the window is resized.
 */
function Corner({
  reach,
  aboveShadeNotice,
  children,
}: {
  reach: number | null;
  aboveShadeNotice: boolean;
  children: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  const place = useRef<() => void>(() => undefined);
  place.current = () => {
    const element = box.current;
    const view = element?.ownerDocument.defaultView;
    if (!element || !view) return;
    const heightAt = (wide: boolean): number => {
      // Measured shown, even while it was out of the way.
      element.hidden = false;
      element.classList.toggle('cp-corner-wide', wide);
      element.style.maxHeight = 'none';
      return element.offsetHeight;
    };
    const spot = cornerPlace(view.innerHeight, reach, heightAt, aboveShadeNotice);
    element.style.bottom = `${spot.bottom}px`;
    element.classList.toggle('cp-corner-wide', spot.wide);
    element.style.maxHeight = `${spot.maxHeight}px`;
    element.hidden = spot.hidden;
  };
  useLayoutEffect(() => place.current());
  useEffect(() => {
    const view = box.current?.ownerDocument.defaultView;
    if (!view) return;
    const watching = new AbortController();
    view.addEventListener('resize', () => place.current(), {
      passive: true,
      signal: watching.signal,
    });
    return () => watching.abort();
  }, []);
  return (
    <div ref={box} class="cp-corner">
      {children}
    </div>
  );
}

/** Every reader-facing sentence of the guide's pill. */
export const strings = {
  summary: (n: number) => plural('guide_checked', n),
};

/**
 * The reading guide: a pill near the headline ("Counterpoint · 14 claims checked") that opens
 * into the guide below it. It starts open, its legend showing; Escape or a click elsewhere
 * folds it (the controller decides), and folding gives the focus back to the pill. It stays in
 * the window while the article scrolls (see `guide-dock.ts`).
 */
function GuideDock({
  guide,
  shortcuts,
  onReach,
  requestFrame,
}: {
  guide: NonNullable<PageOverlayProps['guide']>;
  shortcuts: PageOverlayProps['shortcuts'];
  onReach?: (reach: number | null) => void;
  requestFrame?: RequestFrame;
}) {
  const panelId = useUniqueId();
  const unnamedId = useUniqueId();
  const box = useRef<HTMLDivElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const { reference, article, expanded, onExpandedChange, compact, ...props } = guide;

  // What placing depends on that changes without the headline moving: a popover opening (the
  // compact guide then docks above a sheet) is read through this ref by the placing below.
  const compactNow = useRef(compact);
  compactNow.current = compact;
  const replace = useRef<(() => void) | null>(null);
  const reached = useRef(onReach);
  reached.current = onReach;

  useLayoutEffect(() => {
    const element = box.current;
    const doc = reference.ownerDocument;
    const view = doc.defaultView;
    if (!element || !view) return;
    const root = element.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    const askFrame = requestFrame ?? windowFrames(view);
    /** Cancels the frame asked for, while one is. */
    let cancelFrame: (() => void) | null = null;
    // Two places, and no scroll listener (moved from scroll events, a box lags behind the page
    // and Firefox warns of a scroll-linked effect): by the headline, in the document's own
    // coordinates, so the page's scrolling carries it; or, once the headline is scrolled up under
    // the site's header (or while a popover is a sheet), pinned in the window. An
    // IntersectionObserver on the headline switches between the two.
    let pinned = false;
    let watched: IntersectionObserver | null = null;
    let watchedInset = -1;
    const place = (): void => {
      cancelFrame = null;
      const pillHeight = pill.current?.offsetHeight ?? 28;
      const obstruction = topObstruction(doc, (candidate) => candidate === host);
      const viewport = { width: view.innerWidth, height: view.innerHeight };
      const headline = reference.getBoundingClientRect();
      const size = {
        width: element.offsetWidth,
        height: element.offsetHeight,
        pillHeight,
        pillWidth: pill.current?.offsetWidth ?? 0,
      };
      const around = {
        obstruction,
        articleRight: articleRight([reference, article]),
        sheetTop: compactNow.current ? sheetTop(viewport) : null,
      };
      const spot = guidePosition(headline, size, viewport, around);
      const fixed = pinned || spot.docked;
      element.classList.toggle('cp-guide-beside', spot.beside);
      element.style.setProperty('--cp-guide-max', `${spot.maxWidth}px`);
      element.style.setProperty('--cp-guide-pill-inset', `${spot.pillInset}px`);
      element.style.maxWidth = `${spot.maxWidth}px`;
      element.style.maxHeight = `${spot.maxHeight}px`;
      element.style.position = fixed ? 'fixed' : 'absolute';
      // The host may sit anywhere (by the headline, or at the document's end): the box is placed
      // from where the host is, then nudged by whatever a containing block still adds.
      const origin = fixed || !host ? { left: 0, top: 0 } : host.getBoundingClientRect();
      let left = spot.left - origin.left;
      let top = spot.top - origin.top;
      element.style.left = `${left}px`;
      element.style.top = `${top}px`;
      const drawn = element.getBoundingClientRect();
      left += spot.left - drawn.left;
      top += spot.top - drawn.top;
      element.style.left = `${left}px`;
      element.style.top = `${top}px`;
      element.style.visibility = 'visible';
      reached.current?.(guideReach(headline, view.scrollY, size, viewport, around, spot));
      // The line the headline crosses when the guide would slide under the site's header.
      const inset = Math.round(
        obstruction + GUIDE_GAP + (spot.beside ? 0 : pillHeight + GUIDE_GAP),
      );
      if (inset !== watchedInset && 'IntersectionObserver' in view) {
        watched?.disconnect();
        watchedInset = inset;
        watched = new view.IntersectionObserver(
          (entries) => {
            const entry = entries[entries.length - 1];
            if (!entry) return;
            const next = entry.boundingClientRect.top < inset;
            if (next === pinned) return;
            pinned = next;
            schedule();
          },
          { rootMargin: `-${inset}px 0px 0px 0px`, threshold: [0, 1] },
        );
        watched.observe(reference);
      }
    };
    const schedule = (): void => {
      cancelFrame ??= askFrame(place);
    };
    replace.current = schedule;
    place();
    const watching = new AbortController();
    view.addEventListener('resize', schedule, { passive: true, signal: watching.signal });
    const resized = 'ResizeObserver' in view ? new view.ResizeObserver(schedule) : null;
    resized?.observe(element);
    return () => {
      replace.current = null;
      reached.current?.(null);
      watching.abort();
      resized?.disconnect();
      watched?.disconnect();
      cancelFrame?.();
    };
  }, [reference, article, requestFrame]);

  // A popover opening or closing moves the guide (above a sheet, or back by the headline).
  useEffect(() => {
    replace.current?.();
  }, [compact]);

  // Folding while the focus is inside the guide gives it back to the pill, not to the page's top.
  // Whether it was inside is read while rendering, before the fold removes the focused button.
  const wasExpanded = useRef(expanded);
  const focusWasInside = useRef(false);
  if (wasExpanded.current && !expanded) {
    const root = box.current?.getRootNode();
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    focusWasInside.current = active !== null && (box.current?.contains(active) ?? false);
  }
  wasExpanded.current = expanded;
  useEffect(() => {
    if (expanded || !focusWasInside.current) return;
    focusWasInside.current = false;
    pill.current?.focus();
  }, [expanded]);

  return (
    // A group named by an empty element: where the host is inside the headline, the heading's
    // accessible name (computed from its content) takes the group's empty name, not the guide's
    // words, and screen readers still say the headline alone.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is a form's group; this is the guide's.
    <div
      ref={box}
      class="cp-guide-box"
      role="group"
      aria-labelledby={unnamedId}
      style={{ position: 'absolute', left: '0px', top: '0px', visibility: 'hidden' }}
    >
      <span id={unnamedId} />
      <div class="cp-guide-pill-box">
        <button
          ref={pill}
          type="button"
          class="cp-guide-pill"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => onExpandedChange(!expanded)}
        >
          <strong>Counterpoint</strong> · {strings.summary(props.totalClaims)}
          <span aria-hidden="true">{expanded ? ' ▴' : ' ▾'}</span>
        </button>
        <div id={panelId} hidden={!expanded} class="cp-guide-panel">
          {expanded && <ReadingGuide {...props} compact={compact} shortcuts={shortcuts} />}
        </div>
      </div>
    </div>
  );
}

/** Layout of the overlay's boxes (positions come from Floating). */
export const OVERLAY_CSS = `
.cp-floating { z-index: 2147483647; }
/* Not selectable: in the headline, a reader's copy of it would take the guide's words along. */
.cp-guide-box { z-index: 2147483647; overflow: auto; width: max-content; -webkit-user-select: none; user-select: none; }
.cp-adder-box { z-index: 2147483647; }
.cp-toast-box { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); z-index: 2147483647; }
.cp-corner {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: min(380px, calc(100vw - 32px));
  display: flex; flex-direction: column; gap: 8px;
}
.cp-corner-wide { left: 16px; width: auto; }
.cp-corner > * { flex: none; }
.cp-guide-pill-box { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; max-width: var(--cp-guide-max, min(560px, calc(100vw - 16px))); }
.cp-guide-beside .cp-guide-pill-box { align-items: flex-start; }
.cp-guide-pill {
  font: inherit; font-size: 0.8125em; line-height: 1.2; cursor: pointer; padding: 0.35em 0.8em;
  color: var(--cp-text); background: var(--cp-surface); border: 1px solid var(--cp-border);
  border-left: 4px solid var(--cp-link); border-radius: 999px; box-shadow: 0 2px 8px var(--cp-shadow);
  margin-right: var(--cp-guide-pill-inset, 0px);
}
.cp-guide-panel { box-shadow: 0 6px 24px var(--cp-shadow); border-radius: 6px; }
[hidden] { display: none !important; }
${FIRST_RUN_CSS}
${NOTES_MISSING_CSS}
`;
