import { describe, expect, it } from 'vitest';
import { sharedUntilRejected } from './shared-promise';

/** A promise settled from outside, and how many were made. */
function controlled() {
  const made: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  const make = (label = '') =>
    new Promise<string>((resolve, reject) => {
      made.push({ resolve: (value) => resolve(`${value}${label}`), reject });
    });
  return { made, make };
}

describe('a promise shared until it rejects', () => {
  it('makes one promise for every caller while it is pending and after it is fulfilled', async () => {
    const { made, make } = controlled();
    const shared = sharedUntilRejected(make);
    const first = shared();
    const second = shared();
    expect(made).toHaveLength(1);
    made[0]?.resolve('open');
    await expect(first).resolves.toBe('open');
    await expect(second).resolves.toBe('open');
    await expect(shared()).resolves.toBe('open');
    expect(made).toHaveLength(1);
  });

  it('gives the rejection to the callers that shared it, then makes a new one', async () => {
    const { made, make } = controlled();
    const shared = sharedUntilRejected(make);
    const first = shared();
    const second = shared();
    made[0]?.reject(new Error('blocked'));
    await expect(first).rejects.toThrow('blocked');
    await expect(second).rejects.toThrow('blocked');
    const retried = shared();
    expect(made).toHaveLength(2);
    made[1]?.resolve('open');
    await expect(retried).resolves.toBe('open');
  });

  it('makes a new one after forget, with the arguments of the call that makes it', async () => {
    const { made, make } = controlled();
    const shared = sharedUntilRejected(make);
    const before = shared(' (first)');
    made[0]?.resolve('packs');
    await expect(before).resolves.toBe('packs (first)');
    shared.forget();
    const after = shared(' (second)');
    expect(made).toHaveLength(2);
    made[1]?.resolve('packs');
    await expect(after).resolves.toBe('packs (second)');
  });

  it('keeps the newer promise when one forgotten rejects later', async () => {
    const { made, make } = controlled();
    const shared = sharedUntilRejected(make);
    const old = shared();
    shared.forget();
    const newer = shared();
    made[0]?.reject(new Error('late failure'));
    await expect(old).rejects.toThrow('late failure');
    expect(shared()).toBe(newer);
    made[1]?.resolve('fresh');
    await expect(newer).resolves.toBe('fresh');
    expect(made).toHaveLength(2);
  });
});
