/**
 * Loading in-page bundles on demand. The content script paints claims without Preact; the
 * overlay (popovers, editor, reading guide) is a separate script that the background injects into
 * the same isolated world when it is first needed. So is the rarely needed part of painting (the
 * full, fuzzy matcher for edited quotes and the wrapping fallback for browsers without the Custom
 * Highlight API), which also describes a selection for a new note. A bundle and the content script meet through a property of the isolated world's
 * global object, which the page's own scripts cannot see; never through the page's DOM or events.
 */
import type { FullTextMatcher } from '../anchoring/anchor';
import type { describe } from '../anchoring/describe';
import type { FallbackFactory } from '../highlight/painter';
import type { InteractionStart, Interactions } from './interactions';
import type { NoteFollower, NoteFollowerDependencies } from './note-pages';
import { type PageClock, windowClock } from './page-clock';

/** What the UI bundle provides to the content script. */
export interface OverlayUi {
  /** Asks for the claims' words, then starts the popovers, the guide and the note editor. */
  startInteractions(start: InteractionStart): Promise<Interactions>;
  /** Keeps the painted notes current: the pages after the first, the change feed's records. */
  followNotes(deps: NoteFollowerDependencies): NoteFollower;
}

/** What the extras bundle (`entrypoints/content-extras.ts`) provides to the content script. */
export interface ContentExtras {
  /** The full matcher, for quotes the page no longer holds word for word. */
  anchorInFullText: FullTextMatcher;
  /** The painter's wrapping fallback, where the Custom Highlight API is missing or refused. */
  createFallbackBackend: FallbackFactory;
  /** A selection to a note's selectors, on the text model this bundle has for the matcher. */
  describe: typeof describe;
}

interface BundleSlot<T> {
  loaded?: T;
  /** The load under way, which every caller meanwhile shares (one injection). */
  loading?: Promise<T>;
  /** Settles it when the bundle registers. */
  onLoad?: (value: T) => void;
}

interface BundleRegistry {
  counterpointOverlayUi?: BundleSlot<OverlayUi>;
  counterpointContentExtras?: BundleSlot<ContentExtras>;
}

const registry = globalThis as unknown as BundleRegistry;

function slotOf<K extends keyof BundleRegistry>(key: K): NonNullable<BundleRegistry[K]> {
  registry[key] ??= {};
  return registry[key] as NonNullable<BundleRegistry[K]>;
}

function register<T>(slot: BundleSlot<T>, value: T): void {
  slot.loaded = value;
  slot.onLoad?.(value);
}

function load<T>(
  slot: BundleSlot<T>,
  inject: () => Promise<void>,
  timeoutMs: number,
  failure: string,
  clock: Pick<PageClock, 'after'>,
): Promise<T> {
  const loaded = slot.loaded;
  if (loaded) return Promise.resolve(loaded);
  // Callers that come while the bundle is on its way (a selection's "Add note" and the matcher
  // can ask together) share one injection; after a failure or a timeout the next one asks again.
  slot.loading ??= new Promise<T>((resolve, reject) => {
    const fail = (error: unknown) => {
      cancelTimeout();
      slot.loading = undefined;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const cancelTimeout = clock.after(timeoutMs, () => fail(failure));
    slot.onLoad = (value) => {
      cancelTimeout();
      resolve(value);
    };
    inject().catch(fail);
  });
  return slot.loading;
}

/** Called by the UI bundle when it has loaded. */
export function registerOverlayUi(ui: OverlayUi): void {
  register(slotOf('counterpointOverlayUi'), ui);
}

/**
 * Returns the UI, asking `inject` to load it the first time; it fails after `timeoutMs`, timed
 * by `clock` (the window's timers by default).
 */
export function loadOverlayUi(
  inject: () => Promise<void>,
  timeoutMs = 10_000,
  clock: Pick<PageClock, 'after'> = windowClock(null),
): Promise<OverlayUi> {
  return load(
    slotOf('counterpointOverlayUi'),
    inject,
    timeoutMs,
    'The Counterpoint interface did not load.',
    clock,
  );
}

/** Called by the extras bundle when it has loaded. */
export function registerContentExtras(extras: ContentExtras): void {
  register(slotOf('counterpointContentExtras'), extras);
}

/** The extras, if their bundle has loaded in this isolated world. */
export function loadedContentExtras(): ContentExtras | null {
  return registry.counterpointContentExtras?.loaded ?? null;
}

/** Returns the extras, asking `inject` to load their bundle the first time (as `loadOverlayUi`). */
export function loadContentExtras(
  inject: () => Promise<void>,
  timeoutMs = 10_000,
  clock: Pick<PageClock, 'after'> = windowClock(null),
): Promise<ContentExtras> {
  return load(
    slotOf('counterpointContentExtras'),
    inject,
    timeoutMs,
    'The Counterpoint matcher did not load.',
    clock,
  );
}
