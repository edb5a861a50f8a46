import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAllOccurrences, findOccurrences } from './find-all';

describe('findAllOccurrences', () => {
  it('finds overlapping, repeated, short and absent quotes like indexOf does', () => {
    const text = 'abcabcabcabcabcabcabcabc the quick brown fox jumps over the quick brown fox!';
    const quotes = [
      'abcabcabcabcabcabc', // overlapping occurrences
      'the quick brown fox', // twice
      'the quick brown fox', // the same quote twice in one call
      'fox', // shorter than the hash window
      'not in the text at all, anywhere',
      '',
      'over the quick brown fox!', // at the very end
    ];
    expect(findAllOccurrences(text, quotes, 100)).toEqual(
      quotes.map((quote) => findOccurrences(text, quote, 100)),
    );
    expect(findAllOccurrences(text, quotes, 100)[0]).toEqual([0, 3, 6]);
  });

  it('stops at the limit per quote', () => {
    const text = 'x'.repeat(100);
    expect(findAllOccurrences(text, ['x'.repeat(20)], 5)[0]).toEqual([0, 1, 2, 3, 4]);
  });

  it('agrees with indexOf on random texts and quotes cut from them', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'b', ' ', 'é', '\u2019'),
          minLength: 0,
          maxLength: 300,
        }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { maxLength: 12 }),
        (text, cuts) => {
          const quotes = cuts.map(([at, length]) => {
            const start = text.length === 0 ? 0 : at % text.length;
            return text.slice(start, start + length);
          });
          quotes.push('ab'.repeat(9));
          expect(findAllOccurrences(text, quotes, 1000)).toEqual(
            quotes.map((quote) => findOccurrences(text, quote, 1000)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
