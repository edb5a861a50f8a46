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
import { type MessageKey, plural, t } from '../utils/i18n';
import type { AboutEntry, Verdict } from '../utils/packs/types';
import { VERDICTS } from '../utils/packs/types';
import { SourceList } from './SourceList';
import { useUniqueId } from './unique-id';
import { VerdictChip } from './VerdictChip';

/** Every reader-facing sentence the guide adds for stepping by verdict and folding. */
export const strings = {
  nextOfVerdict: (verdict: Verdict) => t(NEXT_OF_VERDICT[verdict]),
  checked: (n: number) => plural('guide_checked', n),
  found: (n: number) => t('guide_found', [n]),
  get previous() {
    return t('guide_previous');
  },
  get next() {
    return t('guide_next');
  },
  previousTooltip: (shortcut: string) => t('guide_previous_tooltip', [shortcut]),
  nextTooltip: (shortcut: string) => t('guide_next_tooltip', [shortcut]),
  get byVerdict() {
    return t('guide_by_verdict');
  },
  get yourNotes() {
    return t('guide_your_notes');
  },
  get aboutSource() {
    return t('guide_about_source');
  },
  get unverified() {
    return t('guide_unverified');
  },
  sourcesAbout: (name: string) => t('guide_sources_about', [name]),
  role: (role: AboutEntry['role']) => t(ROLE_LABELS[role]),
};

/** "Next misleading claim": a key per verdict, so the adjective agrees in every language. */
const NEXT_OF_VERDICT: Record<Verdict, MessageKey> = {
  supported: 'guide_next_supported',
  'partly-supported': 'guide_next_partly_supported',
  misleading: 'guide_next_misleading',
  contradicted: 'guide_next_contradicted',
  unsupported: 'guide_next_unsupported',
  opinion: 'guide_next_opinion',
};

/** Props of {@link ReadingGuide}: the controller's guide state and the page's shortcuts. */
export interface ReadingGuideProps
  extends Omit<GuideState, 'article' | 'expanded' | 'onExpandedChange' | 'compact'> {
  /** Keyboard shortcuts in aria-keyshortcuts form, e.g. "Alt+Shift+J". */
  shortcuts: { next: string; previous: string };
  /** Only the stepping buttons, the title kept for screen readers (a popover is open). */
  compact?: boolean;
}

const ROLE_LABELS: Record<AboutEntry['role'], MessageKey> = {
  publisher: 'guide_role_publisher',
  'original-publisher': 'guide_role_original_publisher',
  author: 'guide_role_author',
};

function AboutSection({ entry }: { entry: AboutEntry }) {
  const headingId = useUniqueId();
  return (
    <section class="cp-about-entry" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {entry.name} <span class="cp-about-role">· {strings.role(entry.role)}</span>
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
            <strong>{strings.unverified}</strong>
          </p>
          <ul aria-label={strings.unverified}>
            {entry.unverified.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <SourceList sources={entry.sources} label={strings.sourcesAbout(entry.name)} />
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
        <h2 id={titleId} class={compact ? 'cp-visually-hidden' : 'cp-guide-title'}>
          Counterpoint
        </h2>
        {hasClaims && !compact ? <span>{strings.checked(totalClaims)}</span> : null}
        {hasClaims && !compact && anchoredClaims < totalClaims ? (
          <span class="cp-muted">{strings.found(anchoredClaims)}</span>
        ) : null}
        {anchoredClaims > 0 ? (
          <div class="cp-guide-nav">
            <button
              type="button"
              class="cp-button"
              title={strings.previousTooltip(shortcuts.previous)}
              aria-keyshortcuts={shortcuts.previous}
              onClick={onPrevious}
            >
              <span aria-hidden="true">‹ </span>
              {strings.previous}
            </button>
            <button
              type="button"
              class="cp-button"
              title={strings.nextTooltip(shortcuts.next)}
              aria-keyshortcuts={shortcuts.next}
              onClick={onNext}
            >
              {strings.next}
              <span aria-hidden="true"> ›</span>
            </button>
          </div>
        ) : null}
      </div>
      {compact || verdictsShown.length === 0 ? null : (
        <ul class="cp-guide-counts" aria-label={strings.byVerdict}>
          {verdictsShown.map((verdict) => (
            <li key={verdict}>
              <VerdictChip
                verdict={verdict}
                count={claimCounts[verdict]}
                {...(onStepVerdict
                  ? {
                      onActivate: () => onStepVerdict(verdict),
                      actionLabel: strings.nextOfVerdict(verdict),
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
            {strings.yourNotes}
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
            {strings.aboutSource}
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
