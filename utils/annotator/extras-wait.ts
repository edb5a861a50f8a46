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

/** What the wait needs, and calls back into once the bundle loaded or failed to. */
export interface ExtrasWaitOptions {
  /** Loads the bundle; without it, a quote that needs the full matcher is an orphan. */
  loadExtras?: () => Promise<ContentExtras>;
  /** The anchoring engine's `anchorAll`, used as it is (a test's counting wrapper). */
  anchorAll?: typeof anchorAll;
  /** The bundle loaded: `waited` are the ids that waited for the matcher. */
  onLoaded(waited: ReadonlySet<string>, fallbackWaited: boolean): void;
  /** The bundle could not load: `waited` are the ids that waited for the matcher. */
  onFailed(waited: ReadonlySet<string>): void;
}

/** The state of the wait for the extras bundle. */
export interface ExtrasWait {
  /** The bundle, if loaded. */
  extras(): ContentExtras | null;
  /** Whether the bundle can be loaded on demand. */
  readonly canLoad: boolean;
  /** Anchors with the full matcher if loaded; `undefined` for a target that waits for it. */
  anchorTargets(
    root: Element,
    targets: readonly AnchorTarget[],
    options: Parameters<typeof anchorAll>[2],
  ): Array<AnchorResult | undefined>;
  /** Records that this passage waits for the full matcher. */
  awaitMatcher(id: string): void;
  /** Whether this passage waits for the full matcher. */
  awaitsMatcher(id: string): boolean;
  /** Stops waiting for the passages `wanted` says (they are anchored again). */
  forget(wanted: (id: string) => boolean): void;
  /** How many passages wait for the full matcher. */
  awaitingCount(): number;
  /** Records that the claims' paint waits for the fallback, and asks for the bundle. */
  awaitFallback(): void;
  /** Loads the bundle once, if anything waits for it and it can be loaded. */
  request(): void;
  /** Stops waiting: a bundle that loads later changes nothing. */
  destroy(): void;
}

/** Creates the wait, with the bundle already in hand if it has registered. */
export function createExtrasWait(options: ExtrasWaitOptions): ExtrasWait {
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
        options.onLoaded(waited, fallbackWaited);
      },
      () => {
        loading = false;
        if (destroyed) return;
        const waited = new Set(awaitingMatcher);
        awaitingMatcher.clear();
        awaitingFallback = false;
        options.onFailed(waited);
      },
    );
  }

  return {
    extras: () => extras,
    canLoad: options.loadExtras !== undefined,
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
    awaitMatcher(id) {
      awaitingMatcher.add(id);
    },
    awaitsMatcher: (id) => awaitingMatcher.has(id),
    forget(wanted) {
      for (const id of awaitingMatcher) if (wanted(id)) awaitingMatcher.delete(id);
    },
    awaitingCount: () => awaitingMatcher.size,
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
