import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZY_THRESHOLD, matchQuote, type QuoteMatch } from './match-quote';
import { editDistance } from './similarity';

const text =
  'Four score and seven years ago our fathers brought forth on this continent a new nation. ' +
  'Now we are engaged in a great civil war, testing whether that nation can long endure. ' +
  'We are met on a great battle-field of that war.';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('matchQuote', () => {
  it('finds a unique exact quote with score 1', () => {
    const result = matchQuote(text, 'a new nation');
    expect(result).toEqual({
      found: true,
      start: text.indexOf('a new nation'),
      end: text.indexOf('a new nation') + 12,
      quality: 'exact',
      score: 1,
    });
  });

  it('tells repeated quotes apart by their prefix', () => {
    const second = text.indexOf('great', text.indexOf('great') + 1);
    const result = matchQuote(text, 'great', { prefix: 'We are met on a ' });
    expect(result.found && result.start).toBe(second);
  });

  it('reports a tie that neither context nor position settles as ambiguous', () => {
    expect(matchQuote('one two one two', 'one')).toEqual({ found: false, reason: 'ambiguous' });
  });

  it('finds a lightly edited quote as fuzzy, with a score between the threshold and 1', () => {
    const result = matchQuote(text, 'testing whether that natoin can long endure', {
      prefix: 'engaged in a great civil war, ',
      suffix: '. We are met',
    });
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.quality).toBe('fuzzy');
    expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(result.score).toBeLessThan(1);
    expect(text.slice(result.start, result.end)).toBe(
      'testing whether that nation can long endure',
    );
  });

  it('refuses a quote that is mostly different', () => {
    const result = matchQuote(text, 'probing if such a country could survive for long', {
      prefix: 'engaged in a great civil war, ',
      suffix: '. We are met',
    });
    expect(result.found).toBe(false);
  });

  it('refuses a near-miss of a short quote in surroundings that only half agree', () => {
    // The passage "a US-Mex" lost three letters; "b US-Mex" elsewhere is one letter off, and its
    // suffix is only partly like the saved one. Taken together that is another passage.
    const edited = '012S-Mexico a b US-Mexico international international a ';
    const result = matchQuote(edited, 'a US-Mex', { suffix: 'ico a b US-Mexico international' });
    expect(result.found).toBe(false);
  });

  it('refuses a short quote whose context no longer agrees', () => {
    const result = matchQuote(text, 'nation', {
      prefix: 'entirely different words before ',
      suffix: ' and different words after',
    });
    expect(result).toEqual({ found: false, reason: 'below-threshold' });
  });
});

/** Sentences that recur with a word or two changed, as in copies of one article. */
const VOCABULARY = ['the', 'harbour', 'council', 'approved', 'a', 'new', 'plan', 'on', 'Tuesday'];
const edit = fc.record({ at: fc.nat(), letter: fc.constantFrom('x', 'q', ' ', '') });
const lookAlikes = fc
  .record({
    sentence: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 8, maxLength: 16 }),
    copies: fc.array(
      fc.array(fc.record({ at: fc.nat(), word: fc.constantFrom(...VOCABULARY, 'mayor') }), {
        maxLength: 3,
      }),
      { minLength: 2, maxLength: 8 },
    ),
    copy: fc.nat(),
    start: fc.nat(),
    length: fc.integer({ min: 10, max: 60 }),
    quoteEdits: fc.array(edit, { maxLength: 6 }),
    contextEdits: fc.array(edit, { maxLength: 3 }),
    hinted: fc.boolean(),
  })
  .map(({ sentence, copies, copy, start, length, quoteEdits, contextEdits, hinted }) => {
    const sentences = copies.map((changes) => {
      const words = [...sentence];
      for (const { at, word } of changes) words[at % words.length] = word;
      return `${words.join(' ')}.`;
    });
    const text = sentences.join(' ');
    const chosen = copy % sentences.length;
    const base = sentences.slice(0, chosen).join(' ').length + (chosen > 0 ? 1 : 0);
    const sentenceLength = (sentences[chosen] ?? '').length;
    const from = base + (start % Math.max(1, sentenceLength - length));
    const change = (piece: string, edits: readonly { at: number; letter: string }[]) => {
      const chars = piece.split('');
      for (const { at, letter } of edits) if (chars.length > 0) chars[at % chars.length] = letter;
      return chars.join('');
    };
    const quote = change(text.slice(from, from + length), quoteEdits).trim();
    return {
      text,
      quote,
      prefix: change(text.slice(Math.max(0, from - 32), from), contextEdits),
      suffix: text.slice(from + length, from + length + 32),
      hint: hinted ? from : undefined,
    };
  })
  .filter(({ quote }) => quote.length > 0);

describe('matchQuote over look-alike passages', () => {
  it('decides as the search of every window with the full budget does', () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(lookAlikes, ({ text, quote, prefix, suffix, hint }) => {
        const context = { prefix, suffix, hint };
        const pruned: QuoteMatch = matchQuote(text, quote, context);
        expect(pruned).toEqual(matchQuote(text, quote, { ...context, exhaustive: true }));
        const kind = pruned.found ? pruned.quality : pruned.reason;
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      }),
      { numRuns: 2000 },
    );
    // Every kind of outcome came up often enough for the comparison to mean something.
    for (const kind of ['exact', 'fuzzy', 'ambiguous', 'not-found']) {
      expect(outcomes.get(kind) ?? 0).toBeGreaterThan(50);
    }
  });
});
