/**
 * Page-side half of `painter.chromium.test.ts`: bundled with the painter into one script that the
 * test loads into a real page, then driven by short `page.evaluate` calls. Not part of the
 * extension. It measures layout, serialises the DOM and exercises the public API as a content
 * script would.
 */

import { createOwnNodeRegistry, createPainter, insertMarker, type Marker, type Painter } from '.';

/** Quotes from the test article that get highlighted, with their layer and style. */
const CLAIMS = [
  {
    id: 'claim-discharges',
    quote: 'sewage discharges fell by 40% in two years',
    style: 'misleading',
  },
  { id: 'claim-spills', quote: 'Campaigners counted 301 spills last summer', style: 'supported' },
  { id: 'claim-trust', quote: 'a question of trust', style: 'opinion' },
];
/** A claim over part of another's text, painted without a marker. */
const OVERLAPPING = [
  { id: 'claim-figure', quote: 'in two years, a figure the regulator', style: 'unsupported' },
];

interface ProbeState {
  painter: Painter | null;
  markers: Marker[];
  activations: string[];
  originalTexts: Text[];
}

const state: ProbeState = { painter: null, markers: [], activations: [], originalTexts: [] };

function article(): HTMLElement {
  const found = document.querySelector('article');
  if (!found) throw new Error('the test page has no article');
  return found;
}

/** Visible text nodes (not scripts or styles), in document order. */
function visibleTexts(): Text[] {
  const walker = document.createTreeWalker(article(), NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent !== 'script' && parent !== 'style') found.push(node as Text);
  }
  return found;
}

/** A range over the first occurrence of `quote`, by character offsets over the visible text. */
function rangeOfQuote(quote: string): Range {
  const texts = visibleTexts();
  const whole = texts.map((text) => text.data).join('');
  const start = whole.indexOf(quote);
  if (start < 0) throw new Error(`quote not found: ${quote}`);
  const end = start + quote.length;
  const range = document.createRange();
  let seen = 0;
  for (const text of texts) {
    const next = seen + text.length;
    if (start >= seen && start < next) range.setStart(text, start - seen);
    if (end > seen && end <= next) range.setEnd(text, end - seen);
    seen = next;
  }
  return range;
}

/** A box as left, top, width, height, in CSS pixels of the viewport. */
export type Box = [left: number, top: number, width: number, height: number];

function box(rect: DOMRect): Box {
  return [rect.left, rect.top, rect.width, rect.height];
}

/** Positions of every element, and of every word, plus the document's scroll size. */
function measure(): { elements: Box[]; words: Box[]; scroll: number[] } {
  const elements = Array.from(article().querySelectorAll('*'))
    .filter((element) => !state.painter?.isOwnNode(element))
    .map((element) => box(element.getBoundingClientRect()));
  const words: Box[] = [];
  const texts = visibleTexts();
  const whole = texts.map((text) => text.data).join('');
  for (const match of whole.matchAll(/\S+/g)) {
    const word = match[0];
    // Re-find by offset each time: in fallback mode the text nodes are split differently.
    let seen = 0;
    const range = document.createRange();
    const start = match.index;
    const end = start + word.length;
    for (const text of texts) {
      const next = seen + text.length;
      if (start >= seen && start < next) range.setStart(text, start - seen);
      if (end > seen && end <= next) range.setEnd(text, end - seen);
      seen = next;
    }
    // The word's overall box: its per-node boxes differ once its text is split, its extent not.
    words.push(box(range.getBoundingClientRect()));
  }
  const root = document.documentElement;
  return { elements, words, scroll: [root.scrollWidth, root.scrollHeight] };
}

/** Everything the painting run reports back to the test. */
export interface PaintReport {
  mode: string;
  highlightNames: string[];
  adoptedSheets: number;
  hostBoxes: Box[];
  buttonBoxes: Box[];
  hostsAreOwn: boolean;
  rangesKeepText: boolean;
}

const probe = {
  /** Remembers the page's text nodes, to check later that the very same objects are back. */
  rememberTextNodes(): number {
    state.originalTexts = visibleTexts();
    return state.originalTexts.length;
  },
  /** True when the article has the same text node objects, with the same contents, as before. */
  sameTextNodes(): boolean {
    const now = visibleTexts();
    return (
      now.length === state.originalTexts.length &&
      now.every((text, index) => text === state.originalTexts[index])
    );
  },
  serialise(): string {
    return document.documentElement.outerHTML;
  },
  measure,
  /** Paints the claims and inserts a marker after each but the overlapping one. */
  paint(forceFallback: boolean): PaintReport {
    const ownNodes = createOwnNodeRegistry();
    const painter = createPainter(document, { forceFallback, ownNodes });
    state.painter = painter;
    const claims = CLAIMS.map((claim) => ({ ...claim, range: rangeOfQuote(claim.quote) }));
    const overlapping = OVERLAPPING.map((item) => ({ ...item, range: rangeOfQuote(item.quote) }));
    painter.paint([...claims, ...overlapping]);
    state.markers = claims.map((claim) =>
      insertMarker(document, claim.range, {
        label: `Claim: ${claim.style}. Open context`,
        kind: 'claim',
        style: claim.style,
        ownNodes,
        onActivate: () => state.activations.push(claim.id),
      }),
    );
    const registry = window.CSS.highlights;
    return {
      mode: painter.mode,
      highlightNames: registry ? [...registry.keys()] : [],
      adoptedSheets: document.adoptedStyleSheets.length,
      hostBoxes: state.markers.map((marker) => box(marker.host.getBoundingClientRect())),
      buttonBoxes: state.markers.map((marker) => box(marker.button.getBoundingClientRect())),
      hostsAreOwn: state.markers.every((marker) => painter.isOwnNode(marker.host)),
      rangesKeepText: [...claims, ...overlapping].every(
        (item) => item.range.toString() === item.quote,
      ),
    };
  },
  /** Hit-tests the middle of the first box of a quote's text. */
  hitQuote(quote: string, characterIndex: number): string[] {
    const range = rangeOfQuote(quote);
    const texts = visibleTexts();
    const offsets = range.cloneRange();
    // Narrow to one character so the point is inside the text, not beside it.
    const whole = texts.map((text) => text.data).join('');
    const at = whole.indexOf(quote) + characterIndex;
    let seen = 0;
    for (const text of texts) {
      const next = seen + text.length;
      if (at >= seen && at < next) {
        offsets.setStart(text, at - seen);
        offsets.setEnd(text, at - seen + 1);
      }
      seen = next;
    }
    const rect = offsets.getBoundingClientRect();
    return state.painter?.hitTest(rect.left + rect.width / 2, rect.top + rect.height / 2) ?? [];
  },
  /** Hit-tests a point in the page margin, left of the article. */
  hitMargin(): string[] {
    const rect = article().getBoundingClientRect();
    return state.painter?.hitTest(Math.max(1, rect.left - 5), rect.top + 5) ?? [];
  },
  focusMarker(index: number): void {
    state.markers[index]?.button.focus();
  },
  /** What has focus, as the page sees it: our hosts show up as "marker N". */
  describeFocus(): string {
    const active = document.activeElement;
    const markerIndex = state.markers.findIndex((marker) => marker.host === active);
    if (markerIndex >= 0) return `marker ${markerIndex}`;
    return active ? `${active.localName}:${(active.textContent ?? '').trim().slice(0, 20)}` : '';
  },
  activations(): string[] {
    return state.activations.splice(0);
  },
  /** Removes markers and destroys the painter: what "highlights off" does. */
  teardown(): { highlights: number; adoptedSheets: number } {
    for (const marker of state.markers) marker.remove();
    state.markers = [];
    state.painter?.destroy();
    state.painter = null;
    return {
      highlights: window.CSS.highlights?.size ?? 0,
      adoptedSheets: document.adoptedStyleSheets.length,
    };
  },
};

/** The probe's shape, for the test's typed `evaluate` calls. */
export type Probe = typeof probe;

(window as unknown as { counterpointProbe: Probe }).counterpointProbe = probe;
