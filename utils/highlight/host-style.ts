/**
 * The inline style of a host element we put in the page (the note layer, the popover frame):
 * a zero-size box at the origin that takes no room, every property a page rule could use to
 * move, hide or fade it set with `!important`. The same text serves as the host's `:host` rule
 * inside its shadow root, which beats even the page's `!important` rules.
 */

/**
 * A rule for the shadow root of every host we put in the page: a printed page carries none of
 * Counterpoint's marks, popovers or cards, only the article.
 */
export const PRINT_HIDDEN_CSS = '@media print { :host { display: none !important; } }';

/** The host style: fixed (follows the viewport) or absolute (follows the document), and a layer. */
export function hostStyle(position: 'fixed' | 'absolute', extra: readonly string[] = []): string {
  return [
    `position: ${position}`,
    'left: 0',
    'top: 0',
    'width: 0',
    'height: 0',
    'margin: 0',
    'padding: 0',
    'border: 0',
    'overflow: visible',
    'display: block',
    'visibility: visible',
    'opacity: 1',
    'transform: none',
    ...extra,
  ]
    .map((rule) => `${rule} !important`)
    .join('; ');
}
