/**
 * "How Counterpoint checks" (method.html): what every verdict means, how sources are chosen, and
 * how corrections are made, with an honest account of how the installed packs meet the sourcing
 * rule. A static page: headings, lists and links, reachable and readable by keyboard alone.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sourceCoverage } from '../../utils/packs/coverage';
import type { ContextPack, Verdict } from '../../utils/packs/types';
import { VERDICTS } from '../../utils/packs/types';
import { VERDICT_TABLE, type VerdictLook } from '../../utils/packs/verdicts';
import { PACK_LIST_ANCHOR, type PackFilesData } from '../../utils/popup/pack-files';
import { formatPartialDate } from '../dates';
import { PackFiles } from '../popup/PackFiles';
import { VerdictChip } from '../VerdictChip';
import { METHOD_CSS } from './styles';

/** Props of {@link MethodPage}. */
export interface MethodPageProps {
  /** The packs whose sourcing the page reports on at first (the bundled ones). */
  packs: readonly ContextPack[];
  /**
   * The installed packs, loading one from a file and the downloads; the section is left out
   * without it.
   */
  packFiles?: PackFilesData;
}

/** How a verdict's highlight looks on the page, in words, for readers who do not see colour. */
export function describeUnderline(look: VerdictLook): string {
  return look.overline
    ? `a ${look.underline} line under and over the text`
    : `a ${look.underline} underline`;
}

/** The sourcing report for one pack, as plain sentences. */
function PackSources({ pack }: { pack: ContextPack }) {
  const coverage = sourceCoverage(pack);
  const below = coverage.belowMinimum.length;
  const rough = coverage.roughlyDated.length;
  return (
    <li>
      <p>
        <cite>{pack.article.title}</cite> ({pack.article.publisher}), reviewed{' '}
        <time dateTime={pack.lastReviewed}>{formatPartialDate(pack.lastReviewed)}</time>, edition{' '}
        {pack.packVersion}: {pack.claims.length} claims, {coverage.factualClaims} of them with a
        factual verdict, citing {coverage.sources} sources in all.
      </p>
      <p>
        {below === 0
          ? `Every claim with a factual verdict cites at least two dated sources.`
          : `${below} of the claims with a factual verdict cite fewer than two dated sources: ${coverage.belowMinimum.join(', ')}.`}{' '}
        {rough === 0
          ? 'Every source is dated to the day.'
          : `In ${rough} of them at least one source is dated only to the month or the year, because the page shows no exact date.`}
      </p>
    </li>
  );
}

/** The method page. */
export function MethodPage({ packs, packFiles }: MethodPageProps) {
  // The sourcing report is about the packs in use: the bundled ones until the installed ones
  // (which may come from files, or be turned off) have been read, and again after each change.
  const [reported, setReported] = useState<readonly ContextPack[]>(packs);
  const readInstalled = useCallback(() => {
    packFiles?.installedContextPacks().then(setReported, () => setReported(packs));
  }, [packFiles, packs]);
  useEffect(readInstalled, [readInstalled]);

  return (
    <div class="cp-theme cp-method">
      <style>{METHOD_CSS}</style>
      <header class="cp-method-header">
        <p class="cp-method-brand">Counterpoint</p>
        <h1>How Counterpoint checks</h1>
        <p>
          Counterpoint highlights the key claims of an article and says, for each one, what the
          public record showed at the time. Each verdict is written from research notes that checked
          the claim against dated, published sources, and every verdict shows those sources so you
          can read them yourself.
        </p>
      </header>
      <main>
        <section aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading">What the verdicts mean</h2>
          <p>
            Each verdict has its own word, symbol and underline, so none depends on colour alone.
          </p>
          <dl class="cp-method-verdicts">
            {VERDICTS.map((verdict: Verdict) => {
              const look = VERDICT_TABLE[verdict];
              return (
                <div key={verdict} class="cp-method-verdict">
                  <dt>
                    <VerdictChip verdict={verdict} />
                  </dt>
                  <dd>
                    {look.definition}{' '}
                    <span class="cp-muted">On the page: {describeUnderline(look)}.</span>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">How sources are chosen</h2>
          <ul class="cp-method-list">
            <li>
              Every verdict on a statement of fact rests on at least two dated sources. Opinions are
              labelled, not rated; they get the other side, with a source, and where one exists a
              source for the author&apos;s view.
            </li>
            <li>
              Sources come only from the research notes, which record where each page was seen.
              Nothing is added from memory, and anything the research could not confirm is said to
              be unconfirmed.
            </li>
            <li>
              A source is shown with its headline as published. Where the headline is not known, a
              plain description is shown instead, without quotation marks. Reposts and wire copies
              name both the original outlet and the site that carried it.
            </li>
            <li>
              Each source is listed once in a claim&apos;s popover; counterpoints refer to it by its
              number.
            </li>
          </ul>
          <h3>How the installed packs meet this</h3>
          {reported.length === 0 ? (
            <p>No context pack is installed.</p>
          ) : (
            <ul class="cp-method-list">
              {reported.map((pack) => (
                <PackSources key={pack.article.id} pack={pack} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">How corrections are made</h2>
          <ul class="cp-method-list">
            <li>
              The context for an article comes as a pack with an edition number and a review date.
              Each claim&apos;s popover shows the date of the last review.
            </li>
            <li>
              When the research is corrected or extended, the pack is edited to match, checked again
              against the notes and the article, and given a new edition number and review date.
            </li>
            <li>
              A newer edition replaces the article&apos;s claims whole the next time Counterpoint
              starts. Your own notes are kept apart and are never changed by a pack.
            </li>
          </ul>
        </section>
        {packFiles ? (
          <PackFiles data={packFiles} downloads onChanged={readInstalled} id={PACK_LIST_ANCHOR} />
        ) : null}
      </main>
      <footer class="cp-method-footer">
        <a href="/help.html">Counterpoint help and shortcuts</a>
        <a href="/about.html">About Counterpoint and your data</a>
      </footer>
    </div>
  );
}
