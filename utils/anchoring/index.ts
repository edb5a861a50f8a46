/**
 * The anchoring engine: W3C text selectors to DOM ranges and back, robust to the small changes
 * publishers make. Pure DOM code: no Preact, no extension API.
 */

export { anchor, anchorAll, type PreparedText, readText } from './anchor';
export { describe } from './describe';
export type {
  Anchored,
  AnchoringOptions,
  AnchorResult,
  AnchorTarget,
  DescribeResult,
  MatchQuality,
  Orphan,
  OrphanReason,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from './types';
