/**
 * The overlay's container: one element at the end of the document with a CLOSED shadow root, so
 * the page's scripts cannot reach into it (no note text is ever readable from the page) and the
 * page's CSS cannot style it. It takes no room: a zero-size box at the document's origin, so what
 * is placed inside scrolls with the page (the toast, fixed, stays in the viewport).
 *
 * This module and the Preact components it draws are part of the in-page UI bundle
 * (`entrypoints/content-ui.ts`), injected on demand so the content script itself stays small.
 */
import { h, render } from 'preact';
import type { OverlayHost } from '../../utils/annotator/overlay-state';
import { PRINT_HIDDEN_CSS } from '../../utils/highlight/host-style';
import { pageScheme } from '../../utils/highlight/page-scheme';
import { COUNTERPOINT_CSS } from '../styles';
import { OVERLAY_CSS, PageOverlay } from './PageOverlay';

/** Creates the host and its closed shadow root. */
export function createOverlay(doc: Document): OverlayHost {
  // A plain element: a custom-element name could be defined by the page first, which would then
  // run its own constructor on our host and open the closed root through ElementInternals.
  const host = doc.createElement('div');
  // One layer below the popover frame's host: where the two meet, the popover the reader opened
  // is on top, and the guide never piles over it.
  host.style.cssText =
    'position: absolute !important; left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483646 !important; display: block !important;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `${COUNTERPOINT_CSS}\n${OVERLAY_CSS}\n${PRINT_HIDDEN_CSS}`;
  const mount = doc.createElement('div');
  mount.className = 'cp-theme';
  // The page's own scheme, not the system's: a white site keeps a light overlay.
  mount.dataset.theme = pageScheme(doc);
  shadow.append(style, mount);
  // Only the reader's own input reaches our controls: events a page script dispatches (it could
  // only reach the host, but be sure) stop here, before any handler inside runs.
  for (const type of [
    'click',
    'keydown',
    'keyup',
    'input',
    'pointerdown',
    'pointerup',
    'mousedown',
  ]) {
    mount.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) event.stopImmediatePropagation();
      },
      true,
    );
  }
  doc.documentElement.append(host);
  let destroyed = false;
  return {
    render(state) {
      if (!destroyed) render(h(PageOverlay, state), mount);
    },
    isHost: (node) => node === host,
    contains: (event) => event.composedPath().includes(host),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      render(null, mount);
      host.remove();
    },
  };
}
