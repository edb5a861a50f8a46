/**
 * The reading guide shown near the headline: how many claims were checked and how they came
 * out, stepping from claim to claim, a way to the reader's notes, and what is known about the
 * publisher and author.
 *
 * It lives in the page (in a closed shadow root), so it says nothing about notes, not even how
 * many there are: "Your notes" opens them in the popover frame, an extension page. It renders
 * nothing without a pack, so pages without one stay untouched.
 */
import { useState } from 'preact/hooks';
import type { GuideState } from '../utils/annotator/overlay-state';
import type { AboutEntry } from '../utils/packs/types';
import { VERDICTS } from '../utils/packs/types';
import { SourceList } from './SourceList';
import { useUniqueId } from './unique-id';
import { VERDICT_LABELS, VerdictChip } from './VerdictChip';

/** Every reader-facing sentence the guide adds for stepping by verdict and folding. */
export const strings = {
  nextOfVerdict: (label: string) => `Next ${label.toLowerCase()} claim`,
} as const;

/** Props of {@link ReadingGuide}: the controller's guide state and the page's shortcuts. */
export interface ReadingGuideProps
  extends Omit<GuideState, 'expanded' | 'onExpandedChange' | 'compact'> {
  /** Keyboard shortcuts in aria-keyshortcuts form, e.g. "Alt+Shift+J". */
  shortcuts: { next: string; previous: string };
  /** Only the stepping row (a popover is open). */
  compact?: boolean;
}

const ROLE_LABELS: Record<AboutEntry['role'], string> = {
  publisher: 'Publisher',
  'original-publisher': 'Original publisher',
  author: 'Author',
};

/** "1 claim", "2 claims". */
function count(value: number, singular: string, plural: string): string {
  return `${value} ${value === 1 ? singular : plural}`;
}

function AboutSection({ entry }: { entry: AboutEntry }) {
  const headingId = useUniqueId();
  return (
    <section class="cp-about-entry" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {entry.name} <span class="cp-about-role">· {ROLE_LABELS[entry.role]}</span>
      </h3>
      <p>{entry.summary}</p>
      {entry.details.length === 0 ? null : (
        <ul>
          {entry.details.map((detail, index) => (
            <li key={index}>{detail}</li>
          ))}
        </ul>
      )}
      {entry.unverified.length === 0 ? null : (
        <>
          <p>
            <strong>Unverified:</strong>
          </p>
          <ul aria-label="Unverified">
            {entry.unverified.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <SourceList sources={entry.sources} label={`Sources about ${entry.name}`} />
    </section>
  );
}

/** The reading guide, or nothing when there is neither a pack nor a note. */
export function ReadingGuide({
  claimCounts,
  anchoredClaims,
  totalClaims,
  about,
  onNext,
  onPrevious,
  onStepVerdict,
  onShowNotes,
  shortcuts,
  compact = false,
}: ReadingGuideProps) {
  const [aboutOpen, setAboutOpen] = useState(false);
  const titleId = useUniqueId();
  const aboutId = useUniqueId();
  const hasClaims = totalClaims > 0;
  if (!hasClaims && about.length === 0) return null;

  const verdictsShown = VERDICTS.filter((verdict) => (claimCounts[verdict] ?? 0) > 0);
  return (
    <section class="cp-guide" aria-labelledby={titleId}>
      <div class="cp-guide-row">
        <h2 id={titleId} class="cp-guide-title">
          Counterpoint
        </h2>
        {hasClaims ? <span>{count(totalClaims, 'claim checked', 'claims checked')}</span> : null}
        {hasClaims && anchoredClaims < totalClaims ? (
          <span class="cp-muted">{anchoredClaims} found on this page</span>
        ) : null}
        {anchoredClaims > 0 ? (
          <div class="cp-guide-nav">
            <button
              type="button"
              class="cp-button"
              title={`Previous claim (${shortcuts.previous})`}
              aria-keyshortcuts={shortcuts.previous}
              onClick={onPrevious}
            >
              <span aria-hidden="true">‹ </span>Previous claim
            </button>
            <button
              type="button"
              class="cp-button"
              title={`Next claim (${shortcuts.next})`}
              aria-keyshortcuts={shortcuts.next}
              onClick={onNext}
            >
              Next claim<span aria-hidden="true"> ›</span>
            </button>
          </div>
        ) : null}
      </div>
      {compact || verdictsShown.length === 0 ? null : (
        <ul class="cp-guide-counts" aria-label="Claims by verdict">
          {verdictsShown.map((verdict) => (
            <li key={verdict}>
              <VerdictChip
                verdict={verdict}
                count={claimCounts[verdict]}
                {...(onStepVerdict
                  ? {
                      onActivate: () => onStepVerdict(verdict),
                      actionLabel: strings.nextOfVerdict(VERDICT_LABELS[verdict]),
                    }
                  : {})}
              />
            </li>
          ))}
        </ul>
      )}
      {compact || onShowNotes === undefined ? null : (
        <div class="cp-guide-row">
          <button type="button" class="cp-link-button" onClick={onShowNotes}>
            Your notes on this article
          </button>
        </div>
      )}
      {compact || about.length === 0 ? null : (
        <div>
          <button
            type="button"
            class="cp-link-button"
            aria-expanded={aboutOpen}
            aria-controls={aboutId}
            onClick={() => setAboutOpen(!aboutOpen)}
          >
            About this source
          </button>
          <div id={aboutId} class="cp-about" hidden={!aboutOpen}>
            {about.map((entry) => (
              <AboutSection key={entry.id} entry={entry} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
