import { describe, expect, it } from 'vitest';
import raw from './amlo-harris-2021.pack.json';
import { sourceCoverage } from './coverage';
import { validatePack } from './schema';
import type { ContextPack } from './types';

function bundled(): ContextPack {
  const result = validatePack(structuredClone(raw));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

describe('sourceCoverage', () => {
  it('finds every factual claim of the bundled pack with two dated sources or more', () => {
    const coverage = sourceCoverage(bundled());
    expect(coverage.factualClaims).toBe(11);
    expect(coverage.belowMinimum).toEqual([]);
    expect(coverage.sources).toBeGreaterThan(coverage.factualClaims * 2);
  });

  it('names the claims that fall short and those dated only roughly', () => {
    const pack = bundled();
    const [first] = pack.claims;
    if (!first) throw new Error('no claim');
    first.verdict = 'supported';
    first.sources = first.sources.slice(0, 1).map((source) => ({ ...source, date: '2021' }));
    const coverage = sourceCoverage(pack);
    expect(coverage.belowMinimum).toEqual([first.id]);
    expect(coverage.roughlyDated).toContain(first.id);
  });
});
