/**
 * The pack validator: one broken pack per rule, each failing with a message that names the path,
 * plus property tests that no input, however odd, makes it throw or pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from './amlo-harris-2021.pack.json';
import { countSentences, isHttpUrl, isPartialDate, PACK_LIMITS, validatePack } from './schema';
import type { ContextPack } from './types';

/** A fresh, mutable copy of the real pack, typed loosely so tests can break it. */
function packCopy(): ContextPack {
  const result = validatePack(structuredClone(bundled));
  if (!result.ok) throw new Error(`the bundled pack must be valid: ${result.errors.join('; ')}`);
  return result.pack;
}

/** Validates `input` and returns its errors, failing the test if it was accepted. */
function errorsOf(input: unknown): string[] {
  const result = validatePack(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

/** Breaks a copy of the real pack with `mutate` (which may use loose access) and returns errors. */
function errorsAfter(mutate: (pack: Record<string, unknown> & ContextPack) => void): string[] {
  const pack = packCopy() as Record<string, unknown> & ContextPack;
  mutate(pack);
  return errorsOf(pack);
}

/** `value`, or a thrown error: a mutation that finds nothing to break must not pass silently. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the test pack has no ${what}`);
  return value;
}

/** The nth claim of a pack, which the real pack always has (it holds at least ten). */
function claimAt(pack: ContextPack, index: number) {
  const claim = pack.claims[index];
  if (!claim) throw new Error(`no claim ${index}`);
  return claim;
}

describe('validatePack', () => {
  it('accepts the bundled pack and returns it typed', () => {
    const result = validatePack(bundled);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.pack.claims.length).toBeGreaterThanOrEqual(PACK_LIMITS.minClaims);
  });

  it('refuses anything that is not an object', () => {
    for (const input of [null, undefined, 42, 'pack', true, [], [bundled]]) {
      expect(errorsOf(input)).toEqual(['pack: must be an object']);
    }
  });

  it('names each missing field', () => {
    const errors = errorsAfter((pack) => {
      delete (pack.claims[2] as Partial<ContextPack['claims'][number]>).summary;
      delete (pack as Partial<ContextPack>).lastReviewed;
    });
    expect(errors).toContain('claims[2].summary: is missing');
    expect(errors).toContain('lastReviewed: is missing');
  });

  it('refuses fields the format does not have', () => {
    const errors = errorsAfter((pack) => {
      (claimAt(pack, 0) as unknown as Record<string, unknown>).sorces = [];
    });
    expect(errors).toEqual(['claims[0].sorces: is not a field of this format']);
  });

  it.each([
    ['ftp://example.org/file'],
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['//example.org/no-scheme'],
    ['example.org'],
    [' https://example.org/'],
    ['https://exa mple.org/'],
    [''],
  ])('refuses the source address %j', (url) => {
    const errors = errorsAfter((pack) => {
      must(claimAt(pack, 2).sources[0], 'source').url = url;
    });
    expect(errors).toEqual(['claims[2].sources[0].url: must be an http or https address']);
  });

  it('checks addresses inside about entries too', () => {
    const errors = errorsAfter((pack) => {
      must(pack.about[0]?.sources[0], 'about source').url = 'data:,x';
    });
    expect(errors).toEqual(['about[0].sources[0].url: must be an http or https address']);
  });

  it("needs every source a counterpoint cites to be one of its claim's sources", () => {
    const errors = errorsAfter((pack) => {
      must(claimAt(pack, 1).counterpoints[0], 'counterpoint').sources = ['no-such-source'];
    });
    expect(errors).toEqual([
      'claims[1].counterpoints[0].sources[0]: names no source of this claim: "no-such-source" is not among its sources\' ids',
    ]);
  });

  it('lists each source once per claim: no repeated id, no repeated address', () => {
    const errors = errorsAfter((pack) => {
      const claim = claimAt(pack, 2);
      const [first, second] = claim.sources;
      if (!first || !second) throw new Error('the test claim needs two sources');
      second.id = first.id;
      claim.sources.push({ ...first, id: 'another-id' });
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        `claims[2].sources[1].id: is a duplicate: "${claimAt(packCopy(), 2).sources[0]?.id}" is already the id of sources[0]`,
        `claims[2].sources[${claimAt(packCopy(), 2).sources.length}].url: is listed twice: sources[0] has the same address`,
      ]),
    );
  });

  it('knows whether a title is a headline or a description, and nothing else', () => {
    const errors = errorsAfter((pack) => {
      (
        must(claimAt(pack, 0).sources[0], 'source') as unknown as Record<string, unknown>
      ).titleKind = 'slug';
    });
    expect(errors).toEqual([
      'claims[0].sources[0].titleKind: must be one of headline, description',
    ]);
  });

  it('needs 10 to 14 claims', () => {
    expect(errorsAfter((pack) => pack.claims.splice(9))).toEqual([
      'claims: must have at least 10 claims',
    ]);
    const tooMany = errorsAfter((pack) => {
      let next = 0;
      while (pack.claims.length < 15) {
        pack.claims.push({ ...claimAt(pack, next), id: `extra-claim-${next}` });
        next += 1;
      }
    });
    expect(tooMany).toEqual(['claims: must have at most 14 claims']);
  });

  it('refuses duplicate claim ids, pointing at the second', () => {
    const errors = errorsAfter((pack) => {
      claimAt(pack, 4).id = claimAt(pack, 1).id;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^claims\[4\]\.id: is a duplicate: ".+" is already the id of claims\[1\]$/,
    );
  });

  it('needs two sources for every verdict but opinion', () => {
    const pack = packCopy();
    const factualIndex = pack.claims.findIndex((claim) => claim.verdict !== 'opinion');
    const factual = claimAt(pack, factualIndex);
    const [kept] = factual.sources;
    if (!kept) throw new Error('the factual claim has no source');
    factual.sources = [kept];
    factual.counterpoints = factual.counterpoints.map((counterpoint) => ({
      ...counterpoint,
      sources: [kept.id],
    }));
    expect(errorsOf(pack)).toEqual([
      `claims[${factualIndex}].sources: must have at least 2 sources unless the verdict is opinion`,
    ]);

    const opinionPack = packCopy();
    const opinion = opinionPack.claims.find((claim) => claim.verdict === 'opinion');
    const onlyOne = must(opinion, 'opinion claim');
    const [cited] = onlyOne.sources;
    if (!cited) throw new Error('the opinion claim has no source');
    onlyOne.sources = [cited];
    onlyOne.counterpoints = onlyOne.counterpoints.map((counterpoint) => ({
      ...counterpoint,
      sources: [cited.id],
    }));
    expect(validatePack(opinionPack).ok).toBe(true);
  });

  it('needs one to three counterpoints, each with a source', () => {
    expect(errorsAfter((pack) => (claimAt(pack, 0).counterpoints = []))).toEqual([
      'claims[0].counterpoints: must have at least 1 counterpoint',
    ]);
    const four = errorsAfter((pack) => {
      const claim = claimAt(pack, 0);
      const first = must(claim.counterpoints[0], 'counterpoint');
      claim.counterpoints = [first, first, first, first];
    });
    expect(four).toEqual(['claims[0].counterpoints: must have at most 3 counterpoints']);
    const unsourced = errorsAfter((pack) => {
      must(claimAt(pack, 1).counterpoints[0], 'counterpoint').sources = [];
    });
    expect(unsourced).toEqual(['claims[1].counterpoints[0].sources: must have at least 1 source']);
  });

  it.each([
    ['2021-02-30'],
    ['2021-02-29'],
    ['2021-13'],
    ['2021-00'],
    ['21-06-09'],
    ['2021/06/09'],
    ['June 2021'],
    ['2021-6-9'],
    [''],
  ])('refuses the source date %j', (date) => {
    const errors = errorsAfter((pack) => {
      must(claimAt(pack, 5).sources[1], 'second source').date = date;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^claims\[5\]\.sources\[1\]\.date: must be a/);
  });

  it('needs a full date where the format asks for one', () => {
    expect(errorsAfter((pack) => (pack.lastReviewed = '2026-11'))).toEqual([
      'lastReviewed: must be a real date written YYYY-MM-DD',
    ]);
    expect(errorsAfter((pack) => (pack.article.published = '2021-06-31'))).toEqual([
      'article.published: must be a real date written YYYY-MM-DD',
    ]);
  });

  it('names values of the wrong type', () => {
    const errors = errorsAfter((pack) => {
      pack.packVersion = '1' as unknown as number;
      (pack as Record<string, unknown>).claims = { 0: pack.claims[0] };
      pack.article.recognise.hosts = 'globalresearch.ca' as unknown as string[];
    });
    expect(errors).toEqual([
      'packVersion: must be a number',
      'article.recognise.hosts: must be a list',
      'claims: must be a list',
    ]);
    expect(errorsAfter((pack) => (claimAt(pack, 2).summary = 7 as unknown as string))).toEqual([
      'claims[2].summary: must be a string',
    ]);
  });

  it('needs packVersion to be a positive whole number and formatVersion to be 1 or 2', () => {
    expect(errorsAfter((pack) => (pack.packVersion = 1.5))).toEqual([
      'packVersion: must be a whole number',
    ]);
    expect(errorsAfter((pack) => (pack.packVersion = 0))).toEqual([
      'packVersion: must be 1 or more',
    ]);
    expect(errorsAfter((pack) => (pack.packVersion = Number.NaN))).toEqual([
      'packVersion: must be a number',
    ]);
    expect(errorsAfter((pack) => ((pack as Record<string, unknown>).formatVersion = 3))).toEqual([
      'formatVersion: must be 1 or 2, the format versions this build reads',
    ]);
    expect(errorsAfter((pack) => ((pack as Record<string, unknown>).format = 'other'))).toEqual([
      'format: must be "counterpoint-context-pack"',
    ]);
  });

  it('refuses kinds and verdicts outside the enums, and opinion mismatches', () => {
    const errors = errorsAfter((pack) => {
      (claimAt(pack, 0) as unknown as Record<string, unknown>).kind = 'fact';
      (claimAt(pack, 1) as unknown as Record<string, unknown>).verdict = 'false';
    });
    expect(errors).toEqual([
      'claims[0].kind: must be one of factual, opinion, prediction, attribution',
      'claims[1].verdict: must be one of supported, partly-supported, misleading, contradicted, unsupported, opinion',
    ]);
    const pack = packCopy();
    const index = pack.claims.findIndex((claim) => claim.kind === 'opinion');
    claimAt(pack, index).verdict = 'supported';
    claimAt(pack, index).sources = claimAt(pack, 0).sources;
    claimAt(pack, index).counterpoints = claimAt(pack, 0).counterpoints;
    expect(errorsOf(pack)).toEqual([
      `claims[${index}].verdict: must be opinion exactly when the kind is opinion (a prediction may be either)`,
    ]);
  });

  it('refuses ids that are not slugs', () => {
    for (const id of ['Claim-One', 'claim one', 'claim--one', '-claim', 'claim_one', '']) {
      expect(errorsAfter((pack) => (claimAt(pack, 0).id = id))).toEqual([
        'claims[0].id: must be a slug: lowercase letters and digits joined by single hyphens',
      ]);
    }
  });

  it('refuses empty, blank and untrimmed text, and empty quotes', () => {
    expect(errorsAfter((pack) => (claimAt(pack, 0).quote.exact = ''))).toEqual([
      'claims[0].quote.exact: must not be empty',
    ]);
    expect(errorsAfter((pack) => (pack.article.title = '   '))).toContain(
      'article.title: must not be empty',
    );
    expect(errorsAfter((pack) => (pack.article.author = ' Someone'))).toEqual([
      'article.author: must not start or end with spaces',
    ]);
  });

  it('puts a ceiling on every string, however huge', () => {
    const huge = 'a'.repeat(2_000_000);
    const errors = errorsAfter((pack) => {
      claimAt(pack, 0).summary = `${huge}.`;
      claimAt(pack, 0).quote.prefix = huge;
      must(claimAt(pack, 1).sources[0], 'source').title = huge;
      pack.article.recognise.headline = huge;
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'article.recognise.headline: must be at most 300 characters long',
        'claims[0].quote.prefix: must be at most 200 characters long',
        'claims[0].summary: must be at most 400 characters long',
        'claims[1].sources[0].title: must be at most 300 characters long',
      ]),
    );
  });

  it('needs a one-sentence summary and two to four sentences of context', () => {
    expect(
      errorsAfter((pack) => (claimAt(pack, 0).summary = 'It happened. Then it happened again.')),
    ).toEqual(['claims[0].summary: must be one sentence']);
    expect(errorsAfter((pack) => (claimAt(pack, 0).summary = 'No full stop'))).toEqual([
      'claims[0].summary: must end with ".", "!" or "?"',
    ]);
    expect(errorsAfter((pack) => (claimAt(pack, 0).context = 'Only one sentence here.'))).toEqual([
      'claims[0].context: must be 2 to 4 sentences',
    ]);
    expect(
      errorsAfter((pack) => (claimAt(pack, 0).context = 'One. Two. Three. Four. Five.')),
    ).toEqual(['claims[0].context: must be 2 to 4 sentences']);
  });

  it('wants hosts written without www.', () => {
    expect(
      errorsAfter((pack) => (pack.article.recognise.hosts = ['www.globalresearch.ca'])),
    ).toEqual(['article.recognise.hosts[0]: must be written without "www."']);
  });

  it('does not throw on inputs whose properties cannot be read', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no reading');
        },
        has() {
          throw new Error('no asking');
        },
      },
    );
    expect(() => validatePack(hostile)).not.toThrow();
    expect(validatePack(hostile).ok).toBe(false);
  });

  it('caps the number of messages for hopeless input', () => {
    const pack = packCopy();
    const claims = Array.from({ length: 14 }, () => ({ id: 'X', quote: {}, kind: 1, verdict: 2 }));
    const errors = errorsOf({ ...pack, claims });
    expect(errors.length).toBeLessThanOrEqual(51);
    expect(errors.at(-1)).toMatch(/^…and \d+ more problems$/);
  });
});

describe('validatePack, property tests', () => {
  it('never throws and never accepts random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validatePack(value);
        return !result.ok && result.errors.length > 0;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JavaScript values', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withDate: true }), (value) => {
        return validatePack(value).ok === false;
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when one field of the real pack is replaced by random JSON', () => {
    const leaves: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]) => {
      if (typeof value !== 'object' || value === null) {
        leaves.push(path);
        return;
      }
      for (const [key, child] of Object.entries(value)) {
        collect(child, [...path, Array.isArray(value) ? Number(key) : key]);
      }
    };
    collect(bundled, []);
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.jsonValue(), (path, replacement) => {
        const pack = structuredClone(bundled) as unknown as Record<string | number, unknown>;
        let parent: Record<string | number, unknown> = pack;
        for (const key of path.slice(0, -1))
          parent = parent[key] as Record<string | number, unknown>;
        const last = path.at(-1);
        if (last !== undefined) parent[last] = replacement;
        const result = validatePack(pack);
        // Either still valid (the replacement happened to fit) or refused with named paths.
        return result.ok || result.errors.every((error) => /^[\w[\].]+: /.test(error));
      }),
      { numRuns: 300 },
    );
  });
});

describe('isPartialDate', () => {
  it('accepts real dates at three precisions', () => {
    for (const date of ['2021', '2021-06', '2021-06-09', '2024-02-29', '2000-02-29']) {
      expect(isPartialDate(date), date).toBe(true);
    }
  });

  it('refuses impossible and malformed dates', () => {
    for (const date of ['1900-02-29', '2021-04-31', '2021-00-10', '999', '20211', '2021-1', 'x']) {
      expect(isPartialDate(date), date).toBe(false);
    }
  });
});

describe('isHttpUrl', () => {
  it('accepts plain web addresses', () => {
    expect(isHttpUrl('https://www.usaid.gov/mexico/news/mou-between-gom-and-usg')).toBe(true);
    expect(isHttpUrl('http://leaderpost.com/news/canada/x')).toBe(true);
  });

  it('refuses other schemes and mangled addresses', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:,x',
      'mailto:a@b.c',
      'https://',
      'http:\n//x.org',
    ]) {
      expect(isHttpUrl(url), url).toBe(false);
    }
  });
});

describe('countSentences', () => {
  it('counts sentences, not abbreviations or decimals', () => {
    expect(countSentences('Biden sent the U.S. Citizenship Act to Congress.')).toBe(1);
    expect(
      countSentences('It was H.R. 1177, led by Sen. Bob Menendez and Rep. Linda Sánchez.'),
    ).toBe(1);
    expect(countSentences('It shipped 2.7 million doses. Then 1.35 million more.')).toBe(2);
    expect(countSentences('She said "a new era." Others agreed. Did they?')).toBe(3);
    expect(countSentences('')).toBe(0);
  });
});

describe('the optional publisher', () => {
  it('is kept when given, and may be left out', () => {
    const named = validatePack({ ...packCopy(), publisher: 'Example Fact Desk' });
    expect(named.ok && named.pack.publisher).toBe('Example Fact Desk');
    const unnamed = validatePack(packCopy());
    expect(unnamed.ok && 'publisher' in unnamed.pack).toBe(false);
  });

  it('is a name like any other: not empty, not padded, not too long', () => {
    expect(errorsAfter((pack) => void Object.assign(pack, { publisher: '' }))).toEqual([
      expect.stringMatching(/^publisher: /),
    ]);
    expect(errorsAfter((pack) => void Object.assign(pack, { publisher: ' Desk ' }))).toEqual([
      expect.stringMatching(/^publisher: /),
    ]);
    expect(errorsAfter((pack) => void Object.assign(pack, { publisher: 'x'.repeat(201) }))).toEqual(
      [expect.stringMatching(/^publisher: must be at most 200 characters/)],
    );
    expect(errorsAfter((pack) => void Object.assign(pack, { publisher: { name: 'x' } }))).toEqual([
      expect.stringMatching(/^publisher: /),
    ]);
  });
});
