/**
 * How well a pack keeps the method page's promise on sources: at least two dated sources for
 * every factual verdict. Pure, so the method page can state the result and a test can check it.
 */
import { PACK_LIMITS } from './schema-parts';
import type { ContextPack } from './types';

/** What the method page says about one pack's sources. */
export interface SourceCoverage {
  /** Claims with a factual verdict (anything but opinion). */
  factualClaims: number;
  /** Ids of factual claims with fewer than two dated sources. */
  belowMinimum: string[];
  /** Ids of factual claims where some source is dated only to the month or the year. */
  roughlyDated: string[];
  /** How many sources in all, each counted once per claim. */
  sources: number;
}

/** Counts the pack's factual claims and says which fall short of the sourcing promise. */
export function sourceCoverage(pack: ContextPack): SourceCoverage {
  const factual = pack.claims.filter((claim) => claim.verdict !== 'opinion');
  return {
    factualClaims: factual.length,
    belowMinimum: factual
      .filter(
        (claim) =>
          claim.sources.filter((source) => source.date !== '').length <
          PACK_LIMITS.minSourcesForFactualVerdict,
      )
      .map((claim) => claim.id),
    roughlyDated: factual
      .filter((claim) => claim.sources.some((source) => source.date.length < 10))
      .map((claim) => claim.id),
    sources: pack.claims.reduce((total, claim) => total + claim.sources.length, 0),
  };
}
