/**
 * "Open overview": the popup's way to the side panel beside the current tab. Shown only where
 * the browser can open one (Chrome's side panel, Firefox's sidebar).
 */
import { useState } from 'preact/hooks';
import { extensionApi } from '../../utils/browser';
import { t } from '../../utils/i18n';
import { type OverviewOpener, overviewOpener } from '../../utils/open-overview';

/** Every string the button shows, read from the interface language when used. */
export const strings = {
  get open() {
    return t('popup_open_overview');
  },
  get failed() {
    return t('popup_overview_failed');
  },
};

/** Props of {@link OpenOverviewButton}. */
export interface OpenOverviewButtonProps {
  tabId: number | undefined;
  /** After the panel opened (the popup closes itself). */
  onOpened?(): void;
  /** The browser's way to open it; the real one by default. */
  opener?: OverviewOpener;
}

/** The button, or nothing where there is no tab or no side panel. */
export function OpenOverviewButton({
  tabId,
  onOpened,
  opener = overviewOpener(extensionApi),
}: OpenOverviewButtonProps) {
  const [error, setError] = useState('');
  if (!opener.available || tabId === undefined) return null;
  return (
    <>
      <button
        type="button"
        class="cp-button"
        onClick={() => {
          setError('');
          // No await before this call: the browser wants it inside the click.
          opener.open(tabId).then(
            () => onOpened?.(),
            () => setError(strings.failed),
          );
        }}
      >
        {strings.open}
      </button>
      {error === '' ? null : <p role="alert">{error}</p>}
    </>
  );
}
