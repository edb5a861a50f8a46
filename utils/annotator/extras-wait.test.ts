import { describe, expect, it } from 'vitest';
import { createExtrasWait } from './extras-wait';
import type { ContentExtras } from './ui-loader';

/** A promise and the means to settle it from the test. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const fakeExtras = {} as ContentExtras;

describe('createExtrasWait', () => {
  it('loads the bundle once and hands back what waited for it', async () => {
    const load = deferred<ContentExtras>();
    let loads = 0;
    const loaded: Array<{ waited: string[]; fallback: boolean }> = [];
    const wait = createExtrasWait(
      {
        loadExtras: () => {
          loads++;
          return load.promise;
        },
      },
      (waited, fallback) => loaded.push({ waited: [...waited], fallback }),
      () => undefined,
    );
    wait.awaiting.add('a');
    wait.request();
    wait.awaitFallback();
    expect(loads).toBe(1);
    expect(wait.awaiting.has('a')).toBe(true);
    load.resolve(fakeExtras);
    await load.promise;
    await Promise.resolve();
    expect(loaded).toEqual([{ waited: ['a'], fallback: true }]);
    expect(wait.extras()).toBe(fakeExtras);
    wait.request();
    expect(loads).toBe(1);
  });

  it('hands back what waited as failed when the bundle cannot load, and forgets it', async () => {
    const load = deferred<ContentExtras>();
    const failed: string[][] = [];
    const wait = createExtrasWait(
      { loadExtras: () => load.promise },
      () => undefined,
      (waited) => failed.push([...waited]),
    );
    wait.awaiting.add('a');
    wait.request();
    load.reject(new Error('no bundle'));
    await load.promise.catch(() => undefined);
    await Promise.resolve();
    expect(failed).toEqual([['a']]);
    expect(wait.awaiting.size).toBe(0);
  });

  it('changes nothing when the bundle loads after it was destroyed', async () => {
    const load = deferred<ContentExtras>();
    let calls = 0;
    const wait = createExtrasWait(
      { loadExtras: () => load.promise },
      () => calls++,
      () => calls++,
    );
    wait.awaiting.add('a');
    wait.request();
    wait.destroy();
    load.resolve(fakeExtras);
    await load.promise;
    await Promise.resolve();
    expect(calls).toBe(0);
    expect(wait.awaiting.size).toBe(0);
  });

  it('never loads without a loader', () => {
    const wait = createExtrasWait(
      {},
      () => undefined,
      () => undefined,
    );
    wait.awaiting.add('a');
    wait.request();
    wait.awaitFallback();
    expect(wait.extras()).toBeNull();
  });
});
