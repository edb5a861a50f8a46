import { describe, expect, it } from 'vitest';
import { sharedByKeyUntilRejected, sharedUntilRejected } from './shared-promise';

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

describe('one promise per key, shared until it rejects', () => {
  /** A keyed getter whose promises are settled from outside, with the keys they were made for. */
  function keyed() {
    const made: {
      key: string;
      resolve: (value: string) => void;
      reject: (error: Error) => void;
    }[] = [];
    const shared = sharedByKeyUntilRejected(
      (key: string, suffix: string) =>
        new Promise<string>((resolve, reject) => {
          made.push({ key, resolve: (value) => resolve(`${value}${suffix}`), reject });
        }),
    );
    return { made, shared };
  }

  it('shares each key’s promise and keeps the keys apart', async () => {
    const { made, shared } = keyed();
    const first = shared.get('amlo', '');
    expect(shared.get('amlo', '')).toBe(first);
    const other = shared.get('other', '');
    expect(made.map((entry) => entry.key)).toEqual(['amlo', 'other']);
    made[0]?.resolve('claims of amlo');
    made[1]?.resolve('claims of other');
    await expect(first).resolves.toBe('claims of amlo');
    await expect(other).resolves.toBe('claims of other');
    expect(made).toHaveLength(2);
  });

  it('makes a key’s promise again after it rejects, leaving the other keys', async () => {
    const { made, shared } = keyed();
    const failing = shared.get('amlo', '');
    const other = shared.get('other', '');
    made[0]?.reject(new Error('quota'));
    await expect(failing).rejects.toThrow('quota');
    expect(shared.get('other', '')).toBe(other);
    const retried = shared.get('amlo', ' (retried)');
    expect(made).toHaveLength(3);
    made[2]?.resolve('notes');
    await expect(retried).resolves.toBe('notes (retried)');
  });

  it('forgets one key, or every key', async () => {
    const { made, shared } = keyed();
    const first = shared.get('amlo', '');
    const other = shared.get('other', '');
    shared.forget('amlo');
    expect(shared.get('amlo', '')).not.toBe(first);
    expect(shared.get('other', '')).toBe(other);
    shared.forgetAll();
    expect(shared.get('other', '')).not.toBe(other);
    expect(made.map((entry) => entry.key)).toEqual(['amlo', 'other', 'amlo', 'other']);
  });

  it('gives a key’s value without waiting once it is read, and nothing before, after forget or a failure', async () => {
    const { made, shared } = keyed();
    const first = shared.get('amlo', '');
    expect(shared.peek('amlo')).toBeUndefined();
    made[0]?.resolve('notes');
    await first;
    expect(shared.peek('amlo')).toBe('notes');
    expect(shared.peek('other')).toBeUndefined();
    shared.forget('amlo');
    expect(shared.peek('amlo')).toBeUndefined();
    const failing = shared.get('amlo', '');
    made[1]?.reject(new Error('quota'));
    await expect(failing).rejects.toThrow('quota');
    expect(shared.peek('amlo')).toBeUndefined();
    // A value read for a promise forgotten meanwhile is not the key's.
    const old = shared.get('amlo', '');
    shared.forget('amlo');
    made[2]?.resolve('stale');
    await old;
    expect(shared.peek('amlo')).toBeUndefined();
    const again = shared.get('other', '');
    made[3]?.resolve('kept');
    await again;
    shared.forgetAll();
    expect(shared.peek('other')).toBeUndefined();
  });

  it('keeps a value offered with a stamp taken before, as the key’s fulfilled promise', async () => {
    const { made, shared } = keyed();
    const stamp = shared.stampOf('amlo');
    expect(shared.offer('amlo', 'few notes', stamp)).toBe(true);
    expect(shared.peek('amlo')).toBe('few notes');
    await expect(shared.get('amlo', '')).resolves.toBe('few notes');
    expect(made).toHaveLength(0);
    // The same stamp again: the key has changed since (the offer itself).
    expect(shared.offer('amlo', 'again', stamp)).toBe(false);
    expect(shared.peek('amlo')).toBe('few notes');
  });

  it('refuses a value offered after the key was forgotten, made, or every key forgotten', async () => {
    const { made, shared } = keyed();
    // Forgotten meanwhile (a write named the key while the value was being read).
    let stamp = shared.stampOf('amlo');
    shared.forget('amlo');
    expect(shared.offer('amlo', 'stale', stamp)).toBe(false);
    expect(shared.peek('amlo')).toBeUndefined();
    // Made meanwhile, and still pending: the key's promise is left alone.
    stamp = shared.stampOf('amlo');
    const pending = shared.get('amlo', '');
    expect(shared.offer('amlo', 'stale', stamp)).toBe(false);
    made[0]?.resolve('read');
    await expect(pending).resolves.toBe('read');
    // Made and dropped meanwhile: the key is back to no promise, yet its stamp moved on.
    stamp = shared.stampOf('amlo');
    shared.get('amlo', '');
    shared.forget('amlo');
    expect(shared.offer('amlo', 'stale', stamp)).toBe(false);
    // Every key forgotten meanwhile, for a key never touched before and one touched.
    const untouched = shared.stampOf('other');
    const touched = shared.stampOf('amlo');
    shared.forgetAll();
    expect(shared.offer('other', 'stale', untouched)).toBe(false);
    expect(shared.offer('amlo', 'stale', touched)).toBe(false);
    expect(shared.peek('other')).toBeUndefined();
    // A stamp taken after every change is good.
    expect(shared.offer('other', 'fresh', shared.stampOf('other'))).toBe(true);
    expect(shared.peek('other')).toBe('fresh');
    // A key another key's change leaves alone keeps its stamp.
    const amlo = shared.stampOf('amlo');
    shared.forget('other');
    expect(shared.offer('amlo', 'fresh', amlo)).toBe(true);
  });

  it('keeps the newer promise of a key when one forgotten rejects later', async () => {
    const { made, shared } = keyed();
    const old = shared.get('amlo', '');
    shared.forget('amlo');
    const newer = shared.get('amlo', '');
    made[0]?.reject(new Error('late failure'));
    await expect(old).rejects.toThrow('late failure');
    expect(shared.get('amlo', '')).toBe(newer);
    made[1]?.resolve('fresh');
    await expect(newer).resolves.toBe('fresh');
    expect(made).toHaveLength(2);
  });
});
