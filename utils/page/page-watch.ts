/**
 * Waiting for a page to become something: a debounced MutationObserver (or, without one, a poll)
 * tries again until the attempt succeeds, the deadline passes or the wait is aborted, and every
 * observer, timer and listener is released in each case. Pure DOM.
 */

// Mutations come in bursts while a site builds its page: wait for a quiet moment, but never let a
// constantly changing page (tickers, ads) postpone the check for longer than the maximum.
const WAIT_QUIET_MS = 150;
const WAIT_MAX_DELAY_MS = 1_000;

/** How long, and until what, {@link watchPage} waits. */
export interface WatchPageOptions {
  /** Stops waiting (the promise resolves null) when aborted. */
  signal?: AbortSignal;
  /** How long to wait before resolving null. */
  timeoutMs: number;
}

/**
 * Tries `attempt` again each time the page has changed and gone quiet (or, at the latest, a
 * second after the first change), until it gives a result; null on timeout or abort.
 */
export function watchPage<T>(
  doc: Document,
  attempt: () => T | null,
  options: WatchPageOptions,
): Promise<T | null> {
  const { signal, timeoutMs } = options;
  return new Promise((resolve) => {
    let settled = false;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let checkTimer: ReturnType<typeof setTimeout> | undefined;
    let firstPendingMutationAt = 0;
    let observer: MutationObserver | undefined;
    let pollTimer: ReturnType<typeof setInterval> | undefined;

    const finish = (result: T | null): void => {
      if (settled) return;
      settled = true;
      observer?.disconnect();
      clearTimeout(checkTimer);
      clearTimeout(deadline);
      clearInterval(pollTimer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => finish(null);

    const check = (): void => {
      checkTimer = undefined;
      const result = attempt();
      if (result !== null) finish(result);
    };

    const onMutations = (): void => {
      const now = Date.now();
      if (checkTimer === undefined) {
        firstPendingMutationAt = now;
      } else {
        clearTimeout(checkTimer);
      }
      const waitedSoFar = now - firstPendingMutationAt;
      const delay = Math.max(0, Math.min(WAIT_QUIET_MS, WAIT_MAX_DELAY_MS - waitedSoFar));
      checkTimer = setTimeout(check, delay);
    };

    deadline = setTimeout(() => finish(null), Math.max(0, timeoutMs));
    signal?.addEventListener('abort', onAbort, { once: true });

    const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    if (typeof Observer === 'function') {
      observer = new Observer(onMutations);
      observer.observe(doc, { childList: true, subtree: true, characterData: true });
    } else {
      // No observer (an unusual document): look again now and then until the deadline.
      pollTimer = setInterval(check, WAIT_MAX_DELAY_MS);
    }
  });
}
