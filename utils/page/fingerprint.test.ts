import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FixtureName, readFixture } from '../../e2e/fixtures';
import {
  articleText,
  FINGERPRINT_SIZE,
  fingerprintSimilarity,
  normaliseForFingerprint,
  textFingerprint,
} from './fingerprint';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The body element of a fixture, found by markup alone (recognition is tested elsewhere). */
function fixtureBody(name: FixtureName): Element {
  const body = parse(readFixture(name)).querySelector('[itemprop="articleBody"], .entry-content');
  if (body === null) throw new Error(`${name} has no body element`);
  return body;
}

const UNRELATED_TEXT = `The allotment committee met on Tuesday evening to settle the spring planting
rota. Plot holders agreed that the shared greenhouse would open at seven each morning, that the
water butts would be cleaned before the first frost-free week, and that seedlings left on the
communal bench for more than three days could be adopted by anyone who wanted them. A proposal to
replace the gravel paths with wood chips was deferred until the treasurer has priced both options.
The annual show will again include classes for the longest runner bean, the heaviest onion and the
best jar of chutney, with a new prize this year for the most imaginative scarecrow. Volunteers are
still needed to staff the tea stall and to help older members carry compost from the delivery bay.`;

describe('articleText', () => {
  it('keeps words whole across inline markup and separates paragraphs', () => {
    const body = parse(
      '<div><p><span class="dropcap">S</span>ince <em>the</em> <a href="#">beginning</a>,</p>' +
        '<p>second&nbsp;paragraph</p>allied<br>power</div>',
    ).body.firstElementChild;
    expect(body).not.toBeNull();
    expect(articleText(body as Element)).toBe(
      'Since the beginning,\n\nsecond paragraph\n\nallied\n\npower',
    );
  });

  it('separates loose text from the blocks beside it', () => {
    const body = parse('<div>before<p>inside</p>after<ul><li>one</li><li>two</li></ul></div>').body
      .firstElementChild as Element;
    expect(articleText(body)).toBe('before\n\ninside\n\nafter\n\none\n\ntwo');
  });

  it('skips scripts, styles, templates, buttons and hidden elements', () => {
    const body = parse(
      '<div><p>kept <script>var x = 1;</script>text</p><style>p{}</style>' +
        '<template><p>later</p></template><p hidden>hidden</p><button>Share</button>' +
        '<p>more <svg><text>icon</text></svg>text</p></div>',
    ).body.firstElementChild as Element;
    expect(articleText(body)).toBe('kept text\n\nmore text');
  });

  it('reads the same words from the main copy and the variant', () => {
    expect(articleText(fixtureBody('article-variant.html'))).toBe(
      articleText(fixtureBody('article.html')),
    );
  });

  it('keeps the article text word for word', () => {
    const text = articleText(fixtureBody('article.html'));
    expect(text).toContain('Mexico plays a of regional political power');
    expect(text).toContain(
      'Washington wants Mexico close as a subordinate, not an allied\n\npower,',
    );
    expect(text).toContain(
      'North Central American Triangle – Honduras, El Salvador, and Guatemala -,',
    );
    expect(text).toContain('"I strongly believe that we are embarking on a new era');
    expect(text).toContain('Andrés Manuel López Obrador');
  });

  it('does not overflow the stack on deeply nested markup', () => {
    const html = `${'<div>'.repeat(5_000)}deep words${'</div>'.repeat(5_000)}`;
    expect(articleText(parse(html).body)).toBe('deep words');
  });
});

describe('normaliseForFingerprint', () => {
  it('unifies case, quotes, dashes, apostrophes and whitespace, and drops punctuation', () => {
    expect(normaliseForFingerprint('“New Era” — Biden’s\u00a0US–Mexico  ties!')).toBe(
      normaliseForFingerprint('"new era" - Biden\'s US-Mexico ties.'),
    );
    expect(normaliseForFingerprint("Biden's  US–Mexico, ties")).toBe('bidens us mexico ties');
  });
});

describe('textFingerprint', () => {
  const articleBodyText = articleText(fixtureBody('article.html'));

  it('keeps the k smallest distinct hashes as sorted 8-digit hex', () => {
    const fingerprint = textFingerprint(articleBodyText);
    expect(fingerprint).toHaveLength(FINGERPRINT_SIZE);
    expect(new Set(fingerprint).size).toBe(fingerprint.length);
    for (const hash of fingerprint) expect(hash).toMatch(/^[0-9a-f]{8}$/);
    expect([...fingerprint].sort()).toEqual(fingerprint);
  });

  it('is stable from run to run', () => {
    // A pack stores fingerprints: the same text must always give the same one.
    expect(textFingerprint('one two three four five')).toEqual(
      textFingerprint('one two three four five'),
    );
    // FNV-1a 32-bit of "one two three four five", computed independently.
    expect(textFingerprint('one two three four five')).toEqual(['1a1384a5']);
  });

  it('handles empty and short texts', () => {
    expect(textFingerprint('')).toEqual([]);
    expect(textFingerprint(' … — ')).toEqual([]);
    expect(textFingerprint('two words')).toHaveLength(1);
  });

  it('gives the sketch of a shingle-by-shingle reading, hashed in place', () => {
    // The packs' stored fingerprints were made by this reading: hashing each shingle where it
    // stands in the text must not change one of them.
    const words = fc.constantFrom(
      'a',
      'Biden’s',
      'AMLO',
      'café',
      'naïve',
      '—',
      '2021',
      'x',
      '“no”',
    );
    const texts = fc.array(words, { maxLength: 400 }).map((list) => list.join(' \n'));
    fc.assert(
      fc.property(texts, (text) => {
        expect(textFingerprint(text)).toEqual(fingerprintBySlices(text));
      }),
      { seed: 1701, numRuns: 400 },
    );
    expect(textFingerprint(articleBodyText)).toEqual(fingerprintBySlices(articleBodyText));
  });

  it('reads no more than the first 50,000 words of a huge text', () => {
    const huge = Array.from({ length: 50_010 }, (_, index) => `w${index}`).join(' ');
    const first = Array.from({ length: 50_000 }, (_, index) => `w${index}`).join(' ');
    expect(textFingerprint(huge)).toEqual(textFingerprint(first));
    expect(textFingerprint(huge)).toEqual(fingerprintBySlices(huge));
  });
});

/** The sketch made one shingle string at a time, as fingerprints were first made (the oracle). */
function fingerprintBySlices(text: string): string[] {
  const normalised = normaliseForFingerprint(text);
  if (normalised === '') return [];
  const words = normalised.split(' ', 50_000);
  const fnv = (value: string): number => {
    let hash = 0x811c9dc5;
    for (let index = 0; index < value.length; index++) {
      hash ^= value.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
  };
  const hashes = new Set<number>();
  if (words.length < 5) hashes.add(fnv(words.join(' ')));
  for (let start = 0; start + 5 <= words.length; start++) {
    hashes.add(fnv(words.slice(start, start + 5).join(' ')));
  }
  return [...hashes]
    .sort((left, right) => left - right)
    .slice(0, FINGERPRINT_SIZE)
    .map((hash) => hash.toString(16).padStart(8, '0'));
}

describe('fingerprintSimilarity', () => {
  const main = textFingerprint(articleText(fixtureBody('article.html')));

  it('is 1 for the same text and 0 when either side is empty', () => {
    expect(fingerprintSimilarity(main, main)).toBe(1);
    expect(fingerprintSimilarity(main, [])).toBe(0);
    expect(fingerprintSimilarity([], [])).toBe(0);
  });

  it('is at least 0.9 between the main copy and the variant', () => {
    const variant = textFingerprint(articleText(fixtureBody('article-variant.html')));
    expect(fingerprintSimilarity(main, variant)).toBeGreaterThanOrEqual(0.9);
  });

  it('is at least 0.9 after typography and whitespace changes', () => {
    const retyped = articleText(fixtureBody('article.html'))
      .replace(/"([^"]*)"/g, '“$1”')
      .replace(/'/g, '’')
      .replace(/ – /g, ' — ')
      .replace(/ /g, '\u00a0 ')
      .toUpperCase();
    expect(fingerprintSimilarity(main, textFingerprint(retyped))).toBeGreaterThanOrEqual(0.9);
  });

  it('is at least 0.7 with a few ad paragraphs inserted', () => {
    const body = fixtureBody('article.html');
    const paragraphs = body.querySelectorAll('p');
    const ads = [
      'Advertisement. Subscribe today and save forty percent on your first year of unlimited access.',
      'Sponsored content: discover the ten travel destinations everyone will be talking about.',
      'Advertisement. Try our new newsletter, delivered to your inbox every weekday morning for free.',
    ];
    ads.forEach((ad, index) => {
      const paragraph = body.ownerDocument.createElement('p');
      paragraph.textContent = ad;
      body.insertBefore(paragraph, paragraphs[2 + index * 3] ?? null);
    });
    const withAds = textFingerprint(articleText(body));
    expect(fingerprintSimilarity(main, withAds)).toBeGreaterThanOrEqual(0.7);
  });

  it('is at most 0.1 for an unrelated text', () => {
    expect(fingerprintSimilarity(main, textFingerprint(UNRELATED_TEXT))).toBeLessThanOrEqual(0.1);
  });

  it('tells the article from its first three paragraphs alone', () => {
    // About a third of the words: the estimate must fall well below the "same article" range.
    const paragraphs = articleText(fixtureBody('article.html')).split('\n\n');
    const opening = paragraphs.slice(0, 3).join('\n\n');
    expect(fingerprintSimilarity(main, textFingerprint(opening))).toBeLessThan(0.6);
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (left, right) => {
        const a = textFingerprint(left);
        const b = textFingerprint(right);
        const similarity = fingerprintSimilarity(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
        expect(fingerprintSimilarity(b, a)).toBe(similarity);
      }),
    );
  });
});
