/**
 * A small sketch of an article's text that survives changes of markup, whitespace and typography
 * and a few inserted paragraphs (ads, notices), so a stored context pack can be matched to the page
 * in front of the reader even when the page's HTML is not the one the pack was written against.
 *
 * The sketch is a bottom-k MinHash: the text is normalised, cut into overlapping runs of words
 * (shingles), each run is hashed, and the k smallest distinct hashes are kept. Two sketches
 * estimate the Jaccard similarity of the two texts' shingle sets.
 */
import { isBlockElement, isOutsideProse } from '../anchoring/text-rules';
import { walkText } from '../anchoring/text-walk';

/** How many hashes a fingerprint keeps (k of the bottom-k sketch). */
export const FINGERPRINT_SIZE = 64;

/** How many consecutive words make one shingle. */
export const SHINGLE_WORDS = 5;

// Bounds the work on huge pages: an article is a few thousand words; beyond this many words the
// text is not an article we can match anyway, and the sketch of its start is as good as any.
const MAX_FINGERPRINT_WORDS = 50_000;

/**
 * The visible text of an article body: its paragraphs, one per line-pair (`\n\n`), whitespace
 * collapsed inside each, skipping scripts, styles, templates, form controls and `hidden` elements.
 * Inline markup (`<em>`, `<a>`, a drop-cap `<span>`) never splits a word.
 */
export function articleText(body: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const endParagraph = (): void => {
    const collapsed = current.replace(/\s+/g, ' ').trim();
    if (collapsed !== '') paragraphs.push(collapsed);
    current = '';
  };

  // The shared walk and text rules (utils/anchoring/): what is read, and where a line ends.
  walkText(body, {
    enter(element) {
      if (isOutsideProse(element)) return false;
      if (isBlockElement(element)) endParagraph();
      return true;
    },
    leave(element) {
      if (isBlockElement(element)) endParagraph();
    },
    text(node) {
      current += node.data;
      return undefined;
    },
  });
  endParagraph();
  return paragraphs.join('\n\n');
}

/**
 * Text reduced to what survives re-publication: NFKC, lower case, curly and straight quotes and
 * all dashes unified, apostrophes removed inside words, other punctuation dropped, whitespace
 * collapsed to single spaces.
 */
export function normaliseForFingerprint(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
      .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
      // "Biden's" and "Biden’s" must give one word, not "biden s" in one copy and "bidens" in another.
      .replace(/(\p{L})'(\p{L})/gu, '$1$2')
      .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** FNV-1a, 32-bit, over the UTF-16 code units of `text` from `start` to `end`: fast, stable across runs and engines. */
function fnv1a32(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The fingerprint of a text: the `FINGERPRINT_SIZE` smallest distinct FNV-1a hashes of its
 * `SHINGLE_WORDS`-word shingles, as 8-digit lower-case hex strings in ascending order. A text
 * shorter than one shingle gives one hash of all its words; an empty text gives `[]`.
 */
export function textFingerprint(text: string): string[] {
  const normalised = normaliseForFingerprint(text);
  if (normalised === '') return [];
  // Words are separated by single spaces, so a shingle is a stretch of the normalised text: it is
  // hashed where it stands, with no string made per shingle (the background does this for every
  // article page opened, on the way to its first paint).
  const starts: number[] = [];
  // Where the last word read ends: the space after it, or the end of the text.
  let lastEnd = normalised.length;
  for (let from = 0; starts.length < MAX_FINGERPRINT_WORDS; ) {
    starts.push(from);
    const space = normalised.indexOf(' ', from);
    lastEnd = space === -1 ? normalised.length : space;
    if (space === -1) break;
    from = space + 1;
  }
  const wordCount = starts.length;
  const endOf = (word: number): number =>
    word + 1 < wordCount ? (starts[word + 1] as number) - 1 : lastEnd;
  if (wordCount < SHINGLE_WORDS) return [hex(fnv1a32(normalised, 0, endOf(wordCount - 1)))];

  const hashes = new Uint32Array(wordCount - SHINGLE_WORDS + 1);
  for (let first = 0; first < hashes.length; first++) {
    hashes[first] = fnv1a32(normalised, starts[first] as number, endOf(first + SHINGLE_WORDS - 1));
  }
  hashes.sort();
  const smallest: string[] = [];
  for (let index = 0; index < hashes.length && smallest.length < FINGERPRINT_SIZE; index++) {
    if (index > 0 && hashes[index] === hashes[index - 1]) continue;
    smallest.push(hex(hashes[index] as number));
  }
  return smallest;
}

function hex(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}

/**
 * The estimated Jaccard similarity, in [0, 1], of the texts behind two fingerprints (bottom-k
 * estimate: of the k smallest hashes of both together, the share found in both). 0 when either
 * fingerprint is empty, since there is nothing to compare.
 */
export function fingerprintSimilarity(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  // Each sketch holds the smallest hashes of its text; the k smallest of the union are then known
  // to be in A or B exactly, as long as k is no larger than the smaller sketch.
  const k = Math.min(setA.size, setB.size);
  if (k === 0) return 0;
  // Same-length lower-case hex sorts as the numbers do; other strings still sort consistently.
  const union = [...new Set([...setA, ...setB])].sort().slice(0, k);
  let shared = 0;
  for (const hash of union) {
    if (setA.has(hash) && setB.has(hash)) shared++;
  }
  return shared / union.length;
}
