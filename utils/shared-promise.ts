/**
 * One promise shared by every caller until it fails: how the extension's pages open the database
 * once, and how the background reads its packs once per worker life.
 */

/** A getter of one shared promise (see {@link sharedUntilRejected}). */
export interface SharedPromise<Args extends unknown[], T> {
  /** The shared promise, made now (with these arguments) if there is none. */
  (...args: Args): Promise<T>;
  /** Drops the shared promise: the next call makes a new one. */
  forget(): void;
}

/**
 * Shares the promise `make` returns between callers: it is made on the first call and kept while
 * it is pending or fulfilled. Once it rejects, the callers that shared it get the rejection and
 * the next call makes a new one, so a failure (a blocked database upgrade, a full disk) is
 * reported now and tried again later, never kept for good. A rejection of a promise already
 * forgotten leaves the newer one alone.
 */
export function sharedUntilRejected<Args extends unknown[], T>(
  make: (...args: Args) => Promise<T>,
): SharedPromise<Args, T> {
  let current: Promise<T> | null = null;
  const get = (...args: Args): Promise<T> => {
    if (current) return current;
    const made = make(...args).catch((error: unknown) => {
      if (current === made) current = null;
      throw error;
    });
    current = made;
    return made;
  };
  return Object.assign(get, {
    forget() {
      current = null;
    },
  });
}
