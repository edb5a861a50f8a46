/**
 * The popover frame's page-side half: one extension-origin `<iframe>` (`popover.html`) in a
 * closed shadow root on a plain `div`, placed next to the passage it is about, and the private
 * channel to it.
 *
 * The channel: the frame gets a random secret as its browsing-context name (which the page can
 * neither read across origins nor reach, the iframe being inside a closed root); once the frame
 * has loaded, a `MessageChannel` port is posted to it, addressed to the extension's origin only,
 * together with that secret. The frame accepts the first port that comes with its secret and
 * ignores every other message, so the page can neither listen to nor forge what passes here.
 * What passes is ids and page text only: the frame reads note text from the background itself.
 *
 * Placement: beside the passage (flipping and shifting to stay in the viewport, and left of the
 * reading guide where it sits beside the article) on a roomy window; as a sheet along the bottom of a short or narrow one (a phone, or 200 % zoom), so the
 * popover is never a slit. The iframe's height follows the frame's own reports of its content.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { hostStyle, PRINT_HIDDEN_CSS } from '../highlight/host-style';
import { pageScheme } from '../highlight/page-scheme';
import {
  asPanelEvent,
  PANEL_CONNECT,
  type PanelCommand,
  type PanelEvent,
  type PanelView,
} from '../messaging/panel-protocol';
import type { AboutEntry } from '../packs/types';

/** Something on the page to sit next to: a Range, an element, or a fixed point. */
export interface PanelReference {
  getBoundingClientRect(): DOMRect;
  getClientRects?(): DOMRectList | DOMRect[];
}

/** How a view is shown. */
export interface ShowOptions {
  reference: PanelReference | null;
  /** Move focus into the popover (keyboard and click: yes; hover: no). */
  focus: boolean;
  about?: readonly AboutEntry[];
  lastReviewed?: string;
  /** The article's address without its fragment, for claim popovers. */
  articleUrl?: string;
}

/** The frame on one page. */
export interface PanelFrame {
  show(view: PanelView, options: ShowOptions): void;
  hide(): void;
  /** Whether a view is shown. */
  isOpen(): boolean;
  /** True for the host element (the only node of the frame in the page's DOM). */
  isHost(node: Node): boolean;
  /** Whether an event happened on the frame's box. */
  contains(event: Event): boolean;
  destroy(): void;
}

/** What the frame needs. */
export interface PanelFrameDependencies {
  doc: Document;
  /** The address of `popover.html` (`runtime.getURL`). */
  frameUrl: string;
  /**
   * The origin the frame's page runs in, the only one the port is posted to. In Chrome a
   * dynamic address (`use_dynamic_url`) still loads a page of the extension's own origin.
   */
  frameOrigin: string;
  onEvent(event: PanelEvent): void;
  /** The pointer entered (true) or left (false) the popover. */
  onPointer?(inside: boolean): void;
  /** What a popover beside its passage keeps clear of, where it can (the reading guide). */
  keepClear?(): DOMRect | null;
}

/** Below either size, the popover is a sheet along the bottom of the window. */
export const SHEET_BELOW = { width: 560, height: 560 } as const;

/** The share of the window's height a sheet may take at most. */
const SHEET_SHARE = 0.72;

/**
 * The highest a sheet's top edge can be in a window of this size, or null where popovers sit
 * beside their passage: what is above it (the reading guide, docked there) stays uncovered.
 */
export function sheetTop(viewport: { width: number; height: number }): number | null {
  if (viewport.width >= SHEET_BELOW.width && viewport.height >= SHEET_BELOW.height) return null;
  return viewport.height - 8 - Math.max(120, Math.round(viewport.height * SHEET_SHARE));
}

/**
 * At the document's origin, above the page's own layers: a popover beside its passage is placed
 * in document coordinates, so the page's scrolling carries it (moved from scroll events, it
 * lagged, and Firefox warned of a "scroll-linked positioning effect"); a sheet is fixed.
 */
const HOST_STYLE = hostStyle('absolute', ['z-index: 2147483647']);

const FRAME_CSS = `
:host { ${HOST_STYLE}; }
.box {
  position: absolute; left: 0; top: 0; box-sizing: border-box;
  width: min(400px, calc(100vw - 16px));
  border-radius: 8px; overflow: hidden;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.28), 0 1px 3px rgba(0, 0, 0, 0.2);
  visibility: hidden;
}
.box.pinned { position: fixed; }
.box.sheet { left: 8px !important; right: 8px; top: auto !important; bottom: 8px; width: auto; }
.box.open { visibility: visible; }
iframe {
  display: block; width: 100%; height: 0; border: 0; margin: 0; padding: 0;
  color-scheme: light dark; background: transparent;
}
@media print { .box { display: none; } }
`;

/** Creates the host and starts loading the frame, so the first popover opens at once. */
export function createPanelFrame(deps: PanelFrameDependencies): PanelFrame {
  const { doc } = deps;
  const view = doc.defaultView ?? window;
  const frameOrigin = deps.frameOrigin;
  const secret = randomSecret(view);

  const host = doc.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `${FRAME_CSS}\n${PRINT_HIDDEN_CSS}`;
  const box = doc.createElement('div');
  box.className = 'box';
  const iframe = doc.createElement('iframe');
  iframe.name = secret;
  iframe.title = 'Counterpoint';
  iframe.setAttribute('allowtransparency', 'true');
  // "Copy link to this claim" writes to the clipboard from the frame, which a cross-origin frame
  // may do only when its embedder delegates the permission: to our origin alone, named (Chromium
  // does not match the default 'src' to an extension origin). Only writing: the frame never reads.
  iframe.setAttribute('allow', `clipboard-write ${frameOrigin}`);
  iframe.src = deps.frameUrl;
  box.append(iframe);
  shadow.append(style, box);
  doc.documentElement.append(host);

  const listeners = new AbortController();
  let port: MessagePort | null = null;
  let ready = false;
  let queued: PanelCommand[] = [];
  let serial = 0;
  let open = false;
  let wantFocus = false;
  let focusGiven = false;
  let contentHeight = 0;
  let availableHeight = Number.POSITIVE_INFINITY;
  let stopPlacing: (() => void) | null = null;
  let destroyed = false;

  const post = (command: PanelCommand): void => {
    if (ready && port) port.postMessage(command);
    else if (command.type === 'show' || command.type === 'hide') {
      // Only the latest view matters while the frame loads.
      queued = [command];
    }
  };

  const connect = (): void => {
    const target = iframe.contentWindow;
    if (!target || destroyed) return;
    port?.close();
    ready = false;
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (message: MessageEvent) => receive(message.data);
    target.postMessage({ type: PANEL_CONNECT, secret }, frameOrigin, [channel.port2]);
  };
  // A load is the frame's page arriving (or, if someone navigated the frame, a page that is not
  // ours: the post above is addressed to our origin alone, so it would never be delivered).
  iframe.addEventListener('load', connect, { signal: listeners.signal });

  function receive(data: unknown): void {
    const event = asPanelEvent(data);
    if (!event || destroyed) return;
    if (event.type === 'ready') {
      ready = true;
      const pending = queued;
      queued = [];
      for (const command of pending) port?.postMessage(command);
      return;
    }
    if (event.type === 'size') {
      if (event.serial !== serial || !open) return;
      contentHeight = Math.ceil(event.height);
      applyHeight();
      box.classList.add('open');
      if (wantFocus && !focusGiven) {
        focusGiven = true;
        // The popover sits in the document now: focusing it must not scroll the page to it.
        iframe.focus({ preventScroll: true });
        post({ type: 'focus' });
      }
      return;
    }
    if (event.type === 'pointer') {
      // The frame sees the pointer inside it; the page's side does not.
      deps.onPointer?.(event.inside);
      return;
    }
    deps.onEvent(event);
  }

  function applyHeight(): void {
    const height = Math.min(contentHeight, Math.max(120, availableHeight));
    iframe.style.height = `${height}px`;
  }

  function isSheet(): boolean {
    return view.innerWidth < SHEET_BELOW.width || view.innerHeight < SHEET_BELOW.height;
  }

  function place(reference: PanelReference | null): void {
    stopPlacing?.();
    stopPlacing = null;
    if (isSheet() || reference === null) {
      box.classList.toggle('sheet', isSheet());
      box.classList.add('pinned');
      if (!isSheet()) {
        // No place on the page (the notes list, an unplaced note): near the top, centred.
        box.style.left = `${Math.max(8, Math.round(view.innerWidth / 2 - 200))}px`;
        box.style.top = '16px';
        availableHeight = view.innerHeight - 32;
      } else {
        availableHeight = Math.round(view.innerHeight * SHEET_SHARE);
      }
      applyHeight();
      return;
    }
    box.classList.remove('sheet', 'pinned');
    const anchor = {
      getBoundingClientRect: () => reference.getBoundingClientRect(),
      ...(reference.getClientRects
        ? { getClientRects: () => reference.getClientRects?.() ?? [] }
        : {}),
    };
    const update = (): void => {
      // The reading guide beside the article, right of the passage: the popover stays left of it.
      const clear = deps.keepClear?.();
      const passage = anchor.getBoundingClientRect();
      const right =
        clear && clear.width > 0 && clear.left > passage.left
          ? Math.max(8, view.innerWidth - clear.left + 8)
          : 8;
      void computePosition(anchor, box, {
        strategy: 'absolute',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: { top: 8, bottom: 8, left: 8, right } }),
          size({
            padding: 8,
            apply({ availableHeight: room }) {
              availableHeight = Math.floor(room);
              applyHeight();
            },
          }),
        ],
      }).then(({ x, y }) => {
        box.style.left = `${Math.round(x)}px`;
        box.style.top = `${Math.round(y)}px`;
      });
    };
    stopPlacing = autoUpdate(anchor as Parameters<typeof autoUpdate>[0], box, update, {
      ancestorScroll: false,
    });
  }

  box.addEventListener(
    'pointerenter',
    (event) => {
      if (event.isTrusted) deps.onPointer?.(true);
    },
    { signal: listeners.signal },
  );
  box.addEventListener(
    'pointerleave',
    (event) => {
      if (event.isTrusted) deps.onPointer?.(false);
    },
    { signal: listeners.signal },
  );
  view.addEventListener(
    'resize',
    () => {
      if (open) place(lastReference);
    },
    { signal: listeners.signal, passive: true },
  );

  let lastReference: PanelReference | null = null;

  return {
    show(panelView, options) {
      if (destroyed) return;
      // The page's own scheme, which the popover follows; the frame's canvas matches it.
      const scheme = pageScheme(doc);
      iframe.style.colorScheme = scheme;
      serial++;
      // A view that replaces one holding the reader's focus (the editor opened from a claim's
      // "Add note to this claim") keeps the frame shown: hidden for a moment, the focused frame
      // would lose focus, and the caret would be the page's to give back.
      const keepShown = open && doc.activeElement === host;
      open = true;
      wantFocus = options.focus;
      focusGiven = false;
      if (!keepShown) box.classList.remove('open');
      lastReference = options.reference;
      place(options.reference);
      post({
        type: 'show',
        view: panelView,
        focus: options.focus,
        serial,
        ...(options.about ? { about: options.about } : {}),
        ...(options.lastReviewed ? { lastReviewed: options.lastReviewed } : {}),
        ...(options.articleUrl ? { articleUrl: options.articleUrl } : {}),
        scheme,
      });
    },
    hide() {
      if (!open) return;
      open = false;
      serial++;
      stopPlacing?.();
      stopPlacing = null;
      box.classList.remove('open');
      iframe.style.height = '0px';
      post({ type: 'hide' });
    },
    isOpen: () => open,
    isHost: (node) => node === host,
    contains: (event) => event.composedPath().includes(host),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopPlacing?.();
      listeners.abort();
      port?.close();
      host.remove();
    },
  };
}

/** 128 random bits as hex; `getRandomValues` works on `http:` pages too. */
function randomSecret(view: Window): string {
  const bytes = new Uint8Array(16);
  (view.crypto ?? crypto).getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
