/**
 * What the extras bundle carries: the parts of anchoring and painting that few pages need, kept
 * out of the content script that runs on every article (`ui-loader.ts` says how they meet), and
 * the describing of a selection, loaded when the reader first adds a note.
 */
import { anchorInFullText } from '../anchoring/anchor';
import { describe } from '../anchoring/describe';
import { createFallbackBackend } from '../highlight/fallback-wrapper';
import type { ContentExtras } from './ui-loader';

/**
 * The full matcher and the wrapping fallback, as the layers take them, and the describing of a
 * selection (the in-page UI is given it, so it carries no second copy of the text model).
 */
export const CONTENT_EXTRAS: ContentExtras = { anchorInFullText, createFallbackBackend, describe };
