/**
 * Tells the reader when Counterpoint may not read the site's pages (a Firefox MV3 add-on whose
 * host access was withheld), and offers the button that asks the browser for it. Shows nothing
 * while access is there.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HostAccess, HostAccessState } from '../../utils/popup/host-access';

/** Props: the check (real or fake). */
export interface HostAccessNoticeProps {
  access: HostAccess;
}

type Shown = HostAccessState | 'checking' | 'just-granted' | 'refused' | 'failed';

/** The notice and its button. */
export function HostAccessNotice({ access }: HostAccessNoticeProps) {
  const [shown, setShown] = useState<Shown>('checking');

  useEffect(() => {
    let live = true;
    access.check().then(
      (state) => live && setShown(state),
      // The check failing is no reason to alarm the reader.
      () => live && setShown('granted'),
    );
    return () => {
      live = false;
    };
  }, [access]);

  if (shown === 'checking' || shown === 'granted') return null;

  async function ask() {
    try {
      setShown((await access.request()) === 'granted' ? 'just-granted' : 'refused');
    } catch {
      setShown('failed');
    }
  }

  return (
    <section class="cp-section" aria-label="Access to Global Research">
      <div class="cp-problem">
        {shown === 'just-granted' ? (
          <p role="status">
            Counterpoint may now read Global Research pages. Reload the article to see its claims.
          </p>
        ) : (
          <>
            <p role="status">
              Counterpoint is not allowed to read Global Research pages, so it cannot show claims or
              notes there.
            </p>
            {shown === 'refused' && <p role="alert">Access was not given.</p>}
            {shown === 'failed' && (
              <p role="alert">The browser did not ask. Allow it in the add-on’s permissions.</p>
            )}
            <button type="button" class="cp-button" onClick={() => void ask()}>
              Allow on globalresearch.ca
            </button>
          </>
        )}
      </div>
    </section>
  );
}
