/**
 * Text-fragment links (`#:~:text=`, WICG Scroll-to-Text-Fragment): an address that opens an
 * article at a passage and highlights it in any browser that supports them, with or without the
 * extension. Pure string code.
 */

/** How many words of a long passage go into each end of the link. */
export const FRAGMENT_END_WORDS = 4;

/**
 * Percent-encodes one text directive term: everything `encodeURIComponent` encodes, plus `-`
 * (which the directive's syntax reserves for prefix and suffix); `&` and `,` are encoded by it.
 */
export function encodeFragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * A link to `quote` in the article at `url`: `<url>#:~:text=<start>,<end>`. Any fragment the
 * URL already has is dropped. White space (line breaks included) is folded to single spaces. A
 * passage of up to twice {@link FRAGMENT_END_WORDS} words is linked whole (`text=<quote>`);
 * a longer one by its first and last words, which the browser matches as a range.
 */
export function textFragmentLink(url: string, quote: string): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const words = quote.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return base;
  const directive =
    words.length <= FRAGMENT_END_WORDS * 2
      ? encodeFragmentTerm(words.join(' '))
      : `${encodeFragmentTerm(words.slice(0, FRAGMENT_END_WORDS).join(' '))},${encodeFragmentTerm(
          words.slice(-FRAGMENT_END_WORDS).join(' '),
        )}`;
  return `${base}#:~:text=${directive}`;
}
