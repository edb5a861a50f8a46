/** The toolbar popup: what Counterpoint found on the current tab. */
import { useEffect, useState } from 'preact/hooks';
import type { PopupData, TabView } from '@/utils/popup/popup-data';

/** Props: the data source (real or fake). */
export interface PopupAppProps {
  data: PopupData;
}

type State =
  | { status: 'loading' }
  | { status: 'ready'; view: TabView; problems: string[] }
  | { status: 'error'; message: string };

/** The popup's root component. */
export function PopupApp({ data }: PopupAppProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const tabId = await data.currentTabId();
        const [view, problems] = await Promise.all([data.tabView(tabId), data.packProblems()]);
        if (live) setState({ status: 'ready', view, problems });
      } catch (error) {
        if (live)
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          });
      }
    })();
    return () => {
      live = false;
    };
  }, [data]);

  return (
    <main class="popup">
      <h1>Counterpoint</h1>
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && state.view.kind === 'no-context' && (
        <p role="status">This page has no context yet.</p>
      )}
      {state.status === 'ready' && state.view.kind === 'article' && (
        <section aria-label="This article">
          <p role="status">
            {state.view.page.hasPack
              ? 'Global Research article recognised:'
              : 'Article recognised:'}{' '}
            <strong>{state.view.page.articleTitle}</strong>
          </p>
        </section>
      )}
    </main>
  );
}
