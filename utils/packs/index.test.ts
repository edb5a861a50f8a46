import { describe, expect, it } from 'vitest';
import { bundledPacks, loadBundledPacks } from './index';

describe('bundled packs', () => {
  it('all validate, so none is dropped', () => {
    const { packs, errors } = loadBundledPacks();
    expect(errors).toEqual([]);
    expect(packs.map((pack) => pack.article.id)).toEqual([
      'globalresearch-2021-06-09-amlo-meets-harris',
    ]);
  });

  it('are exposed, validated, at module load', () => {
    expect(bundledPacks).toHaveLength(1);
    expect(bundledPacks[0]?.format).toBe('counterpoint-context-pack');
  });

  it('are handed out as fresh copies, so a caller cannot alter the next load', () => {
    const first = loadBundledPacks().packs[0];
    if (!first) throw new Error('no bundled pack');
    first.claims.length = 0;
    expect(loadBundledPacks().packs[0]?.claims.length).toBeGreaterThan(0);
  });
});
