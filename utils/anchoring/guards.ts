/**
 * Shape checks for untrusted arguments. They test shape rather than `instanceof`, which fails
 * for nodes and ranges from another frame or another DOM implementation.
 */

/** Whether a value is an element with an owner document. */
export function isElementLike(value: unknown): value is Element {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { nodeType?: unknown }).nodeType === 1 &&
    typeof (value as { ownerDocument?: unknown }).ownerDocument === 'object'
  );
}

/** Whether a value looks like a DOM Range. */
export function isRangeLike(value: unknown): value is Range {
  return (
    typeof value === 'object' &&
    value !== null &&
    'startContainer' in value &&
    'endContainer' in value &&
    'collapsed' in value
  );
}
