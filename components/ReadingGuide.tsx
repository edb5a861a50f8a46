/**
 * The reading guide shown near the headline: how many claims were checked and how they came
 * out, stepping from claim to claim, the reader's notes (and those that could not be placed),
 * and what is known about the publisher and author.
 *
 * Without a context pack it shrinks to the notes line, and renders nothing when there is
 * nothing to say, so pages without packs or notes stay untouched.
 */
import { useState } from 'preact/hooks';
import type { AboutEntry, Verdict } from '../utils/packs/types';
import { VERDICTS } from '../utils/packs/types';
import { SourceList } from './SourceList';
import { useUniqueId } from './unique-id';
import { VerdictChip } from './VerdictChip';

/** Props of {@link ReadingGuide}. */
export interface ReadingGuideProps {
  claimCounts: Partial<Record<Verdict, number>>;
  /** Claims found on the page; the rest cannot be stepped to. */
  anchoredClaims: number;
  totalClaims: number;
  about: readonly AboutEntry[];
  notesPlaced: number;
  notesOrphaned: number;
  onNext(): void;
  onPrevious(): void;
  /** Shows the notes that could not be placed; without it they are only counted. */
  onShowOrphans?(): void;
  /** Keyboard shortcuts in aria-keyshortcuts form, e.g. "Alt+Shift+J". */
  shortcuts: { next: string; previous: string };
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
  notesPlaced,
  notesOrphaned,
  onNext,
  onPrevious,
  onShowOrphans,
  shortcuts,
}: ReadingGuideProps) {
  const [aboutOpen, setAboutOpen] = useState(false);
  const titleId = useUniqueId();
  const aboutId = useUniqueId();
  const orphansId = useUniqueId();
  const hasClaims = totalClaims > 0;
  const hasNotes = notesPlaced + notesOrphaned > 0;
  if (!hasClaims && !hasNotes && about.length === 0) return null;

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
      {verdictsShown.length === 0 ? null : (
        <ul class="cp-guide-counts" aria-label="Claims by verdict">
          {verdictsShown.map((verdict) => (
            <li key={verdict}>
              <VerdictChip verdict={verdict} count={claimCounts[verdict]} />
            </li>
          ))}
        </ul>
      )}
      {hasNotes ? (
        <div class="cp-guide-row">
          {notesPlaced > 0 ? <span>{count(notesPlaced, 'note', 'notes')} on this page</span> : null}
          {notesOrphaned > 0 ? (
            <>
              <span id={orphansId}>
                {count(notesOrphaned, 'note', 'notes')} could not be placed
              </span>
              {onShowOrphans === undefined ? null : (
                <button
                  type="button"
                  class="cp-link-button"
                  aria-describedby={orphansId}
                  onClick={onShowOrphans}
                >
                  Show {notesOrphaned === 1 ? 'it' : 'them'}
                </button>
              )}
            </>
          ) : null}
        </div>
      ) : null}
      {about.length === 0 ? null : (
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
