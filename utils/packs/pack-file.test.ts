/**
 * Pack files as untrusted input: valid, broken, hostile and oversized files, newer, same and
 * older editions of an installed pack, and property tests that no bytes make the reader throw,
 * accept garbage, pollute a prototype or answer in the parser's own words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import french from '../../public/_locales/fr/messages.json';
import { setMessageSource } from '../i18n';
import { fileMessageSource } from '../i18n/file-source';
import raw from './amlo-harris-2021.pack.json';
import formatOne from './fixtures/format-1.pack.json';
import {
  describePackFileProblem,
  formatBytes,
  type InstalledEdition,
  MAX_PACK_FILE_BYTES,
  type PackFileResult,
  readPackFile,
} from './pack-file';
import { validatePack } from './schema';

const TEXT = JSON.stringify(raw, null, 2);
const ARTICLE = raw.article.id;
const installed = (packVersion: number): InstalledEdition[] => [
  {
    articleKey: ARTICLE,
    packVersion,
    title: raw.article.title,
    headline: raw.article.recognise.headline,
  },
];
/** A copy of the bundled pack with some fields changed. */
function edited(change: (pack: typeof raw & Record<string, unknown>) => void): string {
  const copy = structuredClone(raw) as typeof raw & Record<string, unknown>;
  change(copy);
  return JSON.stringify(copy);
}
/** What the reader would be told about a refused file, as one string. */
function told(result: PackFileResult): string {
  if (result.ok) return '';
  const message = describePackFileProblem(result.problem);
  return [message.summary, ...message.details].join('\n');
}

describe('readPackFile', () => {
  it('reads a valid file as a new pack when nothing is installed', () => {
    const result = readPackFile(TEXT, []);
    expect(result).toMatchObject({ ok: true, status: 'new', installedVersion: null });
    expect(readPackFile(TEXT, [{ ...installed(9)[0]!, articleKey: 'another' }])).toMatchObject({
      status: 'new',
    });
  });

  it('keeps the publisher a file names', () => {
    const result = readPackFile(
      edited((pack) => {
        pack.publisher = 'Example Fact Desk';
      }),
      [],
    );
    expect(result.ok && result.pack.publisher).toBe('Example Fact Desk');
  });

  it('takes a newer edition as a replacement, and refuses the same or an older one', () => {
    expect(readPackFile(TEXT, installed(raw.packVersion - 1))).toMatchObject({
      ok: true,
      status: 'newer',
      installedVersion: raw.packVersion - 1,
    });
    const same = readPackFile(TEXT, installed(raw.packVersion));
    expect(same).toMatchObject({ ok: false, problem: { kind: 'same' } });
    expect(told(same)).toBe(
      `Edition ${raw.packVersion} of the pack for “${raw.article.title}” is already installed. Nothing was changed.`,
    );
    const older = readPackFile(TEXT, installed(99));
    expect(older).toMatchObject({ ok: false, problem: { kind: 'older', installedVersion: 99 } });
    expect(told(older)).toMatch(/older than edition 99, which is installed/);
  });

  it('refuses a pack that reuses an installed id for another article', () => {
    const other = edited((pack) => {
      pack.packVersion = 50;
      pack.article.recognise.headline = 'A different story entirely';
    });
    const result = readPackFile(other, installed(1));
    expect(result).toMatchObject({ ok: false, problem: { kind: 'other-article' } });
    expect(told(result)).toMatch(/uses the same article id as the installed pack/);
  });

  it('refuses a pack for another site', () => {
    const result = readPackFile(
      edited((pack) => {
        pack.article.recognise.hosts = ['example.org'];
      }),
      [],
    );
    expect(told(result)).toBe(
      'This pack is for articles on example.org. Counterpoint reads Global Research articles only. Nothing was changed.',
    );
  });

  it('reads a format-1 file through the migration', () => {
    const result = readPackFile(JSON.stringify(formatOne), []);
    expect(result.ok && result.pack.formatVersion).toBe(2);
  });

  it('explains broken files in the reader’s words, never the parser’s', () => {
    const cutShort = readPackFile(TEXT.slice(0, 500), []);
    expect(cutShort).toEqual({ ok: false, problem: { kind: 'not-json' } });
    expect(told(cutShort)).toMatch(/^This file is not a context pack: it is not JSON text/);
    expect(told(cutShort)).not.toMatch(/Unexpected|token|position/i);

    expect(told(readPackFile('[]', []))).toBe(
      'This file is not a Counterpoint context pack. Nothing was changed.',
    );
    expect(told(readPackFile('{"type": "Annotation"}', []))).toMatch(/not a Counterpoint/);
    expect(
      told(
        readPackFile(
          edited((pack) => {
            pack.formatVersion = 3;
          }),
          [],
        ),
      ),
    ).toMatch(/format 3, which this version of Counterpoint cannot read/);
  });

  it('lists a broken pack’s problems with their places, five at most', () => {
    const broken = readPackFile(
      edited((pack) => {
        for (const claim of pack.claims) claim.sources[0]!.url = 'javascript:alert(1)';
      }),
      [],
    );
    expect(broken.ok).toBe(false);
    const message = describePackFileProblem(broken.ok ? { kind: 'not-json' } : broken.problem);
    expect(message.summary).toMatch(/^This context pack has \d+ problems, so it was not loaded:$/);
    expect(message.details).toHaveLength(6);
    expect(message.details[0]).toBe('claims[0].sources[0].url: must be an http or https address');
    expect(message.details[5]).toMatch(/^…and \d+ more\.$/);
  });

  it('refuses oversized files before parsing them', () => {
    const huge = `{"padding": "${'x'.repeat(2_500_000)}"}`;
    const result = readPackFile(huge, []);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'too-large' } });
    expect(told(result)).toBe(
      'This file is too large to be a context pack (2.5 MB; a pack file may be at most 1 MB). Nothing was changed.',
    );
    expect(readPackFile(`"${'x'.repeat(MAX_PACK_FILE_BYTES)}"`, [])).toMatchObject({
      problem: { kind: 'too-large' },
    });
    expect(formatBytes(950_000)).toBe('950 kB');
  });

  it('tells the reader in the interface language, sizes in its units', () => {
    setMessageSource(fileMessageSource(french, 'fr'));
    try {
      const huge = `{"padding": "${'x'.repeat(2_500_000)}"}`;
      // Intl puts a no-break space between number and unit.
      expect(told(readPackFile(huge, [])).replace(/\s/g, ' ')).toBe(
        'Ce fichier est trop volumineux pour être un dossier de contexte (2,5 Mo ; un fichier de dossier ne peut pas dépasser 1 Mo). Rien n’a été modifié.',
      );
    } finally {
      setMessageSource(fileMessageSource(english, 'en-GB'));
    }
  });

  it('refuses hostile files without polluting prototypes', () => {
    const withProto = TEXT.replace('"format":', '"__proto__": {"polluted": true}, "format":');
    expect(readPackFile(withProto, []).ok).toBe(false);
    const withConstructor = edited((pack) => {
      Object.assign(pack.claims[0]!, { constructor: { prototype: { polluted: true } } });
    });
    expect(readPackFile(withConstructor, []).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(readPackFile(deep, []).ok).toBe(false);
    const author = `"author": ${JSON.stringify(raw.article.author)}`;
    expect(TEXT).toContain(author);
    const deepInside = TEXT.replace(
      author,
      `"author": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
    );
    expect(told(readPackFile(deepInside, []))).toMatch(/article\.author: must be a string/);
  });

  it('shows hostile text as it is, and cuts what is too long', () => {
    const result = readPackFile(
      edited((pack) => {
        pack.article.recognise.hosts = [`<img src=x onerror=alert(1)>${'a'.repeat(5000)}.org`];
      }),
      [],
    );
    const message = told(result);
    // A host that is not a host name fails validation; its message names the path, not the text.
    expect(message).toMatch(/article\.recognise\.hosts\[0\]/);
    expect(message.length).toBeLessThan(2000);
  });
});

/** Text the loader is fed: random bytes as the browser decodes them, and broken JSON. */
const decodedBytes = fc
  .uint8Array({ maxLength: 3000 })
  .map((bytes) => new TextDecoder().decode(bytes));
const truncatedPack = fc.nat({ max: TEXT.length - 2 }).map((end) => TEXT.slice(0, end + 1));
const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '__proto__',
    'constructor',
    'prototype',
    '\u0000\u202e\ufeff',
    'x'.repeat(20_000),
  ),
);
/** JSON values with hostile keys and strings, nested deeply at times. */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'format')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;
/** The real pack with one field swapped for a hostile value (the last of two keys wins). */
const packWithHostileField = fc
  .tuple(
    // (Not "about": an empty list of about entries is valid.)
    fc.constantFrom('lastReviewed', 'article', 'claims', '__proto__', 'constructor'),
    hostileJson,
  )
  .map(
    ([field, value]) =>
      `${TEXT.trimEnd().slice(0, -1)}, ${JSON.stringify(field)}: ${JSON.stringify(value) ?? 'null'}}`,
  );

describe('readPackFile, property tests', () => {
  const acceptsNothing = (text: string) => {
    const result = readPackFile(text, installed(1));
    expect(result.ok).toBe(false);
    const message = told(result);
    expect(message.length).toBeGreaterThan(0);
    expect(message).not.toMatch(/Unexpected token|JSON\.parse|SyntaxError/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  };

  it('never throws and never accepts random text or random bytes', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), acceptsNothing), { numRuns: 200 });
    fc.assert(fc.property(decodedBytes, acceptsNothing), { numRuns: 200 });
  });

  it('refuses the real file cut short anywhere', () => {
    fc.assert(fc.property(truncatedPack, acceptsNothing), { numRuns: 200 });
  });

  it('refuses hostile JSON, alone or inside the real pack', () => {
    fc.assert(
      fc.property(hostileJson, (value) => acceptsNothing(JSON.stringify(value) ?? 'null')),
      { numRuns: 200 },
    );
    fc.assert(fc.property(packWithHostileField, acceptsNothing), { numRuns: 200 });
  });

  it('never throws on the real file with random edits, and accepts only valid packs', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: TEXT.length - 1 }),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 12 }),
        (at, cut, insert) => {
          const text = TEXT.slice(0, at) + insert + TEXT.slice(at + cut);
          const result = readPackFile(text, installed(1));
          if (result.ok) expect(validatePack(result.pack).ok).toBe(true);
          else expect(told(result)).not.toMatch(/Unexpected token|SyntaxError/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
