/**
 * "How Counterpoint checks" (method.html): what every verdict means, how sources are chosen, and
 * how corrections are made, with an honest account of how the installed packs meet the sourcing
 * rule. A static page: headings, lists and links, reachable and readable by keyboard alone.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type MessageKey, plural, t } from '../../utils/i18n';
import { verdictDefinition } from '../../utils/i18n/verdicts';
import { sourceCoverage } from '../../utils/packs/coverage';
import type { ContextPack, Verdict } from '../../utils/packs/types';
import { VERDICTS } from '../../utils/packs/types';
import { type UnderlineStyle, VERDICT_TABLE, type VerdictLook } from '../../utils/packs/verdicts';
import { PACK_LIST_ANCHOR, type PackFilesData } from '../../utils/popup/pack-files';
import { formatPartialDate } from '../dates';
import { PackFiles } from '../popup/PackFiles';
import { SLOT, withSlots } from '../slots';
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
  return t((look.overline ? OVERLINE_KEYS : UNDERLINE_KEYS)[look.underline]);
}

/** Each line style in words, whole phrases (the adjective agrees with its noun in es and fr). */
const UNDERLINE_KEYS = {
  solid: 'method_underline_solid',
  dashed: 'method_underline_dashed',
  wavy: 'method_underline_wavy',
  double: 'method_underline_double',
  dotted: 'method_underline_dotted',
} as const satisfies Record<UnderlineStyle, MessageKey>;

const OVERLINE_KEYS = {
  solid: 'method_overline_solid',
  dashed: 'method_overline_dashed',
  wavy: 'method_overline_wavy',
  double: 'method_overline_double',
  dotted: 'method_overline_dotted',
} as const satisfies Record<UnderlineStyle, MessageKey>;

/** The language of a pack's own texts (titles), until packs declare one (docs/i18n.md). */
const packLanguage = 'en';

/** The sourcing report for one pack, as plain sentences. */
function PackSources({ pack }: { pack: ContextPack }) {
  const coverage = sourceCoverage(pack);
  const below = coverage.belowMinimum.length;
  const rough = coverage.roughlyDated.length;
  return (
    <li>
      <p>
        {withSlots(
          t('method_pack_summary', [
            SLOT,
            pack.article.publisher,
            SLOT,
            pack.packVersion,
            plural('method_claims', pack.claims.length),
            coverage.factualClaims,
            plural('method_sources', coverage.sources),
          ]),
          [
            <cite key="title" lang={packLanguage}>
              {pack.article.title}
            </cite>,
            <time key="date" dateTime={pack.lastReviewed}>
              {formatPartialDate(pack.lastReviewed)}
            </time>,
          ],
        )}
      </p>
      <p>
        {below === 0
          ? t('method_all_two_sources')
          : plural('method_below_minimum', below, [coverage.belowMinimum.join(', ')])}{' '}
        {rough === 0 ? t('method_all_dated') : plural('method_roughly_dated', rough)}
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
        <h1>{t('common_how_checks')}</h1>
        <p>{t('method_intro')}</p>
      </header>
      <main>
        <section aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading">{t('method_verdicts_heading')}</h2>
          <p>{t('method_verdicts_intro')}</p>
          <dl class="cp-method-verdicts">
            {VERDICTS.map((verdict: Verdict) => {
              const look = VERDICT_TABLE[verdict];
              return (
                <div key={verdict} class="cp-method-verdict">
                  <dt>
                    <VerdictChip verdict={verdict} />
                  </dt>
                  <dd>
                    {verdictDefinition(verdict)}{' '}
                    <span class="cp-muted">
                      {t('method_on_the_page', [describeUnderline(look)])}
                    </span>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">{t('method_sources_heading')}</h2>
          <ul class="cp-method-list">
            <li>{t('method_sources_two')}</li>
            <li>{t('method_sources_notes')}</li>
            <li>{t('method_sources_headline')}</li>
            <li>{t('method_sources_once')}</li>
          </ul>
          <h3>{t('method_packs_heading')}</h3>
          {reported.length === 0 ? (
            <p>{t('packs_none')}</p>
          ) : (
            <ul class="cp-method-list">
              {reported.map((pack) => (
                <PackSources key={pack.article.id} pack={pack} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{t('method_corrections_heading')}</h2>
          <ul class="cp-method-list">
            <li>{t('method_corrections_edition')}</li>
            <li>{t('method_corrections_research')}</li>
            <li>{t('method_corrections_newer')}</li>
          </ul>
        </section>
        {packFiles ? (
          <PackFiles data={packFiles} downloads onChanged={readInstalled} id={PACK_LIST_ANCHOR} />
        ) : null}
      </main>
      <footer class="cp-method-footer">
        <a href="/help.html">{t('method_help_link')}</a>
        <a href="/about.html">{t('help_about_link')}</a>
      </footer>
    </div>
  );
}
