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
    const source = 'e\u0301  x\u00ady \u201cq\u201d \ufb01n';
    const normalised = normaliseText(source);
    expect(normalised.text).toBe('\u00e9 xy "q" fin');
    const spans = Array.from(normalised.text, (_, index) => [
      normalised.sourceStartOf(index),
      normalised.sourceEndOf(index),
    ]);
    expect(spans).toEqual([
      [0, 2], // é from e + combining acute
      [2, 4], // one space from two
      [4, 5], // x; the soft hyphen after it is gone
      [6, 7], // y
      [7, 8],
      [8, 9], // “ folded to "
      [9, 10],
      [10, 11],
      [11, 12],
      [12, 13], // f and i both from the ligature ﬁ
      [12, 13],
      [13, 14],
    ]);
    expect(normalised.indexAtSource(0)).toBe(0);
    expect(normalised.indexAtSource(5)).toBe(3); // the soft hyphen: next character is y
    expect(normalised.indexAtSource(12)).toBe(9);
    expect(normalised.indexAtSource(source.length)).toBe(normalised.text.length);
  });

  it('keeps a leading space, which a suffix needs to line up', () => {
    expect(normaliseString('  and more')).toBe(' and more');
  });

  it('keeps surrogate pairs whole', () => {
    const normalised = normaliseText('a\u{1F600}b');
    expect(normalised.text).toBe('a\u{1F600}b');
    expect([1, 2].map((index) => normalised.sourceEndOf(index))).toEqual([3, 3]);
    expect([1, 2].map((index) => normalised.sourceStartOf(index))).toEqual([1, 1]);
  });

  it('copies long plain text through untouched', () => {
    const plain = 'word '.repeat(10_000);
    const normalised = normaliseText(plain);
    expect(normalised.text).toBe(plain);
    expect(normalised.sourceStartOf(31_337)).toBe(31_337);
    expect(normalised.indexAtSource(4_242)).toBe(4_242);
  });
});
