/**
 * The popup's section about the article in the current tab: its claims with verdicts (each one
 * opens its popover on the page), how many were found on the page and which were not, and the
 * reader's notes whose passages could not be placed, with their quotes.
 */

import { plural, t } from '../../utils/i18n';
import { verdictLabel } from '../../utils/i18n/verdicts';
import { VERDICTS } from '../../utils/packs/types';
import type { StoredClaim } from '../../utils/store/db';
import type { TabPage } from '../../utils/store/tab-pages';
import type { Note } from '../../utils/store/types';
import { formatPartialDate } from '../dates';
import { EXTERNAL_LINK_ATTRIBUTES } from '../links';
import { excerptOfNote, quoteOfNote } from '../note-text';
import { useUniqueId } from '../unique-id';
import { VerdictChip } from '../VerdictChip';

/** Props of {@link ArticlePanel}. */
export interface ArticlePanelProps {
  page: TabPage;
  claims: readonly StoredClaim[];
  /** The article's live notes, to name the orphans. */
  notes: readonly Note[];
  onShowClaim(claimId: string): void;
  /** The "How Counterpoint checks" page, opened in a new tab; the extension's own by default. */
  methodUrl?: string;
  /** The language of the pack's texts (the claims' quotes), for screen readers' voices. */
  packLanguage?: string;
}

/** Up to this many claims the list starts unfolded. */
const OPEN_CLAIMS_UP_TO = 5;

/** The sentence about anchoring, e.g. "5 of 6 claims found on this page". */
export function claimsFoundSentence(page: TabPage): string {
  if (page.claimsAnchored === undefined) return t('popup_claims_finding');
  return plural('popup_claims_found', page.claimsTotal, [page.claimsAnchored]);
}

/** Claims and orphaned notes of the current tab's article. */
export function ArticlePanel({
  page,
  claims,
  notes,
  onShowClaim,
  methodUrl = '/method.html',
  packLanguage = 'en',
}: ArticlePanelProps) {
  const claimsHeading = useUniqueId('cp-claims');
  const orphansHeading = useUniqueId('cp-orphans');
  const missingClaims = new Set(page.orphanedClaimIds);
  const orphanIds = new Set(page.orphanedNoteIds);
  const orphans = notes.filter((note) => orphanIds.has(note.id));
  return (
    <>
      {page.hasPack ? (
        <section class="cp-section" aria-labelledby={claimsHeading}>
          <div class="cp-section-title">
            <h2 id={claimsHeading}>{t('popup_key_claims')}</h2>
          </div>
          <p class="cp-muted">{claimsFoundSentence(page)}</p>
          <p class="cp-muted cp-review-line">
            {page.lastReviewed === undefined ? null : (
              <>
                {t('popup_claims_reviewed')}{' '}
                <time dateTime={page.lastReviewed}>{formatPartialDate(page.lastReviewed)}</time>
                {' · '}
              </>
            )}
            <a href={methodUrl} {...EXTERNAL_LINK_ATTRIBUTES}>
              {t('common_how_checks')}
            </a>
          </p>
          {claims.length === 0 ? (
            <p class="cp-empty">{t('popup_pack_no_claims')}</p>
          ) : (
            <ul class="cp-tally" aria-label={t('popup_claims_by_verdict')}>
              {VERDICTS.map((verdict) => {
                const count = claims.filter((claim) => claim.verdict === verdict).length;
                return count === 0 ? null : (
                  <li key={verdict}>
                    <VerdictChip verdict={verdict} count={count} />
                  </li>
                );
              })}
            </ul>
          )}
          {claims.length === 0 ? null : (
            // A long list starts folded so the switches and notes stay within the popup's height.
            <details class="cp-claims-details" open={claims.length <= OPEN_CLAIMS_UP_TO}>
              <summary>{plural('popup_claims_in_order', claims.length)}</summary>
              <ul class="cp-claims">
                {claims.map((claim) => {
                  const found = !missingClaims.has(claim.id);
                  return (
                    <li key={claim.id}>
                      <button
                        type="button"
                        class="cp-claim-row"
                        data-found={String(found)}
                        aria-label={
                          found
                            ? t('popup_claim_row', [verdictLabel(claim.verdict), claim.quote.exact])
                            : t('popup_claim_row_missing', [
                                verdictLabel(claim.verdict),
                                claim.quote.exact,
                              ])
                        }
                        aria-description={claim.summary}
                        onClick={() => onShowClaim(claim.id)}
                      >
                        <VerdictChip verdict={claim.verdict} />
                        <span class="cp-claim-quote" lang={packLanguage}>
                          {claim.quote.exact}
                        </span>
                        {found ? null : (
                          <span class="cp-claim-missing">{t('common_not_found_on_page')}</span>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
          {missingClaims.size === 0 ? null : (
            <p class="cp-muted">{t('popup_claims_missing_hint')}</p>
          )}
        </section>
      ) : null}
      {orphans.length === 0 ? null : (
        <section class="cp-section" aria-labelledby={orphansHeading}>
          <h2 id={orphansHeading}>{plural('popup_orphans_heading', orphans.length)}</h2>
          <p class="cp-muted">{t('popup_orphans_hint')}</p>
          <ul class="cp-orphans">
            {orphans.map((note) => (
              <li key={note.id} class="cp-orphan">
                <blockquote class="cp-quote" dir="auto">
                  {quoteOfNote(note) || t('popup_no_passage')}
                </blockquote>
                <span>{excerptOfNote(note, 120)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
