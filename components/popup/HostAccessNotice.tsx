/**
 * Tells the reader when Counterpoint may not read the site's pages (a Firefox MV3 add-on whose
 * host access was withheld), and offers the button that asks the browser for it. Shows nothing
 * while access is there.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
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
    <section class="cp-section" aria-label={t('access_region')}>
      <div class="cp-problem">
        {shown === 'just-granted' ? (
          <p role="status">{t('access_granted')}</p>
        ) : (
          <>
            <p role="status">{t('access_withheld')}</p>
            {shown === 'refused' && <p role="alert">{t('access_refused')}</p>}
            {shown === 'failed' && <p role="alert">{t('access_failed')}</p>}
            <button type="button" class="cp-button" onClick={() => void ask()}>
              {t('access_allow')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
