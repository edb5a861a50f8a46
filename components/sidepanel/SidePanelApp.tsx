/**
 * The side panel: a persistent overview of the article in the tab beside it. Its claims in
 * reading order with their verdicts (filterable by verdict, each with "Copy link"), the pack's
 * review date and the method page, the reader's notes in the order of their passages, and the
 * notes that could not be placed, apart and said plainly. Choosing an entry scrolls the page to
 * the passage and opens its popover there; what the reader opens in the page is marked here.
 * An extension page, so it may show note text; the page is told only ids. The entries of the
 * lists are drawn by `sidepanel-entries`, the words come from `sidepanel-strings`.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { textFragmentLink } from '../../utils/anchoring/text-fragment';
import { verdictLabel } from '../../utils/i18n/verdicts';
import type { ShownItem } from '../../utils/messaging/shown-item';
import type { Verdict } from '../../utils/packs/types';
import { filterClaims, toggleVerdict, verdictCounts } from '../../utils/sidepanel/overview';
import { type OverviewState, startOverviewSession } from '../../utils/sidepanel/overview-session';
import type { SidePanelData } from '../../utils/sidepanel/sidepanel-data';
import type { StoredClaim } from '../../utils/store/db';
import type { Note } from '../../utils/store/types';
import { formatPartialDate } from '../dates';
import { EXTERNAL_LINK_ATTRIBUTES } from '../links';
import { withSlots } from '../slots';
import { useUniqueId } from '../unique-id';
import { VerdictChip } from '../VerdictChip';
import {
  claimEntry,
  claimKey,
  estimateClaim,
  estimateNote,
  noteEntry,
  noteKey,
  orphanEntry,
  shortQuote,
} from './sidepanel-entries';
import { PACK_LANGUAGE, strings } from './sidepanel-strings';
import { SIDEPANEL_CSS } from './styles';
import { type RowState, VirtualList } from './VirtualList';

export { strings } from './sidepanel-strings';

/** Props: the data source (real or fake). */
export interface SidePanelAppProps {
  data: SidePanelData;
}

type CopyState =
  | { kind: 'idle' }
  | { kind: 'copied'; quote: string }
  | { kind: 'shown'; link: string };

/** The side panel's root component. */
export function SidePanelApp({ data }: SidePanelAppProps) {
  const [state, setState] = useState<OverviewState>({ kind: 'loading' });
  useEffect(() => {
    const session = startOverviewSession(data, setState);
    return () => session.destroy();
  }, [data]);

  return (
    <div class="cp-theme cp-sidepanel">
      <style>{SIDEPANEL_CSS}</style>
      <header class="cp-sp-header">
        <h1>{strings.appName}</h1>
        {state.kind === 'ready' && state.overview.kind === 'article' ? (
          <p>
            <span class="cp-visually-hidden">{strings.overviewOf} </span>
            <span class="cp-sp-title" lang={PACK_LANGUAGE}>
              {state.overview.page.articleTitle}
            </span>
          </p>
        ) : null}
      </header>
      <main>
        {state.kind === 'loading' ? (
          <p role="status" class="cp-sp-empty">
            {strings.loading}
          </p>
        ) : null}
        {state.kind === 'error' ? (
          <p role="alert" class="cp-sp-empty">
            {state.message}
          </p>
        ) : null}
        {state.kind === 'ready' ? <OverviewView state={state} data={data} /> : null}
      </main>
    </div>
  );
}

function OverviewView({
  state,
  data,
}: {
  state: Extract<OverviewState, { kind: 'ready' }>;
  data: SidePanelData;
}) {
  const { overview, tabId } = state;
  if (overview.kind === 'empty') {
    const [title, text] =
      overview.reason === 'not-an-article'
        ? [strings.notAnArticleTitle, strings.notAnArticle]
        : overview.reason === 'waiting'
          ? [strings.waiting, '']
          : overview.reason === 'no-tab' || tabId === undefined
            ? [strings.noTab, strings.noContextOtherSite]
            : [strings.noContextTitle, strings.noContextOtherSite];
    return (
      <div class="cp-sp-empty" role="status">
        <strong>{title}</strong>
        {text === '' ? null : <p class="cp-muted">{text}</p>}
      </div>
    );
  }
  if (overview.kind === 'paused') {
    return (
      <div class="cp-sp-empty">
        <p role="status">
          <strong>{strings.pausedTitle(overview.host)}</strong>
        </p>
        <p class="cp-muted">{strings.paused}</p>
        <button
          type="button"
          class="cp-button cp-sp-clear"
          onClick={() => void data.resume(overview.host)}
        >
          {strings.resume}
        </button>
      </div>
    );
  }
  return (
    <ArticleOverview
      key={overview.page.articleKey}
      tabId={overview.page.tabId}
      overview={overview}
      data={data}
    />
  );
}

type ArticleOverviewData = Extract<
  Extract<OverviewState, { kind: 'ready' }>['overview'],
  { kind: 'article' }
>;

function ArticleOverview({
  tabId,
  overview,
  data,
}: {
  tabId: number;
  overview: ArticleOverviewData;
  data: SidePanelData;
}) {
  const { page, claims, placedNotes, orphanedNotes, shown } = overview;
  const claimsHeading = useUniqueId('cp-sp-claims');
  const notesHeading = useUniqueId('cp-sp-notes');
  const orphansHeading = useUniqueId('cp-sp-orphans');
  const linkFieldId = useUniqueId('cp-sp-link');
  const [chosen, setChosen] = useState<ReadonlySet<Verdict>>(new Set());
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const [failure, setFailure] = useState('');
  const counts = useMemo(() => verdictCounts(claims), [claims]);
  const shownClaims = useMemo(() => filterClaims(claims, chosen), [claims, chosen]);
  const missing = useMemo(() => new Set(page.orphanedClaimIds), [page.orphanedClaimIds]);

  const show = (item: ShownItem): void => {
    setFailure('');
    data.show(tabId, item).catch(() => setFailure(strings.openInPageFailed));
  };
  const copyLink = (claim: StoredClaim): void => {
    const link = textFragmentLink(page.url, claim.quote.exact);
    data.copyText(link).then(
      () => setCopy({ kind: 'copied', quote: shortQuote(claim.quote.exact) }),
      () => setCopy({ kind: 'shown', link }),
    );
  };
  const currentKey = shown ? `${shown.kind}:${shown.id}` : null;

  const claimRow = (claim: StoredClaim, row: RowState) =>
    claimEntry(claim, row, {
      found: !missing.has(claim.id),
      onShow: () => show({ kind: 'claim', id: claim.id }),
      onCopyLink: () => copyLink(claim),
    });
  const noteRow = (note: Note, row: RowState) =>
    noteEntry(note, row, () => show({ kind: 'note', id: note.id }));

  return (
    <>
      <p role="status" class="cp-visually-hidden">
        {copy.kind === 'copied' ? strings.linkCopied(copy.quote) : ''}
      </p>
      {page.hasPack ? (
        <section class="cp-sp-section" aria-labelledby={claimsHeading}>
          <h2 id={claimsHeading}>{strings.claimsHeading}</h2>
          <p class="cp-sp-review">
            {page.lastReviewed === undefined ? null : (
              <>
                {withSlots(strings.reviewed, [
                  <time key="date" dateTime={page.lastReviewed}>
                    {formatPartialDate(page.lastReviewed)}
                  </time>,
                ])}
                {' · '}
              </>
            )}
            <a href={data.methodUrl} {...EXTERNAL_LINK_ATTRIBUTES}>
              {strings.method}
            </a>
          </p>
          {counts.length === 0 ? null : (
            <fieldset class="cp-sp-filter">
              <legend class="cp-visually-hidden">{strings.filterLabel}</legend>
              {counts.map(({ verdict, count }) => (
                <button
                  key={verdict}
                  type="button"
                  class="cp-sp-filter-button"
                  aria-pressed={chosen.has(verdict) ? 'true' : 'false'}
                  onClick={() => setChosen((current) => toggleVerdict(current, verdict))}
                >
                  <VerdictChip verdict={verdict} count={count} />
                </button>
              ))}
            </fieldset>
          )}
          <p class="cp-sp-filter-summary" aria-live="polite">
            {strings.filterSummary(shownClaims.length, claims.length)}
            {chosen.size === 0 ? '' : ` (${[...chosen].map(verdictLabel).join(', ')})`}
          </p>
          {chosen.size === 0 ? null : (
            <button
              type="button"
              class="cp-button cp-sp-clear"
              onClick={() => setChosen(new Set())}
            >
              {strings.showAll}
            </button>
          )}
          {copy.kind === 'shown' ? (
            <p class="cp-sp-copy-field">
              <span role="alert">{strings.copyFailed}</span>
              <label for={linkFieldId}>{strings.linkField}</label>
              <input
                id={linkFieldId}
                type="text"
                readOnly
                value={copy.link}
                ref={(input) => input?.select()}
                onFocus={(event) => event.currentTarget.select()}
              />
            </p>
          ) : null}
          <VirtualList
            items={shownClaims}
            keyOf={claimKey}
            estimateHeight={estimateClaim}
            renderRow={claimRow}
            label={strings.claimsList}
            currentKey={currentKey}
          />
        </section>
      ) : (
        <section class="cp-sp-section">
          <p class="cp-muted">{strings.noPack}</p>
        </section>
      )}
      <p role="alert" class="cp-sp-status">
        {failure}
      </p>
      <section class="cp-sp-section" aria-labelledby={notesHeading}>
        <h2 id={notesHeading}>{strings.notesHeading(placedNotes.length)}</h2>
        {placedNotes.length === 0 ? (
          <p class="cp-muted">{strings.noNotes}</p>
        ) : (
          <VirtualList
            items={placedNotes}
            keyOf={noteKey}
            estimateHeight={estimateNote}
            renderRow={noteRow}
            label={strings.notesList}
            currentKey={currentKey}
          />
        )}
      </section>
      {orphanedNotes.length === 0 ? null : (
        <section class="cp-sp-section" aria-labelledby={orphansHeading}>
          <h2 id={orphansHeading}>{strings.orphansHeading(orphanedNotes.length)}</h2>
          <p class="cp-muted">{strings.orphansExplained}</p>
          <VirtualList
            items={orphanedNotes}
            keyOf={noteKey}
            estimateHeight={estimateNote}
            renderRow={orphanEntry}
            label={strings.orphansList}
          />
        </section>
      )}
    </>
  );
}
