/**
 * What the extras bundle carries: the parts of anchoring and painting that few pages need, kept
 * out of the content script that runs on every article (`ui-loader.ts` says how they meet).
 */
import { anchorInFullText } from '../anchoring/anchor';
import { createFallbackBackend } from '../highlight/fallback-wrapper';
import type { ContentExtras } from './ui-loader';

/** The full matcher and the wrapping fallback, as the layers take them. */
export const CONTENT_EXTRAS: ContentExtras = { anchorInFullText, createFallbackBackend };
