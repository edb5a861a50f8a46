/**
 * The toolbar popup: what Counterpoint found on the current tab (its claims and the notes that
 * could not be placed), the highlight switches, the reader's notes with search, editing and
 * export/import, and the way to the full-page notes manager.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PopupData, TabView } from '../../utils/popup/popup-data';
import { EXTERNAL_LINK_ATTRIBUTES } from '../links';
import { ArticlePanel } from './ArticlePanel';
import { type CurrentArticle, NotesArea } from './NotesArea';
import { SettingsPanel } from './SettingsPanel';
import { POPUP_CSS } from './styles';

/** Props: the data source (real or fake). */
export interface PopupAppProps {
  data: PopupData;
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
export function PopupApp({ data }: PopupAppProps) {
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
            message: `Counterpoint could not read this tab. ${error instanceof Error ? error.message : String(error)}`,
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
      setClaimError('The page did not answer. Reload the article and try again.');
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
        {state.status === 'loading' && <p role="status">Loading…</p>}
        {state.status === 'error' && <p role="alert">{state.message}</p>}
        {view?.kind === 'no-context' && (
          <p role="status" class="cp-header-status">
            Nothing here: Counterpoint works on Global Research articles.
          </p>
        )}
        {view?.kind === 'article' && (
          <p role="status" class="cp-header-status">
            {view.page.hasPack ? 'Global Research article recognised:' : 'Article recognised:'}{' '}
            <strong>{view.page.articleTitle}</strong>
          </p>
        )}
        {view?.kind === 'no-context' && (
          <p class="cp-muted">
            Counterpoint adds context and your notes to Global Research articles. Open one to see
            its key claims, or manage your notes below.
          </p>
        )}
        {view?.kind === 'article' && !view.page.hasPack && (
          <p class="cp-muted">
            There is no context pack for this article yet; you can still add notes to it.
          </p>
        )}
      </header>
      <main>
        {state.status === 'ready' && state.problems.length > 0 ? (
          <section class="cp-section" aria-label="Context pack problems">
            <div class="cp-problem">
              <p>
                {state.problems.length === 1
                  ? 'A context pack was refused, so its article shows no claims:'
                  : `${state.problems.length} context packs were refused, so their articles show no claims:`}
              </p>
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
      </main>
      <footer class="cp-footer">
        <button
          type="button"
          class="cp-button"
          onClick={() => {
            void data.openNotesManager().then(() => data.closeWindow());
          }}
        >
          Open notes manager
        </button>
        <p class="cp-footer-links">
          <a href="/help.html" {...EXTERNAL_LINK_ATTRIBUTES}>
            Help and shortcuts
          </a>
          <a href="/about.html" {...EXTERNAL_LINK_ATTRIBUTES}>
            Your data
          </a>
        </p>
      </footer>
    </div>
  );
}
