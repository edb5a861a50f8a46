import approximateSearch from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchBitParallel } from './bit-parallel';

/** Few letters, so that near matches are common; one outside Latin-1 and one astral pair half. */
const letter = fc.constantFrom('a', 'b', 'c', ' ', 'é', '\u2019', '\ud83d');
/** A string of `min` to `max` letters, every length equally likely (patterns over 32 included). */
const letters = (min: number, max: number) =>
  fc
    .integer({ min, max })
    .chain((length) => fc.array(letter, { minLength: length, maxLength: length }))
    .map((chosen) => chosen.join(''));
const text = letters(0, 300);

describe('searchBitParallel', () => {
  it('reports what approx-string-match reports for the span, in the same order', () => {
    fc.assert(
      fc.property(
        text,
        letters(1, 90),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 30 }),
        (page, pattern, a, b, maxErrors) => {
          const from = a % (page.length + 1);
          const to = from + (b % (page.length - from + 1));
          const expected = approximateSearch(page.slice(from, to), pattern, maxErrors).map(
            (match) => ({ start: from + match.start, end: from + match.end, errors: match.errors }),
          );
          expect(searchBitParallel(page, pattern, from, to, maxErrors)).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds a quote with two letters changed, and only where it is', () => {
    const page = 'The council met on Tuesday. The harbour council approved a new plan on Tuesday.';
    const quote = 'harbxur council approvad';
    const found = searchBitParallel(page, quote, 0, page.length, 4);
    expect(found.map((match) => page.slice(match.start, match.end))).toEqual([
      'harbour council approved',
    ]);
    expect(found[0]?.errors).toBe(2);
  });

  it('reads only the span it is given', () => {
    const page = 'exact words here, then exact words here again';
    const second = page.lastIndexOf('exact');
    expect(searchBitParallel(page, 'exact words', second, page.length, 0)).toEqual([
      { start: second, end: second + 11, errors: 0 },
    ]);
    expect(searchBitParallel(page, 'exact words', 1, second, 0)).toEqual([]);
  });
});
