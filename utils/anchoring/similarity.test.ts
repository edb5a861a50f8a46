import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './similarity';

/** The textbook Levenshtein table, written out in full: the reference the fast paths must meet. */
function referenceDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = table[i] as number[];
      const above = table[i - 1] as number[];
      row[j] = Math.min(
        (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
      );
    }
  }
  return (table[a.length] as number[])[b.length] as number;
}

/** Strings over a few letters (so they share characters), a space and a non-ASCII one. */
const word = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '\u2019'), maxLength });

describe('editDistance', () => {
  it('agrees with the full table for strings up to one machine word and beyond', () => {
    fc.assert(
      fc.property(word(40), word(40), (a, b) => {
        expect(editDistance(a, b)).toBe(referenceDistance(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the full table at the word boundary (32 and 33 characters)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('x', 'y'), minLength: 31, maxLength: 33 }),
        word(48),
        (a, b) => {
          expect(editDistance(a, b)).toBe(referenceDistance(a, b));
          expect(editDistance(b, a)).toBe(referenceDistance(a, b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves nothing behind between calls (a later comparison is not skewed)', () => {
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('xyz', 'xyz ')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
