/**
 * Loading the in-page UI bundle on demand. The content script paints claims without Preact; the
 * overlay (popovers, editor, reading guide) is a separate script that the background injects into
 * the same isolated world when it is first needed. The two meet through a property of the
 * isolated world's global object, which the page's own scripts cannot see.
 */
import type { InteractionDependencies, Interactions } from './interactions';

/** What the UI bundle provides to the content script. */
export interface OverlayUi {
  createInteractions(
    deps: Omit<InteractionDependencies, 'createOverlay' | 'createPanel'>,
  ): Interactions;
}

interface UiRegistry {
  counterpointOverlayUi?: OverlayUi;
  counterpointOverlayWaiters?: ((ui: OverlayUi) => void)[];
}

const registry = globalThis as unknown as UiRegistry;

/** Called by the UI bundle when it has loaded. */
export function registerOverlayUi(ui: OverlayUi): void {
  registry.counterpointOverlayUi = ui;
  const waiters = registry.counterpointOverlayWaiters ?? [];
  registry.counterpointOverlayWaiters = [];
  for (const resolve of waiters) resolve(ui);
}

/** Returns the UI, asking `inject` to load it the first time. */
export function loadOverlayUi(inject: () => Promise<void>, timeoutMs = 10_000): Promise<OverlayUi> {
  const loaded = registry.counterpointOverlayUi;
  if (loaded) return Promise.resolve(loaded);
  return new Promise<OverlayUi>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The Counterpoint interface did not load.')),
      timeoutMs,
    );
    registry.counterpointOverlayWaiters = [
      ...(registry.counterpointOverlayWaiters ?? []),
      (ui) => {
        clearTimeout(timer);
        resolve(ui);
      },
    ];
    inject().catch((error: unknown) => {
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}
