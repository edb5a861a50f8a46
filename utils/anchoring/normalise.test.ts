import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpaceCode, normaliseString, normaliseText } from './normalise';
import { referenceNormaliseText } from './normalise.reference';

/**
 * Characters where normalisation does something: every kind of white space (the BOM and U+0085
 * among them), controls and DEL, invisible characters, combining marks, Hangul jamo, surrogate
 * halves and pairs, compatibility forms, curly quotes and dashes, and plain letters around them.
 */
const TYPOGRAPHIC = [
  ...'ab Z.1',
  ' ',
  '  ',
  '\n',
  '\t',
  '\r\n',
  '\v',
  '\f',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u200a',
  '\u2028',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u0301',
  '\u0308',
  '\u20dd',
  '\u1100',
  '\u1161',
  '\u11a8',
  '\ud83d',
  '\ude00',
  '\u{1F600}',
  '\u{1D400}',
  '\ufb01',
  '\u2460',
  '\u00bd',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u00ab',
  '\u2013',
  '\u2014',
  '\u2212',
  '\u00e9',
  '\u00c5',
  '\u0130',
  '\u03a9',
  '\u4e2d',
];

/** Every span and position the two normalisers report for `source`. */
function mapOf(normalised: ReturnType<typeof normaliseText>, source: string) {
  return {
    text: normalised.text,
    spans: Array.from(normalised.text, (_, index) => [
      normalised.sourceStartOf(index),
      normalised.sourceEndOf(index),
    ]),
    positions: Array.from({ length: source.length + 1 }, (_, offset) =>
      normalised.indexAtSource(offset),
    ),
  };
}

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

  it('treats as white space exactly the code units that \\s matches', () => {
    const regex = /\s/;
    for (let code = 0; code <= 0xffff; code += 1) {
      expect(isSpaceCode(code), code.toString(16)).toBe(regex.test(String.fromCharCode(code)));
    }
  });

  it('gives the text and map the regular-expression normaliser gave, on typographic text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TYPOGRAPHIC), { maxLength: 60 }), (pieces) => {
        const source = pieces.join('');
        expect(mapOf(normaliseText(source), source)).toEqual(
          mapOf(referenceNormaliseText(source), source),
        );
      }),
      { seed: 20261201, numRuns: 3000 },
    );
  });

  it('gives the text and map the regular-expression normaliser gave, on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (source) => {
        expect(mapOf(normaliseText(source), source)).toEqual(
          mapOf(referenceNormaliseText(source), source),
        );
      }),
      { seed: 17, numRuns: 2000 },
    );
  });

  it('gives the text and map the regular-expression normaliser gave, on a long page', () => {
    const paragraph =
      'The \u201cnew era\u201d \u2014 it\u2019s US\u2013Mexico  talks,\n\n  Andre\u0301s L\u00f3pez ';
    const source = Array.from({ length: 400 }, (_, index) => `${paragraph}${index}\t`).join('\n');
    expect(mapOf(normaliseText(source), source)).toEqual(
      mapOf(referenceNormaliseText(source), source),
    );
  });
});
