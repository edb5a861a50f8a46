import approximateSearch from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchNearPieces, searchWholeText } from './approximate';

const WORDS = ['the', 'harbour', 'council', 'approved', 'on', 'Tuesday', 'and', 'a', 'new', 'plan'];

/** A text of random words, a quote cut from it, and a few letters of the quote changed. */
const textAndQuote = fc
  .record({
    words: fc.array(
      fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 999 }).map(String)),
      { minLength: 100, maxLength: 600 },
    ),
    start: fc.nat(),
    length: fc.integer({ min: 12, max: 90 }),
    edits: fc.array(fc.record({ at: fc.nat(), letter: fc.constantFrom('x', 'q', ' ', '') }), {
      maxLength: 5,
    }),
  })
  .map(({ words, start, length, edits }) => {
    const text = words.join(' ');
    const from = start % Math.max(1, text.length - length);
    const chars = text.slice(from, from + length).split('');
    for (const { at, letter } of edits) chars[at % chars.length] = letter;
    return { text, quote: chars.join('').trim() };
  })
  .filter(({ quote }) => quote.length > 0);

describe('searchWholeText', () => {
  it('reports what a search of the whole text reports, in the same order', () => {
    let readNearPieces = 0;
    fc.assert(
      fc.property(textAndQuote, ({ text, quote }) => {
        const budget = Math.max(1, Math.floor(quote.length / 4));
        expect(searchWholeText(text, quote, budget)).toEqual(
          approximateSearch(text, quote, budget),
        );
        if (searchNearPieces(text, quote, budget) !== null) readNearPieces += 1;
      }),
      { numRuns: 1500 },
    );
    // The shortcut was taken often enough for the comparison to mean something.
    expect(readNearPieces).toBeGreaterThan(300);
  });

  it('reads only near the pieces for a slightly edited quote on a long page', () => {
    // Numbered minutes of many meetings: every sentence differs in its numbers and names.
    const names = ['Ada', 'Bram', 'Cleo', 'Dov', 'Esme', 'Fynn', 'Gita'];
    const paragraph = (n: number) =>
      `Minute ${n}: ${names[n % 7]} moved item ${n * 13} and ${names[(n * 3) % 7]} seconded it on day ${n}. `;
    const text = Array.from({ length: 400 }, (_, n) => paragraph(n)).join('');
    expect(text).toContain('Minute 267: Bram moved item 3471 and Dov seconded it on day 267.');
    const quote = 'Bram moved item 3471 and Dxv secondxd it on day 267';
    const near = searchNearPieces(text, quote, Math.floor(quote.length / 4));
    expect(near).not.toBeNull();
    expect(near).toEqual(approximateSearch(text, quote, Math.floor(quote.length / 4)));
    expect(near?.map((match) => text.slice(match.start, match.end))).toContain(
      'Bram moved item 3471 and Dov seconded it on day 267',
    );
  });

  it('keeps only the fewest errors of all windows, whichever window comes first', () => {
    const filler = (n: number) => `Entry ${n} of the long register of harbour dues. `;
    const pages = Array.from({ length: 300 }, (_, n) => filler(n));
    const quote = 'The council approved the harbour expansion on Tuesday';
    // Further from the quote first (three letters changed), then closer (one changed).
    pages[50] = 'The cxuncil approvxd the harbour expansion on Tuxsday. ';
    pages[250] = 'The council approved the harbour expansixn on Tuesday. ';
    const text = pages.join('');
    const budget = Math.floor(quote.length / 4);
    const near = searchNearPieces(text, quote, budget);
    expect(near).not.toBeNull();
    expect(near).toEqual(approximateSearch(text, quote, budget));
    expect(near?.map((match) => match.errors)).toEqual([1]);
  });

  it('leaves the whole text to the full search when no place is within a few edits', () => {
    const text = 'a harbour plan '.repeat(200);
    expect(searchNearPieces(text, 'zzzzzzzzzzzzzzzzzzzzzzzz', 6)).toBeNull();
  });
});
