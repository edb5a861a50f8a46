/**
 * Ids for aria-labelledby and friends that are unique in the whole overlay. Preact's `useId`
 * derives ids from a component's place in the tree, and two components rendered in different
 * passes into the same shadow root were seen to get the same id — which silently gave a dialog
 * the wrong accessible name. A counter per bundle cannot repeat.
 */
import { useMemo } from 'preact/hooks';

let counter = 0;

/** A stable id, unique for the life of the page, e.g. "cp-heading-12". */
export function useUniqueId(prefix = 'cp'): string {
  return useMemo(() => `${prefix}-${++counter}`, [prefix]);
}
