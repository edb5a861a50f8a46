import { describe, expect, it } from 'vitest';
import { FUZZY_THRESHOLD, matchQuote } from './match-quote';
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
