/**
 * Stepping through the claims in reading order from the keyboard: the keys are the page
 * shortcuts of `utils/shortcuts.ts` (Alt+Shift+J / K unless given others), the popover frame's
 * own presses arrive as `step`, and the reading guide's buttons call `step` too. A step starts
 * from the claim open or the marker focused, wraps around, scrolls the passage into view and
 * opens its popover with focus in it.
 */
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
  /** Opens the claim's popover, focus going back to its marker on close. */
  open(id: string, marker: HTMLButtonElement | null): void;
  keys?: StepKeys;
  signal: AbortSignal;
}

/** The claim stepper. */
export interface ClaimStepper {
  step(direction: 1 | -1): void;
}

/** Starts listening for the stepping keys (until `signal` aborts). */
export function createClaimStepper(deps: ClaimStepperDependencies): ClaimStepper {
  const { doc, layers } = deps;
  const keys = deps.keys ?? {
    next: DEFAULT_SHORTCUTS.nextClaim,
    previous: DEFAULT_SHORTCUTS.previousClaim,
  };

  function step(direction: 1 | -1): void {
    const order = layers.placedClaims();
    if (order.length === 0) return;
    const openId = deps.openId();
    const current = openId && order.includes(openId) ? order.indexOf(openId) : -1;
    const focused = order.findIndex((id) => layers.markerOf(id) === doc.activeElement);
    const from = current >= 0 ? current : focused;
    const next =
      from < 0
        ? direction === 1
          ? 0
          : order.length - 1
        : (from + direction + order.length) % order.length;
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
