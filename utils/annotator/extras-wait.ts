/**
 * Waiting for the extras bundle: the content script starts without the full matcher and the
 * wrapping fallback. This keeps which passages wait for the matcher and whether the claims'
 * paint waits for the fallback, loads the bundle once when asked, and hands back what waited,
 * to be anchored and painted, or reported as orphans if the bundle cannot load.
 * Pure DOM (no Preact, no extension API).
 */
import { type anchorAll, anchorAllWith } from '../anchoring/anchor';
import type { AnchorResult, AnchorTarget } from '../anchoring/types';
import { type ContentExtras, loadedContentExtras } from './ui-loader';

/**
 * What the wait needs: the bundle's loader (without it, a quote that needs the full matcher is
 * an orphan) and, in tests, an `anchorAll` used as it is.
 */
export interface ExtrasSource {
  loadExtras?: () => Promise<ContentExtras>;
  anchorAll?: typeof anchorAll;
}

/** Called once the bundle loaded: `waited` are the ids that waited for the matcher. */
export type ExtrasLoaded = (waited: ReadonlySet<string>, fallbackWaited: boolean) => void;

/** Called if the bundle could not load: `waited` are the ids that waited for the matcher. */
export type ExtrasFailed = (waited: ReadonlySet<string>) => void;

/** The state of the wait for the extras bundle. */
export interface ExtrasWait {
  /** The bundle, if loaded. */
  extras(): ContentExtras | null;
  /** Anchors with the full matcher if loaded; `undefined` for a target that waits for it. */
  anchorTargets(
    root: Element,
    targets: readonly AnchorTarget[],
    options: Parameters<typeof anchorAll>[2],
  ): Array<AnchorResult | undefined>;
  /** The ids of the passages that wait for the full matcher (the caller adds and removes). */
  readonly awaiting: Set<string>;
  /** Records that the claims' paint waits for the fallback, and asks for the bundle. */
  awaitFallback(): void;
  /** Loads the bundle once, if anything waits for it and it can be loaded. */
  request(): void;
  /** Stops waiting: a bundle that loads later changes nothing. */
  destroy(): void;
}

/** Creates the wait, with the bundle already in hand if it has registered. */
export function createExtrasWait(
  options: ExtrasSource,
  onLoaded: ExtrasLoaded,
  onFailed: ExtrasFailed,
): ExtrasWait {
  let extras: ContentExtras | null = loadedContentExtras();
  let loading = false;
  const awaitingMatcher = new Set<string>();
  let awaitingFallback = false;
  let destroyed = false;

  function request(): void {
    if (extras || loading || !options.loadExtras) return;
    loading = true;
    options.loadExtras().then(
      (loaded) => {
        loading = false;
        extras = loaded;
        if (destroyed) return;
        const waited = new Set(awaitingMatcher);
        const fallbackWaited = awaitingFallback;
        awaitingFallback = false;
        onLoaded(waited, fallbackWaited);
      },
      () => {
        loading = false;
        if (destroyed) return;
        const waited = new Set(awaitingMatcher);
        awaitingMatcher.clear();
        awaitingFallback = false;
        onFailed(waited);
      },
    );
  }

  return {
    extras: () => extras,
    anchorTargets(root, targets, anchorOptions) {
      if (options.anchorAll) return options.anchorAll(root, targets, anchorOptions);
      const fullText = extras?.anchorInFullText ?? null;
      if (fullText || options.loadExtras)
        return anchorAllWith(fullText, root, targets, anchorOptions);
      return anchorAllWith(
        () => targets.map(() => ({ status: 'orphan', reason: 'not-found' })),
        root,
        targets,
        anchorOptions,
      );
    },
    awaiting: awaitingMatcher,
    awaitFallback() {
      awaitingFallback = true;
      request();
    },
    request,
    destroy() {
      destroyed = true;
      awaitingMatcher.clear();
    },
  };
}
