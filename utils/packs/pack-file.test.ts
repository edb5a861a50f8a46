/**
 * Pack files as untrusted input: valid, broken, hostile and oversized files, a newer edition of
 * an installed pack, and property tests that no text makes the reader throw or accept garbage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from './amlo-harris-2021.pack.json';
import formatOne from './fixtures/format-1.pack.json';
import { MAX_PACK_FILE_BYTES, readPackFile } from './pack-file';
import { validatePack } from './schema';

const TEXT = JSON.stringify(raw, null, 2);
const ARTICLE = raw.article.id;

describe('readPackFile', () => {
  it('reads a valid file as a new pack when nothing is installed', () => {
    const result = readPackFile(TEXT, []);
    expect(result).toMatchObject({ ok: true, status: 'new', installedVersion: null });
  });

  it('places a file against the installed edition of the same article', () => {
    const installed = (packVersion: number) => [{ articleKey: ARTICLE, packVersion }];
    expect(readPackFile(TEXT, installed(1))).toMatchObject({
      status: 'newer',
      installedVersion: 1,
    });
    expect(readPackFile(TEXT, installed(raw.packVersion))).toMatchObject({ status: 'same' });
    expect(readPackFile(TEXT, installed(99))).toMatchObject({ status: 'older' });
    expect(readPackFile(TEXT, [{ articleKey: 'another-article', packVersion: 5 }])).toMatchObject({
      status: 'new',
    });
  });

  it('reads a format-1 file through the migration', () => {
    const result = readPackFile(JSON.stringify(formatOne), []);
    expect(result.ok && result.pack.formatVersion).toBe(2);
  });

  it('explains a file that is not JSON, and one that is JSON but not a pack', () => {
    const notJson = readPackFile('{"format": ', []);
    expect(notJson.ok ? [] : notJson.errors[0]).toMatch(/^file: is not JSON/);
    expect(readPackFile('[]', [])).toEqual({ ok: false, errors: ['pack: must be an object'] });
  });

  it('refuses oversized files before parsing them', () => {
    const huge = `{"padding": "${'x'.repeat(MAX_PACK_FILE_BYTES)}"}`;
    const result = readPackFile(huge, []);
    expect(result.ok ? [] : result.errors[0]).toMatch(/may be at most/);
  });

  it('refuses hostile files without polluting prototypes', () => {
    const withProto = TEXT.replace('"format":', '"__proto__": {"polluted": true}, "format":');
    const result = readPackFile(withProto, []);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const scriptLink = JSON.parse(TEXT);
    scriptLink.claims[0].sources[0].url = 'javascript:alert(document.cookie)';
    expect(readPackFile(JSON.stringify(scriptLink), []).ok).toBe(false);

    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(readPackFile(deep, []).ok).toBe(false);
  });
});

describe('readPackFile, property tests', () => {
  it('never throws and never accepts random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        expect(readPackFile(text, []).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on the real file with random edits, and accepts only valid packs', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: TEXT.length - 1 }),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 12 }),
        (at, cut, insert) => {
          const edited = TEXT.slice(0, at) + insert + TEXT.slice(at + cut);
          const result = readPackFile(edited, [{ articleKey: ARTICLE, packVersion: 1 }]);
          if (result.ok) expect(validatePack(result.pack).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
