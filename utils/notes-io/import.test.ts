import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTag } from '../store/note-rules';
import type { Note } from '../store/types';
import { NOTE_MAX_LENGTH, NOTE_MAX_TAGS, TAG_MAX_LENGTH } from '../store/types';
import { exportJsonLd } from './export-jsonld';
import { exportMarkdown } from './export-markdown';
import type { ImportOptions } from './import';
import { parseImport } from './test-import';
import { makeNote, testId } from './test-notes';

const NOW = '2024-06-01T09:00:00.000Z';
const options: ImportOptions = { now: NOW, newId: testId };

function parseOk(text: string, extra: Partial<ImportOptions> = {}) {
  const result = parseImport(text, { ...options, ...extra });
  if (!result.ok) throw new Error(`expected the file to be accepted, got: ${result.error}`);
  return result;
}

function parseError(text: string): string {
  const result = parseImport(text, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

/** A minimal foreign annotation that imports, to be spoiled one field at a time. */
function annotation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    body: { type: 'TextualBody', value: 'Worth checking.' },
    target: {
      source: 'https://news.example/world/harbour-vote/1234567',
      selector: { type: 'TextQuoteSelector', exact: 'four thousand jobs' },
    },
    ...overrides,
  };
}

/** The reason the item is skipped, in a file whose other annotation is fine. */
function skipReason(item: unknown): string {
  const result = parseImport(JSON.stringify([annotation(), item]), options);
  if (!result.ok) throw new Error(`file refused: ${result.error}`);
  expect(result.notes).toHaveLength(1);
  expect(result.skipped).toHaveLength(1);
  expect(result.skipped[0]?.index).toBe(1);
  return result.skipped[0]?.reason ?? '';
}

describe('parseImport: round trip of our own export', () => {
  const varied: Note[] = [
    makeNote(),
    makeNote({
      articleKey: 'pack:harbour-2024',
      articleTitle: 'Ünïcödé — «quotes» 東京 🚢',
      body: 'Line one\n\nLine two with **bold** and [a link](https://example.org) 👍🏽',
      tags: ['日本', 'fact-check', 'a'.repeat(TAG_MAX_LENGTH)],
      claimId: 'claim-7',
      target: {
        selectors: [{ type: 'TextQuoteSelector', exact: 'ça coûte 3 € — “cher”' }],
      },
      created: '2023-12-31T23:59:59.999Z',
      modified: '2024-01-02T08:00:00.000Z',
    }),
    makeNote({
      body: 'x'.repeat(NOTE_MAX_LENGTH),
      tags: Array.from({ length: NOTE_MAX_TAGS }, (_, index) => `tag-${index}`),
    }),
    makeNote({ tags: [], url: 'http://news.example/', articleKey: '/' }),
  ];

  it('gives back exactly the notes that were exported', () => {
    const text = exportJsonLd(varied, { generatedAt: NOW });
    const result = parseOk(text);
    expect(result.skipped).toEqual([]);
    expect(result.notes).toEqual(varied);
  });

  it('never reads back soft-deleted notes, because they are never written', () => {
    const deleted = makeNote({ deletedAt: '2024-05-02T00:00:00.000Z' });
    const result = parseOk(exportJsonLd([deleted, ...varied], { generatedAt: NOW }));
    expect(result.notes.map((note) => note.id)).not.toContain(deleted.id);
    expect(result.notes).toHaveLength(varied.length);
  });

  it('reads an empty export as no notes', () => {
    expect(parseOk(exportJsonLd([], { generatedAt: NOW }))).toEqual({
      ok: true,
      notes: [],
      skipped: [],
    });
  });

  it('round-trips random valid note sets', () => {
    const text = (min: number, max: number) =>
      fc.string({ unit: 'binary', minLength: min, maxLength: max });
    const visible = (max: number) => text(1, max).filter((value) => value.trim() !== '');
    const time = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString());
    const url = fc
      .tuple(
        fc.constantFrom(
          'https://news.example',
          'http://paper.example.org',
          'https://xn--bcher-kva.example',
        ),
        fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 4 }),
      )
      .map(([origin, segments]) => `${origin}/${segments.join('/')}`);
    const position = fc.tuple(fc.nat(1_000_000), fc.nat(10_000)).map(([start, length]) => ({
      type: 'TextPositionSelector' as const,
      start,
      end: start + length,
    }));
    const quote = fc.record(
      {
        type: fc.constant('TextQuoteSelector' as const),
        exact: visible(300),
        prefix: text(0, 32),
        suffix: text(0, 32),
      },
      { requiredKeys: ['type', 'exact'] },
    );
    // Stored tags are normalised (note-rules), so a valid note's tags are already in that form.
    const tag = text(1, TAG_MAX_LENGTH).filter(
      (value) => value !== '' && value === normaliseTag(value),
    );
    const note = fc.record(
      {
        id: fc.uuid(),
        articleKey: text(1, 200),
        url,
        articleTitle: text(0, 200),
        target: fc.oneof(
          fc.tuple(quote, position).map((selectors) => ({ selectors: [...selectors] })),
          quote.map((selector) => ({ selectors: [selector] })),
        ),
        body: visible(1000),
        tags: fc.uniqueArray(tag, {
          maxLength: NOTE_MAX_TAGS,
          selector: (value) => value.toLowerCase(),
        }),
        claimId: text(1, 200),
        created: time,
        modified: time,
      },
      {
        requiredKeys: [
          'id',
          'articleKey',
          'url',
          'articleTitle',
          'target',
          'body',
          'tags',
          'created',
          'modified',
        ],
      },
    );
    fc.assert(
      fc.property(fc.uniqueArray(note, { maxLength: 8, selector: (n) => n.id }), (notes) => {
        const result = parseImport(exportJsonLd(notes, { generatedAt: NOW }), options);
        expect(result).toEqual({ ok: true, notes, skipped: [] });
      }),
      { numRuns: 100 },
    );
    // Generating and round-tripping a hundred note sets is slow when test files run in parallel.
  }, 30_000);
});

describe('parseImport: annotations from other tools', () => {
  // The shape Hypothesis serves as JSON-LD: a target list, a RangeSelector by XPath next to the
  // position and quote, tags as tagging bodies, and its own ids and addresses.
  const hypothesisStyle = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: 'https://hypothes.is/a/x8sKd2AAEe-5k1tH3mPq0A',
    created: '2024-03-05T14:22:31.123456+00:00',
    modified: '2024-03-06T09:01:02.000001+00:00',
    creator: 'acct:reader@hypothes.is',
    body: [
      {
        type: 'TextualBody',
        value: 'The port authority says **1,200**, not 4,000.',
        format: 'text/markdown',
      },
      { type: 'TextualBody', purpose: 'tagging', value: 'jobs' },
      { type: 'TextualBody', purpose: 'tagging', value: ' numbers ' },
    ],
    target: [
      {
        source: 'https://News.Example/World/Harbour-Vote/1234567/?utm_source=feed#comments',
        selector: [
          {
            type: 'RangeSelector',
            startSelector: { type: 'XPathSelector', value: '/main[1]/article[1]/p[4]' },
            endSelector: { type: 'XPathSelector', value: '/main[1]/article[1]/p[4]' },
          },
          { type: 'TextPositionSelector', start: 2210, end: 2246 },
          {
            type: 'TextQuoteSelector',
            exact: 'the expansion will create 4,000 jobs',
            prefix: 'The mayor said ',
            suffix: ' by 2030.',
          },
        ],
      },
    ],
  };

  it('imports a Hypothesis-style annotation', () => {
    const result = parseOk(JSON.stringify(hypothesisStyle));
    expect(result.skipped).toEqual([]);
    const [note] = result.notes;
    expect(note).toEqual({
      id: expect.stringMatching(/^00000000-0000-4000-8000-/),
      articleKey: '/world/harbour-vote/1234567',
      url: 'https://news.example/World/Harbour-Vote/1234567/',
      articleTitle: 'https://news.example/World/Harbour-Vote/1234567/',
      target: {
        selectors: [
          { type: 'TextPositionSelector', start: 2210, end: 2246 },
          {
            type: 'TextQuoteSelector',
            exact: 'the expansion will create 4,000 jobs',
            prefix: 'The mayor said ',
            suffix: ' by 2030.',
          },
        ],
      },
      body: 'The port authority says **1,200**, not 4,000.',
      tags: ['jobs', 'numbers'],
      created: '2024-03-05T14:22:31.123Z',
      modified: '2024-03-06T09:01:02.000Z',
    });
    expect(note?.claimId).toBeUndefined();
  });

  // Apache Annotator's examples: one target object, a single selector object, a plain TextualBody
  // without purpose, no times.
  const annotatorStyle = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:6c0b6a4e-2f7d-4a51-9d3e-0d2b7c1e9a11',
    type: 'Annotation',
    motivation: 'commenting',
    body: { type: 'TextualBody', value: 'Compare with the 2019 plan.', format: 'text/plain' },
    target: {
      source: 'https://paper.example.org/news/harbour',
      selector: {
        type: 'TextQuoteSelector',
        exact: 'approved the harbour plan',
        prefix: 'On Tuesday the council ',
        suffix: ' by nine votes',
        refinedBy: { type: 'TextPositionSelector', start: 2, end: 10 },
      },
    },
  };

  it('imports an Apache Annotator-style annotation, keeping its uuid and ignoring refinedBy', () => {
    const [note] = parseOk(JSON.stringify(annotatorStyle)).notes;
    expect(note).toMatchObject({
      id: '6c0b6a4e-2f7d-4a51-9d3e-0d2b7c1e9a11',
      articleKey: '/news/harbour',
      url: 'https://paper.example.org/news/harbour',
      body: 'Compare with the 2019 plan.',
      tags: [],
      created: NOW,
      modified: NOW,
      target: {
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: 'approved the harbour plan',
            prefix: 'On Tuesday the council ',
            suffix: ' by nine votes',
          },
        ],
      },
    });
  });

  it('takes a quote nested in refinedBy of a CSS selector, without a position', () => {
    const [note] = parseOk(
      JSON.stringify(
        annotation({
          target: {
            source: 'https://news.example/a',
            selector: [
              {
                type: 'CssSelector',
                value: '#story',
                refinedBy: { type: 'TextQuoteSelector', exact: 'nine votes' },
              },
              { type: 'TextPositionSelector', start: 5, end: 15 },
            ],
          },
        }),
      ),
    ).notes;
    expect(note?.target.selectors).toEqual([{ type: 'TextQuoteSelector', exact: 'nine votes' }]);
  });

  it('accepts every container shape', () => {
    const one = annotation();
    const shapes: unknown[] = [
      one,
      [one],
      { type: 'AnnotationPage', items: [one] },
      { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [one] } },
      { type: 'AnnotationCollection', items: [one] },
      { type: ['AnnotationCollection'], first: { items: [one] } },
    ];
    for (const shape of shapes) {
      expect(parseOk(JSON.stringify(shape)).notes, JSON.stringify(shape)).toHaveLength(1);
    }
  });

  it('follows embedded next pages', () => {
    const collection = {
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [annotation()], next: { items: [annotation()] } },
    };
    expect(parseOk(JSON.stringify(collection)).notes).toHaveLength(2);
  });

  it('reads bodies as text, a string, bodyValue or several parts, and tags once each', () => {
    const [fromString] = parseOk(JSON.stringify(annotation({ body: 'Plain string body' }))).notes;
    expect(fromString?.body).toBe('Plain string body');
    const [fromValue] = parseOk(
      JSON.stringify(annotation({ body: undefined, bodyValue: 'From bodyValue' })),
    ).notes;
    expect(fromValue?.body).toBe('From bodyValue');
    const [fromParts] = parseOk(
      JSON.stringify(
        annotation({
          body: [
            { type: 'TextualBody', value: 'First part', purpose: 'commenting' },
            { type: 'SpecificResource', source: 'https://example.org/image.png' },
            { type: 'TextualBody', value: 'Second part', purpose: 'describing' },
            { type: 'TextualBody', value: 'port', purpose: ['tagging'] },
            { type: 'TextualBody', value: 'port', purpose: 'tagging' },
          ],
        }),
      ),
    ).notes;
    expect(fromParts?.body).toBe('First part\n\nSecond part');
    expect(fromParts?.tags).toEqual(['port']);
  });

  it('normalises tags as the editor and the background do', () => {
    const tagging = (value: string) => ({ type: 'TextualBody', value, purpose: 'tagging' });
    const [note] = parseOk(
      JSON.stringify(
        annotation({
          body: ['Text', tagging('Foo'), tagging('foo'), tagging('  a  b '), tagging(' ')],
        }),
      ),
    ).notes;
    expect(note?.tags).toEqual(['Foo', 'a b']);
  });

  it('counts tags after normalising them, as the editor does', () => {
    // 21 spellings of 20 tags: one repeat in another case is no extra tag.
    const tags = Array.from({ length: NOTE_MAX_TAGS }, (_, index) => ({
      type: 'TextualBody',
      value: `tag-${index}`,
      purpose: 'tagging',
    }));
    const repeat = { type: 'TextualBody', value: 'TAG-0', purpose: 'tagging' };
    const [note] = parseOk(JSON.stringify(annotation({ body: ['Text', ...tags, repeat] }))).notes;
    expect(note?.tags).toHaveLength(NOTE_MAX_TAGS);
  });

  it('keys articles with the function passed in', () => {
    const [note] = parseOk(JSON.stringify(annotation()), {
      articleKeyFor: (url) => `custom:${url.length}`,
    }).notes;
    expect(note?.articleKey).toBe('custom:47');
  });

  it('gives a new id to anything that is not a urn:uuid', () => {
    for (const id of ['https://hypothes.is/a/abc', 'urn:uuid:not-a-uuid', 42, null]) {
      const [note] = parseOk(JSON.stringify(annotation({ id }))).notes;
      expect(note?.id).toMatch(/^00000000-0000-4000-8000-/);
    }
  });
});

describe('parseImport: files that are refused', () => {
  it('refuses text that is not JSON, in plain words with the line and column', () => {
    expect(parseError('<html>not this</html>')).toBe(
      'The file is not JSON: it looks like a web page or XML. Counterpoint imports notes files in JSON-LD (W3C Web Annotations), such as its own .jsonld export.',
    );
    expect(parseError('{"type": "Annotation",')).toBe(
      'The file is not JSON: it stops in the middle (line 1, column 23), so part of it is missing. Export the notes again, or pick the complete file.',
    );
    const broken = '{\n  "type": "Annotation",\n    x: 1\n}';
    expect(parseError(broken)).toMatch(
      /^The file is not JSON: something is out of place \(line 3, column 5\)\. /,
    );
    expect(parseError('{ not json')).toMatch(/\(line 1, column 3\)/);
    // No engine detail ("Unexpected token", "position 2") reaches the reader.
    expect(parseError(broken)).not.toMatch(/token|position|JSON\.parse/i);
    expect(parseError('   \n')).toBe('The file is empty.');
  });

  it('refuses JSON that holds no annotations', () => {
    expect(parseError('42')).toMatch(
      /^No annotations found: expected an AnnotationCollection.*a number/,
    );
    expect(parseError('"hello"')).toMatch(/^No annotations found: .*the text "hello"/);
    expect(parseError('null')).toMatch(/^No annotations found: .*null/);
    expect(parseError('{"type": "Person", "name": "Ada"}')).toMatch(/its type is "Person"/);
    expect(parseError('{"name": "Ada"}')).toMatch(/it has no type/);
    expect(parseError('[1, 2, "three"]')).toMatch(/the list holds no annotations/);
  });

  it('refuses containers of the wrong type', () => {
    expect(parseError('{"type": "AnnotationCollection", "first": {"items": "oops"}}')).toMatch(
      /first page has the text "oops" where the list of items should be/,
    );
    expect(parseError('{"type": "AnnotationPage", "items": {}}')).toMatch(
      /AnnotationPage has an object where the list of items should be/,
    );
    expect(parseError('{"type": "AnnotationCollection", "first": 3}')).toMatch(
      /"first" is a number \(3\), not a page/,
    );
    expect(
      parseError('{"type": "AnnotationCollection", "first": "https://example.org/page1"}'),
    ).toMatch(/on a separate page \(https:\/\/example.org\/page1\)/);
  });

  it('refuses files over 50 MB before parsing them, with the size', () => {
    const junk = 'x'.repeat(50_300_000);
    expect(parseError(junk)).toBe('The file is 50.3 MB; the limit is 50 MB.');
    // Under the limit in characters, over it in bytes: 17 million three-byte characters.
    expect(parseError('€'.repeat(17_000_000))).toBe('The file is 51.0 MB; the limit is 50 MB.');
    // Just over the limit never reads as "50.0 MB".
    expect(parseError(' '.repeat(50_000_001))).toBe('The file is 50.1 MB; the limit is 50 MB.');
  });

  it('tells a reader who picked the Markdown export to import the JSON-LD file', () => {
    const markdown = exportMarkdown([makeNote()], { generatedAt: NOW });
    expect(parseError(markdown)).toBe(
      'Markdown exports are for reading; import the JSON-LD file (.jsonld) instead.',
    );
    expect(parseError(`\uFEFF${markdown}`)).toMatch(/^Markdown exports are for reading/);
  });

  it('names other kinds of file that are not notes files', () => {
    expect(parseError('# My own notes\n\nSome text')).toMatch(
      /^The file is not JSON: it looks like Markdown\. Counterpoint imports/,
    );
    expect(parseError('%PDF-1.7\n\u0000\u0000binary')).toMatch(/looks like a binary file/);
    expect(parseError('\uFFFD\uFFFDPNG')).toMatch(/looks like a binary file/);
    expect(parseError('Plain words, not a notes file')).toMatch(
      /^The file is not JSON\. Counterpoint imports notes files in JSON-LD/,
    );
  });

  it('refuses 10 MB of junk as what it is: not JSON', () => {
    expect(parseError(`${'x'.repeat(10_000_000)}{`)).toMatch(/^The file is not JSON/);
  });

  it('reads a file of exactly 50 MB (a full backup of many thousands of notes)', () => {
    const padded = JSON.stringify([annotation()]).padEnd(50_000_000, ' ');
    expect(parseOk(padded).notes).toHaveLength(1);
  });

  it('copes with very deep nesting', () => {
    const depth = 200_000;
    expect(parseError('['.repeat(depth) + ']'.repeat(depth))).toMatch(/^No annotations found/);
    const deepSelector = `{"type":"Annotation","body":"x","target":{"source":"https://a.example/","selector":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const result = parseOk(deepSelector);
    expect(result.skipped[0]?.reason).toMatch(/no TextQuoteSelector/);
  });
});

describe('parseImport: annotations that are skipped, with the reason', () => {
  it('skips pages that are not http or https', () => {
    for (const source of [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://news.example/a',
    ]) {
      const reason = skipReason(annotation({ target: { source, selector: quoteSelector() } }));
      expect(reason, source).toMatch(/only http and https pages are accepted/);
    }
    expect(
      skipReason(annotation({ target: { source: 'not a url', selector: quoteSelector() } })),
    ).toMatch(/"not a url" is not a valid address/);
    expect(skipReason(annotation({ target: { selector: quoteSelector() } }))).toMatch(
      /no page address/,
    );
  });

  it('skips bodies over the limit, naming the limit', () => {
    const body = { type: 'TextualBody', value: 'x'.repeat(NOTE_MAX_LENGTH + 1) };
    expect(skipReason(annotation({ body }))).toBe(
      'the note is 20,001 characters long; the limit is 20,000',
    );
  });

  it('skips too many or too long tags', () => {
    const tags = Array.from({ length: NOTE_MAX_TAGS + 1 }, (_, index) => ({
      type: 'TextualBody',
      purpose: 'tagging',
      value: `t${index}`,
    }));
    expect(skipReason(annotation({ body: ['Text', ...tags] }))).toBe(
      `it has ${NOTE_MAX_TAGS + 1} tags; the limit is ${NOTE_MAX_TAGS}`,
    );
    const longTag = {
      type: 'TextualBody',
      purpose: 'tagging',
      value: 'y'.repeat(TAG_MAX_LENGTH + 1),
    };
    expect(skipReason(annotation({ body: ['Text', longTag] }))).toMatch(
      /is 51 characters long; the limit is 50$/,
    );
  });

  it('skips annotations without a usable TextQuoteSelector', () => {
    expect(
      skipReason(annotation({ target: 'https://news.example/world/harbour-vote/1234567' })),
    ).toMatch(/no TextQuoteSelector \(its target is only an address\)/);
    expect(
      skipReason(
        annotation({
          target: {
            source: 'https://news.example/a',
            selector: { type: 'TextPositionSelector', start: 1, end: 5 },
          },
        }),
      ),
    ).toMatch(/no TextQuoteSelector/);
    expect(
      skipReason(
        annotation({
          target: {
            source: 'https://news.example/a',
            selector: { type: 'TextQuoteSelector', exact: 7 },
          },
        }),
      ),
    ).toMatch(/TextQuoteSelector exact must be text/);
    expect(skipReason(annotation({ target: undefined }))).toBe('it has no target');
  });

  it('skips highlights that carry no text', () => {
    expect(skipReason(annotation({ body: undefined }))).toMatch(/no note text/);
    expect(skipReason(annotation({ body: { type: 'TextualBody', value: '  \n ' } }))).toMatch(
      /no note text/,
    );
  });

  it('skips fields of the wrong type, naming the field', () => {
    expect(skipReason(annotation({ created: 5 }))).toBe('created must be text');
    expect(skipReason(annotation({ modified: 'last Tuesday' }))).toMatch(
      /^modified must be an ISO 8601 date-time/,
    );
    expect(skipReason(annotation({ created: '2024-02-30T25:00:00Z' }))).toBe(
      'created is not a real date',
    );
    expect(skipReason(annotation({ counterpoint: { articleKey: 12 } }))).toBe(
      'counterpoint.articleKey must be text',
    );
    expect(skipReason(annotation({ counterpoint: 'yes' }))).toBe('counterpoint must be an object');
    expect(skipReason(annotation({ type: 'Person' }))).toBe('its type is "Person", not Annotation');
    expect(skipReason(7)).toBe('it is a number (7), not an annotation');
  });

  it('keeps the good annotations of a file and reports the bad ones by position', () => {
    const result = parseOk(
      JSON.stringify([
        annotation(),
        annotation({ target: { source: 'javascript:alert(1)', selector: quoteSelector() } }),
        annotation(),
      ]),
    );
    expect(result.notes).toHaveLength(2);
    expect(result.skipped).toEqual([{ index: 1, reason: expect.stringMatching(/javascript:/) }]);
  });

  it('judges every annotation on the same page alike, good address or bad', () => {
    const bad = { source: 'javascript:alert(1)', selector: quoteSelector() };
    const result = parseOk(
      JSON.stringify([
        annotation(),
        annotation({ target: bad }),
        annotation(),
        annotation({ target: bad }),
      ]),
    );
    expect(result.notes.map((note) => note.url)).toEqual([
      'https://news.example/world/harbour-vote/1234567',
      'https://news.example/world/harbour-vote/1234567',
    ]);
    expect(result.skipped.map((entry) => entry.index)).toEqual([1, 3]);
    expect(result.skipped[1]?.reason).toBe(result.skipped[0]?.reason);
  });

  it('is not fooled by __proto__ keys', () => {
    const hostile = `[{
      "__proto__": {"polluted": "yes", "type": "Annotation"},
      "type": "Annotation",
      "body": [{"type": "TextualBody", "value": "Text", "__proto__": {"purpose": "tagging"}}],
      "target": {"source": "https://news.example/a", "__proto__": {"selector": 1},
        "selector": {"type": "TextQuoteSelector", "exact": "quote", "__proto__": {"exact": 5}}},
      "counterpoint": {"__proto__": {"articleKey": "evil"}, "articleTitle": "Title"}
    }, {"__proto__": {"target": {}}}]`;
    const result = parseOk(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.notes).toHaveLength(1);
    const [note] = result.notes;
    expect(note?.body).toBe('Text');
    expect(note?.tags).toEqual([]);
    expect(note?.articleKey).toBe('/a');
    expect(Object.getPrototypeOf(note)).toBe(Object.prototype);
    expect(result.skipped).toEqual([{ index: 1, reason: expect.stringMatching(/no target/) }]);
  });

  it('reports a failing id source instead of throwing', () => {
    const result = parseImport(JSON.stringify(annotation()), {
      now: NOW,
      newId: () => {
        throw new Error('no randomness');
      },
    });
    expect(result).toEqual({ ok: false, error: 'The file could not be read: no randomness' });
  });
});

describe('parseImport never throws', () => {
  const check = (text: string) => {
    const result = parseImport(text, options);
    expect(typeof result.ok).toBe('boolean');
  };

  it('on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 500 });
  });

  it('on random JSON', () => {
    fc.assert(fc.property(fc.json(), check), { numRuns: 500 });
  });

  it('on random values inside annotation-shaped JSON', () => {
    const anything = fc.jsonValue();
    const shaped = fc.record({
      type: fc.oneof(fc.constant('Annotation'), anything),
      id: anything,
      created: anything,
      body: fc.oneof(
        anything,
        fc.array(fc.record({ type: anything, value: anything, purpose: anything })),
      ),
      target: fc.oneof(
        anything,
        fc.record({
          source: fc.oneof(fc.webUrl(), anything),
          selector: fc.oneof(
            anything,
            fc.record({
              type: fc.constant('TextQuoteSelector'),
              exact: anything,
              prefix: anything,
            }),
          ),
        }),
      ),
      counterpoint: anything,
    });
    fc.assert(
      fc.property(fc.array(shaped, { maxLength: 5 }), (items) => check(JSON.stringify(items))),
      { numRuns: 500 },
    );
  });
});

function quoteSelector() {
  return { type: 'TextQuoteSelector', exact: 'four thousand jobs' };
}
