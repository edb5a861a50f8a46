/**
 * The side panel: a persistent overview of the article in the tab beside it. Its claims in
 * reading order with their verdicts (filterable by verdict, each with "Copy link"), the pack's
 * review date and the method page, the reader's notes in the order of their passages, and the
 * notes that could not be placed, apart and said plainly. Choosing an entry scrolls the page to
 * the passage and opens its popover there; what the reader opens in the page is marked here.
 * An extension page, so it may show note text; the page is told only ids.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { textFragmentLink } from '../../utils/anchoring/text-fragment';
import { plural, t } from '../../utils/i18n';
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
import { excerptOfNote, quoteOfNote } from '../note-text';
import { SLOT, withSlots } from '../slots';
import { useUniqueId } from '../unique-id';
import { VerdictChip } from '../VerdictChip';
import { SIDEPANEL_CSS } from './styles';
import { type RowState, VirtualList } from './VirtualList';

/**
 * Every string the panel shows, in one place: each is read from the interface language when
 * used (docs/i18n.md), so the tests name controls by the same words the panel shows.
 */
export const strings = {
  /** The product's name, the same in every language. */
  appName: 'Counterpoint',
  get loading() {
    return t('sidepanel_loading');
  },
  get overviewOf() {
    return t('sidepanel_overview_of');
  },
  get noTab() {
    return t('sidepanel_no_tab');
  },
  get noContextTitle() {
    return t('sidepanel_no_context_title');
  },
  get noContextOtherSite() {
    return t('sidepanel_no_context_other_site');
  },
  get notAnArticleTitle() {
    return t('sidepanel_not_article_title');
  },
  get notAnArticle() {
    return t('sidepanel_not_article');
  },
  get waiting() {
    return t('sidepanel_waiting');
  },
  pausedTitle: (host: string) => t('sidepanel_paused_title', [host]),
  get paused() {
    return t('sidepanel_paused');
  },
  get resume() {
    return t('sidepanel_resume');
  },
  get noPack() {
    return t('sidepanel_no_pack');
  },
  get claimsHeading() {
    return t('sidepanel_key_claims');
  },
  /** "Claims reviewed" with {@link SLOT} where the date goes. */
  get reviewed() {
    return t('sidepanel_reviewed', [SLOT]);
  },
  get method() {
    return t('common_how_checks');
  },
  get filterLabel() {
    return t('sidepanel_filter_label');
  },
  filterSummary: (shown: number, total: number) =>
    shown === total
      ? plural('sidepanel_claims_all', total)
      : plural('sidepanel_claims_shown', total, [shown]),
  get showAll() {
    return t('sidepanel_show_all');
  },
  get claimsList() {
    return t('sidepanel_claims_list');
  },
  get notFound() {
    return t('common_not_found_on_page');
  },
  get copyLink() {
    return t('sidepanel_copy_link');
  },
  copyLinkName: (quote: string) => t('sidepanel_copy_link_named', [quote]),
  linkCopied: (quote: string) => t('sidepanel_link_copied', [quote]),
  get copyFailed() {
    return t('claim_copy_refused');
  },
  get linkField() {
    return t('sidepanel_link_field');
  },
  notesHeading: (count: number) =>
    count === 0 ? t('sidepanel_notes_none') : plural('claim_your_notes', count),
  get notesList() {
    return t('sidepanel_notes_list');
  },
  get noNotes() {
    return t('sidepanel_no_notes', [t('common_add_note')]);
  },
  orphansHeading: (count: number) => plural('popup_orphans_heading', count),
  get orphansExplained() {
    return t('sidepanel_orphans_explained');
  },
  get orphansList() {
    return t('sidepanel_orphans_list');
  },
  get noQuote() {
    return t('sidepanel_no_quote');
  },
  get openInPageFailed() {
    return t('sidepanel_open_failed');
  },
  get shownNow() {
    return t('sidepanel_shown_now');
  },
  get tags() {
    return t('sidepanel_tags');
  },
};

/** The language of the pack's own texts (quotes, title), until packs declare one. */
const PACK_LANGUAGE = 'en';

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

  const claimRow = (claim: StoredClaim, row: RowState) => {
    const found = !missing.has(claim.id);
    const tab = row.active ? 0 : -1;
    return (
      <div class="cp-entry" data-current={String(row.current)}>
        <button
          type="button"
          class="cp-entry-main"
          data-row-focus
          tabIndex={tab}
          aria-current={row.current ? 'true' : undefined}
          aria-description={claim.summary}
          onClick={() => show({ kind: 'claim', id: claim.id })}
        >
          <VerdictChip verdict={claim.verdict} />
          <span class="cp-entry-quote" dir="auto" lang={PACK_LANGUAGE}>
            {claim.quote.exact}
          </span>
          {found ? null : <span class="cp-entry-missing">{strings.notFound}</span>}
          {row.current ? <span class="cp-entry-current">{strings.shownNow}</span> : null}
        </button>
        <div class="cp-entry-actions">
          <button
            type="button"
            class="cp-button"
            tabIndex={tab}
            aria-label={strings.copyLinkName(shortQuote(claim.quote.exact))}
            onClick={() => copyLink(claim)}
          >
            {strings.copyLink}
          </button>
        </div>
      </div>
    );
  };

  const noteContent = (note: Note) => (
    <>
      <span class="cp-entry-note-quote" dir="auto">
        {quoteOfNote(note) || strings.noQuote}
      </span>
      <span class="cp-entry-body" dir="auto">
        {excerptOfNote(note, 400)}
      </span>
      {note.tags.length === 0 ? null : (
        <span class="cp-tags">
          <span class="cp-visually-hidden">{strings.tags} </span>
          {note.tags.map((tag) => (
            <span key={tag} class="cp-tag" dir="auto">
              {tag}
            </span>
          ))}
        </span>
      )}
    </>
  );

  const noteRow = (note: Note, row: RowState) => (
    <div class="cp-entry" data-current={String(row.current)}>
      <button
        type="button"
        class="cp-entry-main"
        data-row-focus
        tabIndex={row.active ? 0 : -1}
        aria-current={row.current ? 'true' : undefined}
        onClick={() => show({ kind: 'note', id: note.id })}
      >
        {noteContent(note)}
        {row.current ? <span class="cp-entry-current">{strings.shownNow}</span> : null}
      </button>
    </div>
  );

  // An unplaced note has no passage to open: it can be read here, and reached by the keyboard.
  const orphanRow = (note: Note, row: RowState) => (
    <div class="cp-entry">
      <div class="cp-entry-main" data-row-focus tabIndex={row.active ? 0 : -1}>
        {noteContent(note)}
      </div>
    </div>
  );

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
            renderRow={orphanRow}
            label={strings.orphansList}
          />
        </section>
      )}
    </>
  );
}

const claimKey = (claim: StoredClaim): string => `claim:${claim.id}`;
const noteKey = (note: Note): string => `note:${note.id}`;
const estimateClaim = (claim: StoredClaim): number =>
  90 + Math.ceil(claim.quote.exact.length / 40) * 20;
const estimateNote = (note: Note): number =>
  70 + Math.min(4, Math.ceil(note.body.length / 40)) * 20;

/** A claim's words, cut to a few for names and announcements. */
function shortQuote(quote: string): string {
  const words = quote.split(/\s+/).filter((word) => word !== '');
  return words.length <= 8 ? words.join(' ') : `${words.slice(0, 8).join(' ')}…`;
}
