/**
 * The toolbar popup: what Counterpoint found on the current tab (its claims and the notes that
 * could not be placed), the highlight switches, the reader's notes with search, editing and
 * export/import, and the way to the full-page notes manager.
 */

import { useEffect, useState } from 'preact/hooks';
import { plural, t } from '../../utils/i18n';
import type { HostAccess } from '../../utils/popup/host-access';
import type { PackFilesData } from '../../utils/popup/pack-files';
import type { PopupData, TabView } from '../../utils/popup/popup-data';
import { EXTERNAL_LINK_ATTRIBUTES } from '../links';
import { OpenOverviewButton } from '../sidepanel/OpenOverviewButton';
import { ArticlePanel } from './ArticlePanel';
import { HostAccessNotice } from './HostAccessNotice';
import { type CurrentArticle, NotesArea } from './NotesArea';
import { PackFiles } from './PackFiles';
import { SettingsPanel } from './SettingsPanel';
import { POPUP_CSS } from './styles';

/** Props: the data source (real or fake). */
export interface PopupAppProps {
  data: PopupData;
  /** The installed context packs and loading one from a file; the section is left out without it. */
  packs?: PackFilesData;
  /** Whether the site may be read (a Firefox MV3 reader can withhold it); unchecked if absent. */
  hostAccess?: HostAccess;
}

type State =
  | { status: 'loading' }
  | {
      status: 'ready';
      tabId: number | undefined;
      view: TabView;
      problems: string[];
      host: string | undefined;
    }
  | { status: 'error'; message: string };

/** The popup's root component. */
export function PopupApp({ data, packs, hostAccess }: PopupAppProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [claimError, setClaimError] = useState('');

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const tabId = await data.currentTabId();
        const [view, problems, host] = await Promise.all([
          data.tabView(tabId),
          data.packProblems(),
          data.tabHost(tabId).catch(() => undefined),
        ]);
        if (live) setState({ status: 'ready', tabId, view, problems, host });
      } catch (error) {
        if (live)
          setState({
            status: 'error',
            message: t('popup_tab_unreadable', [
              error instanceof Error ? error.message : String(error),
            ]),
          });
      }
    })();
    return () => {
      live = false;
    };
  }, [data]);

  async function showClaim(claimId: string) {
    if (state.status !== 'ready' || state.tabId === undefined) return;
    setClaimError('');
    try {
      await data.showClaim(state.tabId, claimId);
      data.closeWindow();
    } catch {
      setClaimError(t('popup_page_no_answer'));
    }
  }

  const view = state.status === 'ready' ? state.view : undefined;
  const article: CurrentArticle | undefined =
    view?.kind === 'article'
      ? {
          articleKey: view.page.articleKey,
          title: view.page.articleTitle,
          orphanedNoteIds: view.page.orphanedNoteIds,
          notes: view.notes,
        }
      : undefined;

  return (
    <div class="cp-theme cp-view cp-popup">
      <style>{POPUP_CSS}</style>
      <header class="cp-header">
        <h1>Counterpoint</h1>
        {state.status === 'loading' && <p role="status">{t('popup_loading')}</p>}
        {state.status === 'error' && <p role="alert">{state.message}</p>}
        {view?.kind === 'no-context' && (
          <p role="status" class="cp-header-status">
            {t('popup_no_context')}
          </p>
        )}
        {view?.kind === 'article' && (
          <p role="status" class="cp-header-status">
            {view.page.hasPack ? t('popup_article_recognised_pack') : t('popup_article_recognised')}{' '}
            <strong>{view.page.articleTitle}</strong>
          </p>
        )}
        {view?.kind === 'no-context' && <p class="cp-muted">{t('popup_intro')}</p>}
        {view?.kind === 'article' && !view.page.hasPack && (
          <p class="cp-muted">{t('popup_no_pack')}</p>
        )}
      </header>
      <main>
        {hostAccess ? <HostAccessNotice access={hostAccess} /> : null}
        {state.status === 'ready' && state.problems.length > 0 ? (
          <section class="cp-section" aria-label={t('popup_pack_problems')}>
            <div class="cp-problem">
              <p>{plural('popup_packs_refused', state.problems.length)}</p>
              <ul>
                {state.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          </section>
        ) : null}
        {state.status === 'ready' ? <SettingsPanel data={data} host={state.host} /> : null}
        {view?.kind === 'article' ? (
          <ArticlePanel
            page={view.page}
            claims={view.claims}
            notes={view.notes}
            onShowClaim={(claimId) => void showClaim(claimId)}
          />
        ) : null}
        <p role="alert" class="cp-error-box">
          {claimError}
        </p>
        {state.status === 'loading' ? null : (
          <NotesArea
            key={article?.articleKey ?? 'all'}
            data={data}
            article={article}
            onShownInPage={() => data.closeWindow()}
          />
        )}
        {/* Last: managing packs is rare, and the switches, claims and notes come first by Tab. */}
        {state.status === 'ready' && packs ? <PackFiles data={packs} /> : null}
      </main>
      <footer class="cp-footer">
        <button
          type="button"
          class="cp-button"
          onClick={() => {
            void data.openNotesManager().then(() => data.closeWindow());
          }}
        >
          {t('popup_open_manager')}
        </button>
        {state.status === 'ready' ? (
          <OpenOverviewButton tabId={state.tabId} onOpened={() => data.closeWindow()} />
        ) : null}
        <p class="cp-footer-links">
          <a href="/help.html" {...EXTERNAL_LINK_ATTRIBUTES}>
            {t('popup_help_link')}
          </a>
          <a href="/about.html" {...EXTERNAL_LINK_ATTRIBUTES}>
            {t('popup_data_link')}
          </a>
        </p>
      </footer>
    </div>
  );
}
