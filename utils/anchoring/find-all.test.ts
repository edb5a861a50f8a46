import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIRECT_SEARCH_WORK, findAllOccurrences, findOccurrences } from './find-all';

/** The sampled search, whatever the size of the search. */
const findAllBySampling: typeof findAllOccurrences = (text, quotes, limit) =>
  findAllOccurrences(text, quotes, limit, false);

describe('the choice between indexOf and sampling', () => {
  it("searches the article's 14 claims on its 9 KB of text one by one, and 200 quotes on 78 KB by sampling", () => {
    expect(9_000 * 14 <= DIRECT_SEARCH_WORK).toBe(true);
    expect(78_000 * 200 <= DIRECT_SEARCH_WORK).toBe(false);
  });

  it('gives the same answers on both sides of the line', () => {
    const words = Array.from({ length: 6000 }, (_, index) => `w${(index * 7919) % 1009}`);
    const text = words.join(' ');
    const quotes = Array.from({ length: 40 }, (_, index) =>
      text.slice(index * 700 + 5, index * 700 + 5 + 12 + (index % 30)),
    );
    for (const length of [Math.floor(DIRECT_SEARCH_WORK / 40), text.length]) {
      const part = text.slice(0, length);
      expect(part.length * quotes.length <= DIRECT_SEARCH_WORK).toBe(length < text.length);
      expect(findAllOccurrences(part, quotes, 7)).toEqual(
        quotes.map((quote) => findOccurrences(part, quote, 7)),
      );
      expect(findAllBySampling(part, quotes, 7)).toEqual(findAllOccurrences(part, quotes, 7));
    }
  });
});

describe.each([
  ['findAllOccurrences', findAllOccurrences],
  ['the sampled search alone', findAllBySampling],
])('%s', (_name, findAllOccurrences) => {
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

  it('finds quotes of every length band in a long text, each occurrence once', () => {
    const words = Array.from({ length: 4000 }, (_, index) => `w${(index * 7919) % 1009}`);
    const text = words.join(' ');
    const quotes = [7, 9, 15, 23, 24, 47, 48, 95, 200, 700].map((length, index) =>
      text.slice(index * 1500 + 3, index * 1500 + 3 + length),
    );
    expect(findAllOccurrences(text, quotes, 50)).toEqual(
      quotes.map((quote) => findOccurrences(text, quote, 50)),
    );
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
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 90 })), { maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        (text, cuts, limit) => {
          const quotes = cuts.map(([at, length]) => {
            const start = text.length === 0 ? 0 : at % text.length;
            return text.slice(start, start + length);
          });
          quotes.push('ab'.repeat(9));
          expect(findAllOccurrences(text, quotes, 1000)).toEqual(
            quotes.map((quote) => findOccurrences(text, quote, 1000)),
          );
          // With a small limit, still the first occurrences, in order.
          expect(findAllOccurrences(text, quotes, limit)).toEqual(
            quotes.map((quote) => findOccurrences(text, quote, limit)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives each quote its own limit, and finds the rest once common quotes have theirs', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('ab ', 'abc ', 'the ', 'a', 'quick '), {
            minLength: 20,
            maxLength: 500,
          })
          .map((words) => words.join('')),
        fc.array(
          fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 })),
          { minLength: 1, maxLength: 40 },
        ),
        (text, cuts) => {
          // Many quotes of like lengths share one band, and short ones recur often: a quote
          // stops being collected at its own limit, while the others go on being found.
          const quotes = cuts.map(([at, length]) => text.slice(at % text.length).slice(0, length));
          const limits = cuts.map(([, , limit]) => limit);
          expect(findAllOccurrences(text, quotes, limits)).toEqual(
            quotes.map((quote, index) => findOccurrences(text, quote, limits[index] ?? 0)),
          );
        },
      ),
      { seed: 20261201, numRuns: 400 },
    );
  });
});
