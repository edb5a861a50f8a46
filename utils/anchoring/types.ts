/**
 * The public shapes of the anchoring engine: W3C Web Annotation selectors in, DOM places out.
 * https://www.w3.org/TR/annotation-model/#selectors
 */

/** A passage described by its exact text and a little text on either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** A passage described by character offsets into the root's visible text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The selectors the engine understands. Unknown types are ignored, never thrown on. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/** How well a passage was found again. */
export type MatchQuality = 'exact' | 'fuzzy';

/**
 * Where a passage lies in the page's text nodes, as plain values (a StaticRange's four fields).
 * Unlike a live `Range`, the browser does no work for it when the page changes: it is only
 * right while the text nodes are as they were when it was taken.
 */
export interface TextSpan {
  readonly startContainer: Text;
  readonly startOffset: number;
  readonly endContainer: Text;
  readonly endOffset: number;
}

/**
 * A passage found again in the page. `score` is 1 for an exact match, lower for a fuzzy one.
 * `range` is made on its first read, so a caller that keeps only the `span` keeps no live
 * range: a browser updates every live range on each change of the page until it is collected,
 * which makes the page's own DOM work slower with every range held.
 */
export interface Anchored {
  status: 'anchored';
  span: TextSpan;
  /** The passage as a live DOM Range, made when first read (the same one on every read). */
  readonly range: Range;
  quality: MatchQuality;
  score: number;
}

/** A passage that could not be placed with confidence; the reason is for logs and the UI. */
export interface Orphan {
  status: 'orphan';
  reason: OrphanReason;
}

/** Why a passage is an orphan. */
export type OrphanReason =
  | 'no-selector'
  | 'empty-quote'
  /** A selector of a known type with unusable fields (negative or reversed offsets…). */
  | 'invalid-selector'
  /** The root is not an element. */
  | 'invalid-root'
  | 'detached-root'
  | 'not-found'
  | 'below-threshold'
  | 'ambiguous';

/** The result of anchoring one target. */
export type AnchorResult = Anchored | Orphan;

/** One passage to anchor, with the caller's id. */
export interface AnchorTarget {
  id: string;
  selectors: readonly Selector[];
}

/** The result of describing a range: its selectors, or why it cannot be described. */
export type DescribeResult =
  | { ok: true; selectors: [TextQuoteSelector, TextPositionSelector] }
  | {
      ok: false;
      reason:
        | 'empty-range'
        | 'outside-root'
        | 'in-ignored-node'
        | 'detached-root'
        /** Not a Range, or a Range the DOM refused to read. */
        | 'invalid-range';
    };

/** Options shared by describe and anchor. */
export interface AnchoringOptions {
  /** Nodes whose text is never part of the page's text (our own UI). Hidden text is always skipped. */
  ignore?: (node: Node) => boolean;
}
