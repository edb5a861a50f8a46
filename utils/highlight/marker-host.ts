/**
 * Keyboard-reachable markers placed inline, right after a highlighted passage.
 *
 * Custom highlights cannot take focus, so each passage gets a real `<button>` that Tab reaches in
 * reading order. It lives in a closed shadow root on a zero-size inline host element:
 *
 * - the host is an element with a custom tag name, which the page's `span`/`button`/`a` rules do
 *   not match; the rules that can still reach it (`*`, `p > *`) are overridden from inside the
 *   shadow root with `:host { … !important }`, which by the cascade beats even the page's
 *   `!important` rules;
 * - the button is absolutely positioned at its static position, so it is drawn after the passage
 *   but takes no room in the line; the host has no in-flow content and so no width;
 * - the closed shadow root keeps the button, its listeners and its styles out of reach of the
 *   page's scripts and style sheets.
 *
 * The host is inserted after the last character of the passage, splitting a text node only when the
 * passage ends inside one; the split is recorded in the shared registry and undone on removal.
 */

import { PRINT_HIDDEN_CSS } from './host-style';
import { type OwnNodeRegistry, sharedOwnNodes } from './own-nodes';
import { glyphOf, type HighlightStyle, inkOf, resolveStyle } from './styles';

/** What a marker shows and does. */
export interface MarkerOptions {
  /** The accessible name, e.g. "Claim: misleading. Open context". */
  label: string;
  /**
   * The tooltip naming the verdict (also the accessible description); by default the label's
   * first sentence, e.g. "Claim: misleading".
   */
  tooltip?: string;
  kind: 'claim' | 'note';
  /** The highlight's style token; picks the badge's colour and glyph. */
  style: string;
  /** Called on click, Enter and Space (a native button's activation). */
  onActivate: (button: HTMLButtonElement) => void;
  onFocus?: (button: HTMLButtonElement) => void;
  onBlur?: (button: HTMLButtonElement) => void;
  /** Called with true when the pointer enters the badge and false when it leaves. */
  onHover?: (hovering: boolean, button: HTMLButtonElement) => void;
  /** The registry shared with the painter; defaults to the realm-wide `sharedOwnNodes`. */
  ownNodes?: OwnNodeRegistry;
  /** The page's own scheme (`page-scheme.ts`), not the system's: light by default. */
  scheme?: 'light' | 'dark';
}

/** A marker on the page. */
export interface Marker {
  /** The inline host element in the page's DOM (registered as an own node). */
  host: HTMLElement;
  /** The button inside the closed shadow root. */
  button: HTMLButtonElement;
  /** Mirrors the popover's state in `aria-expanded`. */
  setExpanded(expanded: boolean): void;
  /** Takes the marker out and undoes the text split it needed, if any. */
  remove(): void;
}

/**
 * Tag of the host element: a plain `span`, never a custom-element name. A page that defines a
 * custom element first runs its own constructor on every element of that name and keeps its
 * `ElementInternals`, whose `shadowRoot` opens even a closed root; a built-in element cannot be
 * taken over that way. The page's `span` rules are overridden from inside (`:host … !important`).
 */
const HOST_TAG = 'span';

/** Every marker host made in this realm, to tell them apart from the painter's own spans. */
const markerHosts = new WeakSet<Node>();

/** Events that should not bubble out to the page's handlers (which could act on the click). */
const CONTAINED_EVENTS = [
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
] as const;

/**
 * Keeps a marker's own events from the page's handlers. The keys that press the button stay with
 * it; any other key (Escape to close the popover, the claim-stepping shortcuts) goes on to the
 * page's document as usual. One function for every marker.
 */
function containEvent(event: Event): void {
  const key = (event as Partial<KeyboardEvent>).key;
  if (typeof key === 'string' && key !== 'Enter' && key !== ' ') return;
  event.stopPropagation();
}

/** Inserts a marker right after the end of `range`. */
export function insertMarker(doc: Document, range: Range, options: MarkerOptions): Marker {
  const ownNodes = options.ownNodes ?? sharedOwnNodes;
  const style: HighlightStyle =
    options.kind === 'note' ? 'note' : resolveStyle('claims', options.style);

  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', options.label);
  button.title = options.tooltip ?? options.label.split('. ')[0] ?? options.label;
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  button.dataset.kind = options.kind;
  button.dataset.scheme = options.scheme ?? 'light';
  const glyph = doc.createElement('span');
  glyph.className = 'badge';
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = glyphOf(style);
  button.append(glyph);
  // One parsed style sheet serves every marker; only the colours differ, as custom properties.
  button.style.setProperty('--cp-ink', inkOf(style, 'light'));
  button.style.setProperty('--cp-ink-dark', inkOf(style, 'dark'));
  if (!adoptSharedSheet(doc, shadow)) {
    const sheet = doc.createElement('style');
    sheet.textContent = MARKER_CSS;
    shadow.append(sheet);
  }
  shadow.append(button);

  for (const type of CONTAINED_EVENTS) button.addEventListener(type, containEvent);
  // Only the reader's own input acts: a page script can dispatch a click, not make it trusted.
  button.addEventListener('click', (event) => {
    if (event.isTrusted) options.onActivate(button);
  });
  button.addEventListener('focus', () => options.onFocus?.(button));
  button.addEventListener('blur', () => options.onBlur?.(button));
  button.addEventListener('pointerenter', (event) => {
    if (event.isTrusted) options.onHover?.(true, button);
  });
  button.addEventListener('pointerleave', (event) => {
    if (event.isTrusted) options.onHover?.(false, button);
  });

  const { parent, before } = insertionPoint(range, ownNodes);
  parent.insertBefore(host, before);
  ownNodes.add(host);
  markerHosts.add(host);

  let removed = false;
  return {
    host,
    button,
    setExpanded(expanded) {
      button.setAttribute('aria-expanded', String(expanded));
    },
    remove() {
      if (removed) return;
      removed = true;
      host.remove();
      ownNodes.delete(host);
      // Rejoins the split made for this marker (and any other that is now whole again).
      ownNodes.rejoinSplits();
    },
  };
}

/** Where the host goes: just after the passage's last character, outside our own wrappers. */
function insertionPoint(
  range: Range,
  ownNodes: OwnNodeRegistry,
): { parent: Node; before: Node | null } {
  const last = lastTextPoint(range, ownNodes);
  let parent: Node;
  let before: Node | null;
  const interactive = last ? outermostInteractiveAncestor(last.text) : null;
  if (interactive?.parentNode) {
    // A button inside a link or a label is invalid nesting and confuses screen readers (and a
    // click could reach the link): the marker goes right after the link instead.
    parent = interactive.parentNode;
    before = interactive.nextSibling;
  } else if (last) {
    const { text } = last;
    const offset = endOfWord(text.data, last.offset);
    const tail = offset < text.length ? ownNodes.splitText(text, offset) : text.nextSibling;
    // text.parentNode is non-null: lastTextPoint only returns text nodes that have a parent.
    parent = text.parentNode!;
    before = tail;
  } else {
    parent = range.endContainer;
    before = range.endContainer.childNodes[range.endOffset] ?? null;
    if (range.endContainer.nodeType === 3) {
      // A range ending inside text that holds only whitespace: after that text node.
      parent = range.endContainer.parentNode ?? range.endContainer;
      before = range.endContainer.nextSibling;
    }
  }
  // Step out of the painter's wrappers when at their end, so the host never sits inside one.
  while (before === null && ownNodes.has(parent) && parent.parentNode) {
    before = parent.nextSibling;
    parent = parent.parentNode;
  }
  return { parent, before };
}

/**
 * Moves an insertion offset on to the end of the word (and its punctuation). Browsers shape text
 * run by run: an element between "summer" and "." drops their kerning and nudges the rest of the
 * line by up to a pixel. Between a word and a space there is no kerning to lose, and the marker
 * reads better after the full stop anyway.
 */
function endOfWord(data: string, offset: number): number {
  let end = offset;
  while (end < data.length && !/\s/.test(data.charAt(end))) end++;
  return end;
}

/** Elements a button must not be nested in. */
const INTERACTIVE = new Set(['a', 'button', 'label', 'summary', 'select', 'textarea']);

function outermostInteractiveAncestor(node: Node): Element | null {
  let found: Element | null = null;
  for (let up = node.parentElement; up; up = up.parentElement) {
    if (INTERACTIVE.has(up.localName)) found = up;
  }
  return found;
}

/**
 * The end of the last visible text in the range. A passage often ends at offset 0 of the next
 * paragraph or after trailing whitespace; the marker belongs after the words, not there.
 */
function lastTextPoint(
  range: Range,
  ownNodes: OwnNodeRegistry,
): { text: Text; offset: number } | null {
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  let found: { text: Text; offset: number } | null = null;
  const consider = (node: Node) => {
    if (node.nodeType !== 3 || !node.parentNode || !range.intersectsNode(node)) return;
    const text = node as Text;
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.length;
    if (from >= to || text.data.slice(from, to).trim() === '') return;
    for (let up = text.parentNode; up; up = up.parentNode) {
      // Text inside another marker's host (never the case today) is not the passage's text.
      if (ownNodes.has(up) && markerHosts.has(up)) return;
    }
    found = { text, offset: to };
  };
  if (root.nodeType === 3) consider(root);
  else {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) consider(node);
  }
  return found;
}

/**
 * The markers' style sheet; each button sets its own --cp-ink and --cp-ink-dark. Its notes are
 * script comments between the rules, so the minifier drops them and they never ship.
 */
const MARKER_CSS = [
  `:host {
  display: inline !important;
  position: static !important;
  float: none !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 none !important;
  font: inherit !important;
  line-height: inherit !important;
  letter-spacing: inherit !important;
  word-spacing: inherit !important;
  vertical-align: baseline !important;
  transform: none !important;
}`,
  ':host::before, :host::after { content: none !important; display: none !important; }',
  // The button is out of flow at its static position: drawn after the passage, taking no room
  // in the line; above the passage's text, below the site's own sticky headers and menus.
  // It is the hit target, 24 px square (WCAG 2.2 target size), transparent. Its static position
  // is the top of the line box, so it reaches down into its own line and never up into the
  // line above; it starts a few pixels back, over the passage's own last letters.
  `button {
  all: initial;
  position: absolute;
  z-index: 1;
  font-size: inherit;
  box-sizing: border-box;
  min-width: 24px;
  height: 24px;
  margin: 0 0 0 -5px;
  padding: 0 0 0 5px;
  border: 0;
  background: transparent;
  display: inline-flex;
  align-items: flex-start;
  justify-content: flex-start;
  cursor: pointer;
  user-select: none;
  -webkit-user-select: none;
  outline: none;
}`,
  // The visible badge: small, at the top of the line, so it hides little of the text.
  `.badge {
  box-sizing: border-box;
  min-width: 1.15em;
  height: 1.15em;
  padding: 0 0.2em;
  margin-top: 1px;
  border-radius: 0.6em;
  border: 1.5px solid var(--cp-ink);
  background: #ffffff;
  color: var(--cp-ink);
  font: 700 max(10px, 0.62em) / 1 system-ui, sans-serif;
  display: inline-flex;
  align-items: center;
  justify-content: center;
}`,
  'button:hover .badge { background: var(--cp-ink); color: #ffffff; }',
  'button:focus-visible .badge { outline: 3px solid var(--cp-ink); outline-offset: 2px; }',
  // Dark marks on a dark page, whatever the system theme: a white site keeps light ones.
  "button[data-scheme='dark'] .badge { background: #1e1e1e; color: var(--cp-ink-dark); border-color: var(--cp-ink-dark); }",
  "button[data-scheme='dark']:hover .badge { background: var(--cp-ink-dark); color: #111111; }",
  "button[data-scheme='dark']:focus-visible .badge { outline-color: var(--cp-ink-dark); }",
  `@media (forced-colors: active) {
  .badge { border-color: ButtonText; color: ButtonText; background: ButtonFace; }
  button:focus-visible .badge { outline-color: Highlight; }
}`,
  PRINT_HIDDEN_CSS,
].join('\n');

const sharedSheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * Adopts the one shared marker sheet into a shadow root. Returns false where constructed sheets
 * cannot be shared (some content-script worlds refuse them), and the caller falls back to a
 * <style> element.
 */
function adoptSharedSheet(doc: Document, shadow: ShadowRoot): boolean {
  let sheet = sharedSheets.get(doc);
  if (sheet === undefined) {
    sheet = null;
    try {
      const view = doc.defaultView;
      if (view && 'CSSStyleSheet' in view && 'adoptedStyleSheets' in shadow) {
        const constructed = new view.CSSStyleSheet();
        constructed.replaceSync(MARKER_CSS);
        sheet = constructed;
      }
    } catch {
      sheet = null;
    }
    sharedSheets.set(doc, sheet);
  }
  if (!sheet) return false;
  try {
    shadow.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    sharedSheets.set(doc, null);
    return false;
  }
}
