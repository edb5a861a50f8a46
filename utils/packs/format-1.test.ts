/**
 * The migration from format 1 to format 2, tested on a committed copy of the bundled pack as it
 * shipped in format 1 (fixtures/format-1.pack.json, pack version 1).
 */
import { describe, expect, it } from 'vitest';
import formatOne from './fixtures/format-1.pack.json';
import { type Format1ContextPack, migrateFormat1 } from './format-1';
import { validatePack } from './schema';

/** A fresh copy of the format-1 fixture, typed as format 1. */
function formatOneCopy(): Format1ContextPack {
  return structuredClone(formatOne) as Format1ContextPack;
}

describe('format-1 packs', () => {
  it('still load: validatePack migrates them to format 2', () => {
    const result = validatePack(formatOneCopy());
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.pack.formatVersion).toBe(2);
    expect(result.pack.packVersion).toBe(1);
    expect(result.pack.claims.map((claim) => [claim.id, claim.verdict])).toEqual(
      formatOne.claims.map((claim) => [claim.id, claim.verdict]),
    );
  });

  it('list every address once per claim and keep every address the claim cited', () => {
    const migrated = migrateFormat1(formatOneCopy());
    formatOne.claims.forEach((old, index) => {
      const claim = migrated.claims[index];
      if (!claim) throw new Error(`claim ${index} was lost`);
      const oldUrls = new Set([
        ...old.sources.map((source) => source.url),
        ...old.counterpoints.flatMap((counterpoint) => counterpoint.sources.map((s) => s.url)),
      ]);
      const urls = claim.sources.map((source) => source.url);
      expect(urls, claim.id).toHaveLength(new Set(urls).size);
      expect(new Set(urls), claim.id).toEqual(oldUrls);
    });
  });

  it('point each counterpoint at the same sources it used to repeat', () => {
    const migrated = migrateFormat1(formatOneCopy());
    formatOne.claims.forEach((old, index) => {
      const claim = migrated.claims[index];
      if (!claim) throw new Error(`claim ${index} was lost`);
      const urlOf = new Map(claim.sources.map((source) => [source.id, source.url]));
      old.counterpoints.forEach((counterpoint, position) => {
        const cited = claim.counterpoints[position]?.sources.map((id) => urlOf.get(id));
        expect(cited, `${claim.id} counterpoint ${position}`).toEqual([
          ...new Set(counterpoint.sources.map((source) => source.url)),
        ]);
      });
    });
  });

  it('call every old title a description, since format 1 never promised a headline', () => {
    const migrated = migrateFormat1(formatOneCopy());
    const kinds = new Set(
      [...migrated.claims, ...migrated.about].flatMap((item) =>
        item.sources.map((source) => source.titleKind),
      ),
    );
    expect([...kinds]).toEqual(['description']);
  });

  it('do not change the pack they are migrated from', () => {
    const input = formatOneCopy();
    const before = structuredClone(input);
    migrateFormat1(input);
    expect(input).toEqual(before);
  });

  it('are still checked by format 1 rules: no "contradicted" verdict, sources in full', () => {
    const withNewVerdict = formatOneCopy() as unknown as { claims: { verdict: string }[] };
    const first = withNewVerdict.claims[0];
    if (!first) throw new Error('no claim');
    first.verdict = 'contradicted';
    const result = validatePack(withNewVerdict);
    expect(result.ok ? [] : result.errors).toEqual([
      'claims[0].verdict: must be one of supported, partly-supported, misleading, unsupported, opinion',
    ]);

    const withIds = formatOneCopy() as unknown as {
      claims: { counterpoints: { sources: unknown[] }[] }[];
    };
    const counterpoint = withIds.claims[0]?.counterpoints[0];
    if (!counterpoint) throw new Error('no counterpoint');
    counterpoint.sources = ['source-1'];
    const refused = validatePack(withIds);
    expect(refused.ok ? [] : refused.errors).toEqual([
      'claims[0].counterpoints[0].sources[0]: must be an object',
    ]);
  });
});
