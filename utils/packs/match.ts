/**
 * Which installed context pack, if any, describes the page: by host, headline and a sketch of
 * the text — never by the URL's numeric id, which is not known for every copy of an article.
 */
import type { PackArticle } from './types';

/** What the content script reports about a page. */
export interface PageIdentity {
  hostname: string;
  headline: string;
  fingerprint: readonly string[];
}

/** Compares two text sketches, 0 (unrelated) to 1 (same text). */
export type SimilarityFunction = (a: readonly string[], b: readonly string[]) => number;

/** A headline reduced to its words, so typography and case do not matter. */
export function normaliseHeadline(headline: string): string {
  return headline
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Text similarity that identifies an article on its own, without the headline. */
const SIMILAR_TEXT = 0.6;
/** Text similarity that confirms a matching headline (the text may carry ads or edits). */
const CONFIRMING_TEXT = 0.25;

/** The pack article that matches the page, or null. */
export function matchPackArticle<T extends { article: PackArticle }>(
  packs: readonly T[],
  page: PageIdentity,
  similarity: SimilarityFunction,
): T | null {
  const host = page.hostname.toLowerCase().replace(/^www\./, '');
  const headline = normaliseHeadline(page.headline);
  let best: { pack: T; score: number } | null = null;
  for (const pack of packs) {
    const recognise = pack.article.recognise;
    if (!recognise.hosts.includes(host)) continue;
    const textScore = similarity(page.fingerprint, recognise.fingerprint);
    const sameHeadline = headline !== '' && headline === normaliseHeadline(recognise.headline);
    const matches = textScore >= SIMILAR_TEXT || (sameHeadline && textScore >= CONFIRMING_TEXT);
    if (!matches) continue;
    const score = textScore + (sameHeadline ? 1 : 0);
    if (!best || score > best.score) best = { pack, score };
  }
  return best?.pack ?? null;
}
