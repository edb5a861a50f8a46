/**
 * Where the reading guide's host goes in the page's DOM. Tab order follows the DOM, so a host at
 * the document's end makes the guide the page's last Tab stop; inside the headline, after its
 * text, a keyboard reader reaches it right after the headline and before the first claim marker.
 *
 * Only where that changes nothing the site sees or draws: a headline with text and no element
 * children (so no selector of the site's, `h1 + p`, `:first-child`, `:nth-child` or `:last-child`,
 * matches anything new: the host is the headline's only element child, and none of its siblings
 * changed), in no link, button, label or editable region (a click in the guide would reach them),
 * not hidden from assistive technology, and with no ancestor that clips its children, anchors
 * fixed boxes, or starts a stacking context (which would cut, move or bury the guide). The host
 * itself is zero-size and absolutely positioned, so it takes no room. Anywhere else the host stays
 * at the document's end. Reads the page only.
 */

/** Values at which an ancestor clips, re-anchors or stacks what it contains. */
const HARMLESS: readonly [keyof CSSStyleDeclaration, string][] = [
  ['transform', 'none'],
  ['filter', 'none'],
  ['perspective', 'none'],
  ['backdropFilter', 'none'],
  ['clipPath', 'none'],
  ['maskImage', 'none'],
  ['opacity', '1'],
  ['isolation', 'auto'],
  ['mixBlendMode', 'normal'],
  ['willChange', 'auto'],
  ['zIndex', 'auto'],
  ['contain', 'none'],
];

/** Whether a computed value is other than the harmless one ('' where nothing computes it). */
function differs(actual: unknown, harmless: string): boolean {
  return typeof actual === 'string' && actual !== '' && actual !== harmless;
}

/** Whether an element clips what overflows it. */
function overflows(style: CSSStyleDeclaration): boolean {
  return ['overflow', 'overflow-x', 'overflow-y'].some((property) =>
    differs(style.getPropertyValue(property), 'visible'),
  );
}

/** The element to append the guide's host to, or null for the document's end. */
export function guideHostParent(headline: Element): Element | null {
  const doc = headline.ownerDocument;
  const view = doc.defaultView;
  if (!view || headline.children.length > 0 || !headline.textContent?.trim()) return null;
  if (
    headline.closest('a, button, label, summary, [contenteditable], [aria-hidden="true"], [inert]')
  )
    return null;
  const rootScrolls = overflows(view.getComputedStyle(doc.documentElement));
  for (let up: Element | null = headline; up && up !== doc.documentElement; up = up.parentElement) {
    const style = view.getComputedStyle(up);
    if (style.position === 'fixed' || style.position === 'sticky') return null;
    if (HARMLESS.some(([property, value]) => differs(style[property], value))) return null;
    // The body's overflow belongs to the window unless the root element has its own.
    if (overflows(style) && (up !== doc.body || rootScrolls)) return null;
  }
  return headline;
}
