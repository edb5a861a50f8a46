/**
 * Stepping through the claims in reading order from the keyboard: the keys are the page
 * shortcuts of `utils/shortcuts.ts` (Alt+Shift+J / K unless given others), the popover frame's
 * own presses arrive as `step`, and the reading guide's buttons call `step` too. A step starts
 * from the claim open or the marker focused, wraps around, scrolls the passage into view and
 * opens its popover with focus in it.
 */

import type { Verdict } from '../packs/types';
import { DEFAULT_SHORTCUTS, matchesShortcut } from '../shortcuts';
import type { Layers } from './layers';

/** The page's stepping keys. */
export interface StepKeys {
  next: string;
  previous: string;
}

/** What the stepper needs. */
export interface ClaimStepperDependencies {
  doc: Document;
  layers: Pick<Layers, 'placedClaims' | 'markerOf' | 'rangeOf'>;
  /** The id of the claim open now, if any. */
  openId(): string | null;
  /** A claim's verdict, for stepping through one verdict's claims. */
  verdictOf(id: string): Verdict | undefined;
  /** Opens the claim's popover, focus going back to its marker on close. */
  open(id: string, marker: HTMLButtonElement | null): void;
  keys?: StepKeys;
  signal: AbortSignal;
}

/** The claim stepper. */
export interface ClaimStepper {
  /** The next or previous claim; with `verdict`, the next or previous claim of that verdict. */
  step(direction: 1 | -1, verdict?: Verdict): void;
}

/** Starts listening for the stepping keys (until `signal` aborts). */
export function createClaimStepper(deps: ClaimStepperDependencies): ClaimStepper {
  const { doc, layers } = deps;
  const keys = deps.keys ?? {
    next: DEFAULT_SHORTCUTS.nextClaim,
    previous: DEFAULT_SHORTCUTS.previousClaim,
  };

  function step(direction: 1 | -1, verdict?: Verdict): void {
    const all = layers.placedClaims();
    const order = verdict === undefined ? all : all.filter((id) => deps.verdictOf(id) === verdict);
    if (order.length === 0) return;
    const openId = deps.openId();
    const current = openId && order.includes(openId) ? order.indexOf(openId) : -1;
    const focused = order.findIndex((id) => layers.markerOf(id) === doc.activeElement);
    const from = current >= 0 ? current : focused;
    // Stepping through one verdict from a claim of another: the next of that verdict after it.
    const at = openId ? all.indexOf(openId) : -1;
    const after = at < 0 ? -1 : order.findIndex((id) => all.indexOf(id) > at);
    const next =
      from >= 0
        ? (from + direction + order.length) % order.length
        : after >= 0
          ? after
          : direction === 1
            ? 0
            : order.length - 1;
    const id = order[next];
    if (!id) return;
    layers
      .rangeOf(id)
      ?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    deps.open(id, layers.markerOf(id));
  }

  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (matchesShortcut(event, keys.next)) {
        event.preventDefault();
        step(1);
      } else if (matchesShortcut(event, keys.previous)) {
        event.preventDefault();
        step(-1);
      }
    },
    { signal: deps.signal },
  );

  return { step };
}
