import { describe, expect, it } from 'vitest';
import { normaliseString, normaliseText } from './normalise';

describe('normaliseText', () => {
  it('collapses whitespace runs, no-break spaces and line breaks into one space', () => {
    expect(normaliseString('a \u00a0\n\t b\u2003c')).toBe('a b c');
  });

  it('folds curly quotes, primes and dashes', () => {
    expect(normaliseString('\u201cnew era\u201d it\u2019s US\u2013Mexico \u2014 \u22121')).toBe(
      '"new era" it\'s US-Mexico - -1',
    );
  });

  it('drops soft hyphens and zero-width characters', () => {
    expect(normaliseString('inter\u00addepen\u200bdence\u200d\ufeff')).toBe('interdependence');
  });

  it('makes NFD, NFC and compatibility forms equal', () => {
    const nfd = 'Andre\u0301s Lo\u0301pez';
    const nfc = 'Andr\u00e9s L\u00f3pez';
    expect(nfd).not.toBe(nfc);
    expect(normaliseString(nfd)).toBe(normaliseString(nfc));
    expect(normaliseString('\ufb01nal')).toBe('final');
  });

  it('maps every normalised character back to the source characters it came from', () => {
    const source = 'e\u0301  x\u00ady';
    const { text, sourceStart, sourceEnd } = normaliseText(source);
    expect(text).toBe('\u00e9 xy');
    expect(Array.from(sourceStart)).toEqual([0, 2, 4, 6]);
    expect(Array.from(sourceEnd)).toEqual([2, 3, 5, 7]);
  });

  it('keeps a leading space, which a suffix needs to line up', () => {
    expect(normaliseString('  and more')).toBe(' and more');
  });

  it('keeps surrogate pairs whole', () => {
    const { text, sourceEnd } = normaliseText('a\u{1F600}b');
    expect(text).toBe('a\u{1F600}b');
    expect(Array.from(sourceEnd)).toEqual([1, 3, 3, 4]);
  });
});
