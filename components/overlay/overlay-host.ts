/**
 * The overlay's containers: plain elements with CLOSED shadow roots, so the page's scripts cannot
 * reach into them (no note text is ever readable from the page) and the page's CSS cannot style
 * them. Each takes no room: a zero-size, absolutely positioned box, so what is placed inside
 * scrolls with the page (the toast, fixed, stays in the viewport).
 *
 * Two of them. The "Add note" button, the welcome card, the notice that some notes are missing
 * and the toast are in one at the end of the document. The reading guide is in its own, put inside the headline, after its text, so that a
 * keyboard reader reaches the guide right after the headline, before the article's claim markers,
 * rather than as the page's last Tab stop (see `guide-place.ts` for when that is safe, and why
 * nowhere else).
 *
 * This module and the Preact components it draws are part of the in-page UI bundle
 * (`entrypoints/content-ui.ts`), injected on demand so the content script itself stays small.
 */
import { h, render } from 'preact';
import type { OverlayHost, OverlayState } from '../../utils/annotator/overlay-state';
import type { RequestFrame } from '../../utils/highlight/frames';
import { hostStyle, PRINT_HIDDEN_CSS } from '../../utils/highlight/host-style';
import { pageScheme } from '../../utils/highlight/page-scheme';
import { COUNTERPOINT_CSS } from '../styles';
import { guideHostParent } from './guide-place';
import { OVERLAY_CSS, PageOverlay } from './PageOverlay';

/**
 * One layer below the popover frame's host: where the two meet, the popover the reader opened
 * is on top, and the guide never piles over it.
 */
const HOST_STYLE = hostStyle('absolute', ['z-index: 2147483646']);

/** Only the reader's own input reaches our controls. */
const GUARDED_EVENTS = [
  'click',
  'keydown',
  'keyup',
  'input',
  'pointerdown',
  'pointerup',
  'mousedown',
] as const;

interface Layer {
  host: HTMLElement;
  mount: HTMLElement;
}

function createLayer(doc: Document, tag: 'div' | 'span'): Layer {
  // A plain element: a custom-element name could be defined by the page first, which would then
  // run its own constructor on our host and open the closed root through ElementInternals.
  const host = doc.createElement(tag);
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host { ${HOST_STYLE}; }\n${COUNTERPOINT_CSS}\n${OVERLAY_CSS}\n${PRINT_HIDDEN_CSS}`;
  const mount = doc.createElement('div');
  mount.className = 'cp-theme';
  // The page's own scheme, not the system's: a white site keeps a light overlay.
  mount.dataset.theme = pageScheme(doc);
  shadow.append(style, mount);
  // Events a page script dispatches (it could only reach the host, but be sure) stop here,
  // before any handler inside runs.
  for (const type of GUARDED_EVENTS) {
    mount.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) event.stopImmediatePropagation();
      },
      true,
    );
  }
  return { host, mount };
}

/** Creates the overlay's host and its closed shadow root; the guide's is made when first drawn. */
export function createOverlay(doc: Document, requestFrame?: RequestFrame): OverlayHost {
  const main = createLayer(doc, 'div');
  doc.documentElement.append(main.host);
  let guideLayer: Layer | null = null;
  let guideParent: { headline: Element; parent: Element } | null = null;
  let destroyed = false;
  let drawn: OverlayState | null = null;
  /** The lowest the guide can be, told by the guide's layer; the bottom corner keeps below it. */
  let guideReach: number | null = null;
  let redrawDue = false;

  const renderMain = (state: OverlayState): void =>
    render(h(PageOverlay, { ...state, guide: null, guideReach }), main.mount);
  // Told while the guide's layer is drawn: the corner is drawn again after that, once.
  const onGuideReach = (reach: number | null): void => {
    if (reach === guideReach) return;
    guideReach = reach;
    if (redrawDue) return;
    redrawDue = true;
    queueMicrotask(() => {
      redrawDue = false;
      if (!destroyed && drawn && (drawn.welcome || drawn.notesMissing)) renderMain(drawn);
    });
  };

  const ownHosts = (): HTMLElement[] => (guideLayer ? [main.host, guideLayer.host] : [main.host]);

  function renderGuide(state: OverlayState): void {
    if (state.guide === null) {
      if (guideLayer) {
        render(null, guideLayer.mount);
        guideLayer.host.remove();
      }
      return;
    }
    guideLayer ??= createLayer(doc, 'span');
    // Decided once per headline (and never moved after): moving a node takes the focus out of it.
    if (guideParent?.headline !== state.guide.reference) {
      guideLayer.host.remove();
      const headline = state.guide.reference;
      guideParent = { headline, parent: guideHostParent(headline) ?? doc.documentElement };
    }
    if (!guideLayer.host.isConnected) guideParent.parent.append(guideLayer.host);
    render(
      h(PageOverlay, {
        guide: state.guide,
        adder: null,
        toast: null,
        shortcuts: state.shortcuts,
        onGuideReach,
        ...(requestFrame ? { requestFrame } : {}),
      }),
      guideLayer.mount,
    );
  }

  return {
    render(state) {
      if (destroyed) return;
      drawn = state;
      renderMain(state);
      renderGuide(state);
    },
    isHost: (node) => ownHosts().some((host) => node === host),
    guideBox: () => {
      if (!guideLayer?.host.isConnected) return null;
      // Beside the article's column, or (where the site's sidebar takes that room) above the
      // column's right end: popovers keep clear of it either way.
      return guideLayer.mount.querySelector('.cp-guide-box')?.getBoundingClientRect() ?? null;
    },
    contains: (event) => {
      const path = event.composedPath();
      return ownHosts().some((host) => path.includes(host));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      render(null, main.mount);
      main.host.remove();
      if (guideLayer) {
        render(null, guideLayer.mount);
        guideLayer.host.remove();
      }
    },
  };
}
