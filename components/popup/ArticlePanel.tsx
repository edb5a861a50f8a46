/**
 * The popup's section about the article in the current tab: its claims with verdicts (each one
 * opens its popover on the page), how many were found on the page and which were not, and the
 * reader's notes whose passages could not be placed, with their quotes.
 */

import { VERDICTS } from '../../utils/packs/types';
import { VERDICT_LABELS } from '../../utils/packs/verdicts';
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
}

/** Up to this many claims the list starts unfolded. */
const OPEN_CLAIMS_UP_TO = 5;

/** The sentence about anchoring, e.g. "5 of 6 claims found on this page". */
export function claimsFoundSentence(page: TabPage): string {
  if (page.claimsAnchored === undefined) return 'Finding the claims on this page…';
  const noun = page.claimsTotal === 1 ? 'claim' : 'claims';
  return `${page.claimsAnchored} of ${page.claimsTotal} ${noun} found on this page`;
}

/** Claims and orphaned notes of the current tab's article. */
export function ArticlePanel({
  page,
  claims,
  notes,
  onShowClaim,
  methodUrl = '/method.html',
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
            <h2 id={claimsHeading}>Key claims</h2>
          </div>
          <p class="cp-muted">{claimsFoundSentence(page)}</p>
          <p class="cp-muted cp-review-line">
            {page.lastReviewed === undefined ? null : (
              <>
                Claims reviewed{' '}
                <time dateTime={page.lastReviewed}>{formatPartialDate(page.lastReviewed)}</time>
                {' · '}
              </>
            )}
            <a href={methodUrl} {...EXTERNAL_LINK_ATTRIBUTES}>
              How Counterpoint checks
            </a>
          </p>
          {claims.length === 0 ? (
            <p class="cp-empty">The context pack for this article lists no claims.</p>
          ) : (
            <ul class="cp-tally" aria-label="Claims by verdict">
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
              <summary>
                {claims.length === 1 ? 'The claim' : `The ${claims.length} claims`}, in reading
                order
              </summary>
              <ul class="cp-claims">
                {claims.map((claim) => {
                  const found = !missingClaims.has(claim.id);
                  return (
                    <li key={claim.id}>
                      <button
                        type="button"
                        class="cp-claim-row"
                        data-found={String(found)}
                        aria-label={`${VERDICT_LABELS[claim.verdict]}: ${claim.quote.exact}${found ? '' : ' (not found on this page)'}`}
                        aria-description={claim.summary}
                        onClick={() => onShowClaim(claim.id)}
                      >
                        <VerdictChip verdict={claim.verdict} />
                        <span class="cp-claim-quote">{claim.quote.exact}</span>
                        {found ? null : (
                          <span class="cp-claim-missing">Not found on this page</span>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
          {missingClaims.size === 0 ? null : (
            <p class="cp-muted">
              Claims not found on this page may have been edited out of the article; their context
              still opens from here.
            </p>
          )}
        </section>
      ) : null}
      {orphans.length === 0 ? null : (
        <section class="cp-section" aria-labelledby={orphansHeading}>
          <h2 id={orphansHeading}>
            {orphans.length === 1
              ? '1 note could not be placed'
              : `${orphans.length} notes could not be placed`}
          </h2>
          <p class="cp-muted">
            Counterpoint could not find these passages in the page as it is now; the article may
            have changed since you wrote the notes. The notes are kept and listed below with the
            passages they were written on.
          </p>
          <ul class="cp-orphans">
            {orphans.map((note) => (
              <li key={note.id} class="cp-orphan">
                <blockquote class="cp-quote" dir="auto">
                  {quoteOfNote(note) || '(no quoted passage)'}
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
