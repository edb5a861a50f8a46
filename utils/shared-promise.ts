/**
 * Promises shared by every caller until they fail: how the extension's pages open the database
 * once, and how the background reads its packs, and each article's claims and notes, once per
 * worker life.
 */

/** A getter of one shared promise (see {@link sharedUntilRejected}). */
export interface SharedPromise<Args extends unknown[], T> {
  /** The shared promise, made now (with these arguments) if there is none. */
  (...args: Args): Promise<T>;
  /** Drops the shared promise: the next call makes a new one. */
  forget(): void;
}

/** Getters of one shared promise per key (see {@link sharedByKeyUntilRejected}). */
export interface KeyedSharedPromises<Args extends unknown[], T> {
  /** The key's shared promise, made now (with the key and these arguments) if there is none. */
  get(key: string, ...args: Args): Promise<T>;
  /** The key's value if its shared promise has fulfilled (and was not dropped since), else undefined. */
  peek(key: string): T | undefined;
  /**
   * A stamp of the key's state, for {@link KeyedSharedPromises.offer}: it changes whenever the
   * key's promise is made, dropped or offered.
   */
  stampOf(key: string): number;
  /**
   * Keeps `value` as the key's fulfilled promise if nothing happened to the key since `stamp`
   * was taken (no promise made, dropped or offered) and it has none: a value read some other
   * way before a write could drop it. Returns whether it was kept.
   */
  offer(key: string, value: T, stamp: number): boolean;
  /** Drops one key's shared promise: the next call for it makes a new one. */
  forget(key: string): void;
  /** Drops every key's shared promise. */
  forgetAll(): void;
}

/**
 * One shared promise per key, each as {@link sharedUntilRejected} keeps its one: made on the key's
 * first call and kept while it is pending or fulfilled. Once it rejects, the callers that shared
 * it get the rejection and the key's next call makes a new one. A rejection of a promise already
 * forgotten leaves the key's newer one alone.
 */
export function sharedByKeyUntilRejected<Args extends unknown[], T>(
  make: (key: string, ...args: Args) => Promise<T>,
): KeyedSharedPromises<Args, T> {
  const current = new Map<string, Promise<T>>();
  /** The values of the keys whose current promise has fulfilled. */
  const values = new Map<string, T>();
  // Stamps come from one counter that only rises, so a key's stamp never comes back to an old
  // value: a key not in `stamps` has the stamp of the last `forgetAll`.
  let tick = 0;
  let clearedAt = 0;
  const stamps = new Map<string, number>();
  const touch = (key: string): void => {
    tick += 1;
    stamps.set(key, tick);
  };
  const stampOf = (key: string): number => stamps.get(key) ?? clearedAt;
  return {
    get(key, ...args) {
      const shared = current.get(key);
      if (shared) return shared;
      touch(key);
      const made = make(key, ...args).then(
        (value) => {
          if (current.get(key) === made) values.set(key, value);
          return value;
        },
        (error: unknown) => {
          if (current.get(key) === made) current.delete(key);
          throw error;
        },
      );
      current.set(key, made);
      return made;
    },
    peek(key) {
      return values.get(key);
    },
    stampOf,
    offer(key, value, stamp) {
      if (current.has(key) || stampOf(key) !== stamp) return false;
      touch(key);
      current.set(key, Promise.resolve(value));
      values.set(key, value);
      return true;
    },
    forget(key) {
      touch(key);
      current.delete(key);
      values.delete(key);
    },
    forgetAll() {
      tick += 1;
      clearedAt = tick;
      stamps.clear();
      current.clear();
      values.clear();
    },
  };
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
  const one = sharedByKeyUntilRejected((_key: string, ...args: Args) => make(...args));
  return Object.assign((...args: Args) => one.get('', ...args), {
    forget: () => one.forget(''),
  });
}
