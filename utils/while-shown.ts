/**
 * Extension-event listeners of a content script, kept only while its page is shown (see
 * {@link watchWhileShown}).
 */
/** What {@link watchWhileShown} starts and restarts. */
export interface ShownWatch {
  /** Registers the listeners; returns what removes them. */
  watch(): () => void;
  /** The page came back from the back-forward cache and listens again. */
  resumed(): void;
}

/**
 * Keeps extension-event listeners registered only while the page is shown. Firefox removes a
 * content script's `storage.onChanged` listeners itself when the page goes away, after the
 * channel they used has closed, and reports "sendRemoveListener on closed conduit" in the
 * browser console for each one: removed here on the (trusted) `pagehide` first, and registered
 * again on a `pageshow` from the back-forward cache. Returns what removes them for good.
 */
export function watchWhileShown(doc: Document, signal: AbortSignal, shown: ShownWatch): () => void {
  let stop: (() => void) | null = shown.watch();
  const view = doc.defaultView;
  view?.addEventListener(
    'pagehide',
    (event) => {
      if (!event.isTrusted) return;
      stop?.();
      stop = null;
    },
    { signal },
  );
  view?.addEventListener(
    'pageshow',
    (event) => {
      if (!event.isTrusted || !event.persisted || stop !== null || signal.aborted) return;
      stop = shown.watch();
      shown.resumed();
    },
    { signal },
  );
  return () => {
    stop?.();
    stop = null;
  };
}
