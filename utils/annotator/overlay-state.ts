/**
 * What the page-side overlay shows (the reading guide, the "Add note" button, a toast), as
 * plain state the controller (`interactions.ts`) owns and the overlay's components draw
 * (`components/overlay/`). Defined here so that the controller needs nothing from
 * `components/`: imports run from components to utils, never back.
 */
import type { AboutEntry, Verdict } from '../packs/types';

/** The reading guide's content: claims only, never anything about notes. */
export interface GuideState {
  /** The article's body: the guide sits beside its column where the window has room. */
  article: Element;
  claimCounts: Partial<Record<Verdict, number>>;
  /** Claims found on the page; the rest cannot be stepped to. */
  anchoredClaims: number;
  totalClaims: number;
  about: readonly AboutEntry[];
  onNext(): void;
  onPrevious(): void;
  /** Opens the next claim with this verdict (the legend's chips). */
  onStepVerdict?(verdict: Verdict): void;
  /** Whether the guide is open (it starts open, legend showing); the controller owns this. */
  expanded: boolean;
  onExpandedChange(expanded: boolean): void;
  /** A popover is open: the guide keeps only its stepping row, so the two do not pile up. */
  compact: boolean;
  /** Opens the article's notes (placed and unplaced) in the popover frame. */
  onShowNotes?(): void;
}

/** A short message with an optional action. */
export interface ToastState {
  /** What happened; '' renders only the (empty) live region. */
  message: string;
  /** Label of the action button, e.g. "Undo"; shown only together with `onAction`. */
  actionLabel?: string;
  onAction?(): void;
  /** Shows a Dismiss button when given. */
  onDismiss?(): void;
  /** Called with true when the pointer or focus enters the toast, false when it leaves. */
  onPause?(paused: boolean): void;
}

/**
 * Some of the article's notes could not be loaded onto the page: said without any count or note
 * data, with a Retry that asks again.
 */
export interface NotesMissingState {
  /** A Retry is on its way: the notice says so and its Retry does nothing meanwhile. */
  retrying: boolean;
  onRetry(): void;
  onDismiss(): void;
}

/** Everything the overlay draws. */
export interface OverlayState {
  guide: (GuideState & { reference: Element }) | null;
  adder: { reference: Range; onAdd(): void } | null;
  toast: ToastState | null;
  /** The welcome card of the first article visit, or null. */
  welcome?: { onHelp(): void; onDismiss(): void } | null;
  /** The notice that some notes are missing, or null. */
  notesMissing?: NotesMissingState | null;
  shortcuts: { next: string; previous: string; addNote: string };
}

/** The overlay's mount point on one page. */
export interface OverlayHost {
  /** Draws (or redraws) the overlay. */
  render(state: OverlayState): void;
  /** True for the host itself (the page-side node). */
  isHost(node: Node): boolean;
  /** Whether an event happened inside the overlay. */
  contains(event: Event): boolean;
  /** Where the reading guide is drawn, if it sits beside the article (popovers keep clear). */
  guideBox?(): DOMRect | null;
  destroy(): void;
}
